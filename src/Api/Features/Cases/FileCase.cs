using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.Definitions;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Features.Students;
using Qadam.Api.Hosting;
using Qadam.Api.Features.Identity;
using Qadam.Api.Features.Idempotency;
using Qadam.Api.Persistence;
using Qadam.Identifiers;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Versions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qadam.Api.Features.Cases;

/// <summary>What filing a case takes (the stable contract of <c>POST /api/cases</c>).</summary>
public sealed record FileCaseRequest(
    string Pathway, string StudentIin, string Ground, DateOnly FiledOn, string? Language = null, JsonObject? Data = null);

/// <summary>
/// <c>POST /api/cases</c>: checks the application, then in ONE transaction numbers the case, starts its process
/// bound to the version in force on the filing date (business key = case id) and appends the audit event, so a case
/// never exists without its instance or its audit, nor the other way round.
/// </summary>
internal static class FileCase
{
    /// <summary>How far back a filing date may lie: a paper application registered late, not a typo of the year.</summary>
    internal const int MaxDaysBack = 366;

    /// <summary>What filing uses besides the request.</summary>
    internal sealed record Services(
        HttpRequest Http, ClaimsPrincipal User, QadamDbContext Db, ProcessEngine Engine, VersionsInForce Versions, CommandTransaction Command,
        TimeProvider Time);

    public static async Task<Results<Created<CaseResponse>, ProblemHttpResult>> HandleAsync(
        FileCaseRequest request, [AsParameters] Services services, CancellationToken cancellationToken)
    {
        var (http, user, db, engine, time) = (services.Http, services.User, services.Db, services.Engine, services.Time);
        var subject = user.FindFirstValue(Claims.Subject)!;
        var idempotencyKey = http.Headers["Idempotency-Key"].ToString();
        if (idempotencyKey.Length > 100)
        {
            return UnprocessableProblem.Create("Idempotency-Key", "At most 100 characters.");
        }

        // A key the filter met for the first time has filed nothing yet (a race with a twin ends in the unique index below).
        if (idempotencyKey.Length > 0 && IdempotencyKeyFilter.SeenBefore(http.HttpContext)
            && await IdempotentFiling.ReplayAsync(db, subject, idempotencyKey, cancellationToken) is { } replay)
        {
            return replay;
        }

        var errors = new Dictionary<string, string[]>();
        var today = KazakhstanClock.Today(time);
        if (!Iin.TryParse(request.StudentIin, out var iin, out var iinError))
        {
            errors["studentIin"] = [iinError];
        }

        if (!DefinitionKeys.Pattern().IsMatch(request.Pathway))
        {
            errors["pathway"] = ["A pathway is a definition key, e.g. \"parent-application\"."];
        }

        if (string.IsNullOrWhiteSpace(request.Ground) || request.Ground.Length > 2000)
        {
            errors["ground"] = ["The ground is required, at most 2000 characters."];
        }

        if (request.FiledOn > today)
        {
            errors["filedOn"] = [$"The filing date {request.FiledOn:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd} in Kazakhstan)."];
        }
        else if (request.FiledOn < today.AddDays(-MaxDaysBack))
        {
            errors["filedOn"] = [$"The filing date {request.FiledOn:yyyy-MM-dd} is more than a year ago."];
        }

        var language = request.Language ?? "kk";
        if (language is not ("kk" or "ru"))
        {
            errors["language"] = ["The applicant's language is kk or ru."];
        }

        if (errors.Count > 0)
        {
            return UnprocessableProblem.Create(errors);
        }

        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        var student = await (from s in db.Students.AsNoTracking()
                             join o in db.Organisations on s.OrganisationId equals o.Id
                             where s.Iin == iin.Value
                                   && (scope.SeesAllOrganisations || scope.OrganisationIds.Contains(s.OrganisationId) || scope.StudentIds.Contains(s.Id))
                             select new { s, o.Code, o.Kind, o.Programmes }).SingleOrDefaultAsync(cancellationToken);
        if (student is null)
        {
            // The same answer for an unknown IIN and a foreign one: filing must not tell who studies where.
            return UnprocessableProblem.Create("studentIin", "No student with this IIN is on the rosters of your organisations.");
        }

        if (CaseScope.Refusal(student.s.Level, student.Kind, request.Pathway) is { } outOfScope)
        {
            return UnprocessableProblem.Create("studentIin", outOfScope);
        }

        // The ground is a code of para 3 of the edition bound on the filing date, where the edition enumerates it.
        if (await CaseGrounds.OfAsync(engine, request.Pathway, request.FiledOn, cancellationToken) is { } grounds
            && CaseGrounds.Refusal(grounds, request.Ground) is { } unknownGround)
        {
            return UnprocessableProblem.Create("ground", unknownGround);
        }

        var actor = AuditActor.From(user);
        var now = time.GetUtcNow();
        Case filed;
        try
        {
            (filed, _) = await services.Command.RunAsync(actor, async ct =>
            {
                var @case = await NumberAsync(ct);
                var result = await engine.StartAsync(
                    new StartProcess(request.Pathway, request.FiledOn, new Actor(subject, actor.Roles, actor.OrganisationCode),
                        await VariablesAsync(@case, ct), @case.Id.ToString()),
                    ct);
                @case.Bind(result.InstanceId, result.DefinitionVersion, now);
                @case.Follow(result.Status, result.Outcome, now);
                return (@case, result);
            }, r => new AuditEntry("case.filed", JsonSerializer.SerializeToUtf8Bytes(request),
                r.Item1.Id, request.Pathway, r.Item2.DefinitionVersion, Documents.LegalCitation.Line(r.Item2.LegalBasis)), cancellationToken);
        }
        catch (NoVersionInForceException ex) when (string.Equals(ex.Key, request.Pathway, StringComparison.Ordinal))
        {
            return UnprocessableProblem.Create(await services.Versions.AnyPublishedAsync(request.Pathway, cancellationToken)
                ? new Dictionary<string, string[]>
                {
                    ["filedOn"] = [$"No version of '{request.Pathway}' is in force on {request.FiledOn:yyyy-MM-dd}: the pathway starts later."],
                }
                : new Dictionary<string, string[]> { ["pathway"] = [$"No published pathway '{request.Pathway}'."] });
        }
        catch (DbUpdateException ex) when (idempotencyKey.Length > 0 && ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same key was filed concurrently and won: answer with its case.
            return await IdempotentFiling.ReplayAsync(db, subject, idempotencyKey, cancellationToken)
                   ?? throw new InvalidOperationException("Lost idempotent case.", ex);
        }

        // The response is what the handler holds: the case it filed and the student it looked up (no second read).
        return TypedResults.Created($"/api/cases/{filed.Id}", new CaseResponse(
            filed.Id, filed.Number, filed.PathwayKey, filed.DefinitionVersion, filed.Status, student.s.Iin, student.s.FullName, student.Code,
            filed.Ground, filed.FiledOn, filed.Language, filed.ApplicantName, filed.ProcessInstanceId, Stored(filed.CreatedAt), Stored(filed.UpdatedAt)));

        async Task<Case> NumberAsync(CancellationToken ct)
        {
            // Numbers run per organisation and year without gaps or twins: one filer at a time per pair.
            var year = request.FiledOn.Year;
            var sequence = await CaseCounter.NextAsync(db, student.s.OrganisationId, year, ct);
            var @case = new Case(student.s.OrganisationId, student.Code, year, sequence, request.Pathway, student.s.Id, request.Ground.Trim(),
                request.FiledOn, language, subject, actor.Name, request.Data, idempotencyKey.Length > 0 ? idempotencyKey : null, now);
            db.Cases.Add(@case);
            return @case;
        }

        async Task<JsonObject> VariablesAsync(Case @case, CancellationToken ct)
        {
            var variables = new JsonObject
            {
                ["caseId"] = @case.Id.ToString(),
                ["caseNumber"] = @case.Number,
                ["student"] = new JsonObject
                {
                    ["iin"] = student.s.Iin,
                    ["fullName"] = student.s.FullName,
                    ["birthDate"] = student.s.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    ["class"] = student.s.ClassName,
                    ["level"] = student.s.Level.ToString(),
                    ["organisation"] = student.Code,
                    // What 349 para 3-1 / 103 para 3 test: the organisation's kind and its restricted programmes, not the student's.
                    ["organisationKind"] = student.Kind.ToString(),
                    ["organisationProgrammes"] = new JsonArray([.. Organisation.ProgrammeCodes(student.Programmes).Select(p => (JsonNode)p)]),
                },
                ["organisation"] = student.Code,
                ["filedOn"] = request.FiledOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["ground"] = @case.Ground,
                ["language"] = language,
                ["applicant"] = new JsonObject { ["id"] = subject, ["name"] = actor.Name },
                ["data"] = request.Data?.DeepClone() ?? new JsonObject(),
            };

            // The bodies that vote on the case (order 349 Annex 2 para 11(1), 2025 Annex 1 para 28(1)): one ballot per
            // member, each tied to its member by user id (qadam:assignee="=member.user"), as the engine's actor ids are.
            var members = await (from u in db.Users
                                 join ur in db.UserRoles on u.Id equals ur.UserId
                                 join r in db.Roles on ur.RoleId equals r.Id
                                 where u.OrganisationId == student.s.OrganisationId && (r.Name == QadamRoles.CouncilMember || r.Name == QadamRoles.Trustee)
                                 orderby u.UserName
                                 select new { u.Id, u.UserName, Role = r.Name }).ToListAsync(ct);
            JsonObject Body(string role) => new()
            {
                ["members"] = new JsonArray([.. members.Where(m => m.Role == role).Select(m => (JsonNode)new JsonObject
                {
                    ["user"] = m.Id.ToString(), ["name"] = m.UserName, ["organisation"] = student.Code,
                })]),
            };
            await Universities.UniversityCaseVariables.AddAsync(db, student.s.Id, variables, ct);
            variables["council"] = Body(QadamRoles.CouncilMember);
            variables["trustees"] = Body(QadamRoles.Trustee);
            return variables;
        }
    }

    /// <summary>A time as PostgreSQL keeps it (microseconds), so the answer matches what a later read returns.</summary>
    private static DateTimeOffset Stored(DateTimeOffset at) => at.AddTicks(-(at.Ticks % 10));
}
