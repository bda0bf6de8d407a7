using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.Definitions;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Hosting;
using Qadam.Api.Features.Idempotency;
using Qadam.Api.Persistence;
using Qadam.Identifiers;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Versions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qadam.Api.Features.Cases;

/// <summary>
/// <c>POST /api/cases</c>: checks the application (<see cref="FileCaseValidation"/>, <see cref="FilingSubject"/>), then in ONE
/// transaction numbers the case, starts its process bound to the version in force on the filing date (business key = case id)
/// with <see cref="FilingVariables"/> and appends the audit event, so a case never exists without its instance or its audit,
/// nor the other way round; <see cref="FiledCase"/> answers.
/// </summary>
internal static class FileCase
{
    /// <summary>How far back a filing date may lie: a paper application registered late, not a typo of the year.</summary>
    internal const int MaxDaysBack = 366;

    /// <summary>What filing uses besides the request.</summary>
    internal sealed record Services(
        HttpRequest Http, ClaimsPrincipal User, QadamDbContext Db, ProcessEngine Engine, VersionsInForce Versions,
        CommandTransaction Command, TimeProvider Time);

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

        var errors = FileCaseValidation.Problems(request, KazakhstanClock.Today(time), out var iin, out var programme);
        if (errors.Count > 0)
        {
            return UnprocessableProblem.Create(errors);
        }

        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        FilingSubject about;
        if (programme is not null)
        {
            if (await FilingSubject.OwnOrganisationAsync(db, scope, cancellationToken) is not { } own)
            {
                return UnprocessableProblem.Create("pathway", CaseScope.OrganisationRefusal(OrganisationKind.School)!);
            }

            about = own;
        }
        else if (await FilingSubject.StudentAsync(db, scope, iin, cancellationToken) is not { } found)
        {
            // The same answer for an unknown IIN and a foreign one: filing must not tell who studies where.
            return UnprocessableProblem.Create("studentIin", "No student with this IIN is on the rosters of your organisations.");
        }
        else if (CaseScope.Refusal(found.Student!.Level, found.Kind, request.Pathway) is { } outOfScope)
        {
            return UnprocessableProblem.Create("studentIin", outOfScope);
        }
        else
        {
            about = found;
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
                // Every read first, then the number: its row lock holds the organisation's other filers until the commit.
                var variables = await FilingVariables.BuildAsync(db, about, programme, request, subject, actor, ct);
                var @case = await NumberAsync(ct);
                var result = await engine.StartAsync(
                    new StartProcess(request.Pathway, request.FiledOn, new Actor(subject, actor.Roles, actor.OrganisationCode),
                        FilingVariables.Number(variables, @case), @case.Id.ToString()),
                    ct);
                @case.Bind(result.InstanceId, result.DefinitionVersion, now);
                @case.Follow(result.Status, result.Outcome, now);
                return (@case, result);
            }, r => new AuditEntry("case.filed", JsonSerializer.SerializeToUtf8Bytes(request),
                r.Item1.Id, request.Pathway, r.Item2.DefinitionVersion, Documents.LegalCitation.Line(r.Item2.LegalBasis)), cancellationToken);
        }
        catch (NoVersionInForceException ex) when (string.Equals(ex.Key, request.Pathway, StringComparison.Ordinal))
        {
            return await FiledCase.NoVersionInForceAsync(services.Versions, request, cancellationToken);
        }
        catch (DbUpdateException ex) when (idempotencyKey.Length > 0
                                           && ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same key was filed concurrently and won: answer with its case.
            return await IdempotentFiling.ReplayAsync(db, subject, idempotencyKey, cancellationToken)
                   ?? throw new InvalidOperationException("Lost idempotent case.", ex);
        }

        return FiledCase.Created(filed, about);

        async Task<Case> NumberAsync(CancellationToken ct)
        {
            // Numbers run per organisation and year without gaps or twins: one filer at a time per pair.
            var year = request.FiledOn.Year;
            var sequence = await CaseCounter.NextAsync(db, about.OrganisationId, year, ct);
            var @case = new Case(about.OrganisationId, about.Code, year, sequence, request.Pathway, about.Student?.Id,
                request.Ground.Trim(), request.FiledOn, FileCaseValidation.LanguageOf(request), subject, actor.Name, request.Data,
                idempotencyKey.Length > 0 ? idempotencyKey : null, now, programme);
            db.Cases.Add(@case);
            return @case;
        }
    }
}
