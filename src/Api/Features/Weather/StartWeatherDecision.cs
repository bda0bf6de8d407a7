using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.Definitions;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Features.Students;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;
using Qadam.Identifiers;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Versions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qadam.Api.Features.Weather;

/// <summary>A weather decision to open: the language of its documents for parents (Kazakh unless said otherwise).</summary>
public sealed record WeatherDecisionRequest(string? Language = null);

/// <summary>
/// One school the decision may concern, with the shifts its students study in and the approved indicator table that applies
/// to it (its district's, else its city's or oblast's: order 103 para 12(1)) with that table's approval, and the notification
/// system approved for it the same way (para 12(2)) with that system's approval.
/// </summary>
public sealed record WeatherSchool(
    string Organisation, string NameKk, string NameRu, IReadOnlyList<int> Shifts, string? IndicatorTable = null,
    string? IndicatorsApproval = null, string? IndicatorsSchoolYear = null, string? NotificationTable = null, string? NotificationApproval = null,
    string? Kind = null, IReadOnlyList<string>? Programmes = null);

/// <summary>The opened decision: the process instance whose first task is entering the forecast or the observed values.</summary>
public sealed record WeatherDecisionResponse(Guid InstanceId, int DefinitionVersion, string Organisation, IReadOnlyList<WeatherSchool> Schools);

/// <summary>
/// <c>POST /api/weather-decisions</c>: a regional (or district) officer opens the day's weather decision for the schools
/// and colleges of their territory (order 349 as amended by 103, annex 1, paragraphs 11-21). The pathway then asks them for
/// the forecast or observed values, the region's indicator table decides the grades, and each school's head gets the
/// order task. One decision per shift group: the officer opens one at dawn for the first shift and one before noon for the
/// others. Send an Idempotency-Key header to make a retry safe.
/// </summary>
internal static class StartWeatherDecision
{
    public const string PathwayKey = "weather";

    public static async Task<Results<Created<WeatherDecisionResponse>, ProblemHttpResult>> HandleAsync(
        WeatherDecisionRequest request, HttpContext http, ClaimsPrincipal user, QadamDbContext db, VersionsInForce versions, ProcessEngine engine,
        CommandTransaction command, TimeProvider time, CancellationToken cancellationToken)
    {
        var language = request.Language ?? "kk";
        if (language is not ("kk" or "ru"))
        {
            return UnprocessableProblem.Create("language", "The language is kk or ru.");
        }

        var idempotencyKey = http.Request.Headers["Idempotency-Key"].ToString();
        if (idempotencyKey.Length > 100)
        {
            return UnprocessableProblem.Create("Idempotency-Key", "At most 100 characters.");
        }

        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        var territory = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == scope.OrganisationId, cancellationToken);
        if (territory is null || territory.Kind is not (OrganisationKind.Region or OrganisationKind.District))
        {
            return UnprocessableProblem.Create("organisation", "A weather decision is taken by a region's or a district's education authority.");
        }

        // The caller's scope is the territory and everything below it.
        var below = scope.OrganisationIds.ToList();
        var holders = await db.Organisations.AsNoTracking()
            .Where(o => below.Contains(o.Id) && (o.Kind == OrganisationKind.School || o.Kind == OrganisationKind.College))
            .OrderBy(o => o.Code).ToListAsync(cancellationToken);
        var holderIds = holders.Select(o => o.Id).ToList();
        var shifts = (await db.Students.AsNoTracking()
                .Where(s => holderIds.Contains(s.OrganisationId))
                .Select(s => new { s.OrganisationId, s.Shift }).Distinct()
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.OrganisationId, s => (int)s.Shift);
        var today = KazakhstanClock.Today(time);
        var tables = await WeatherIndicatorTables.ForSchoolsAsync(holders, today, db, versions, WeatherIndicatorTables.KeyPrefix, cancellationToken);
        // The territory's own table (its own, or the one above it) decides for the territory; a school under a district with
        // a table of its own is decided by that one (para 12(1)).
        var own = await WeatherIndicatorTables.ForTerritoryAsync(territory, today, db, versions, WeatherIndicatorTables.KeyPrefix, cancellationToken);
        // The notification system (para 12(2)) is approved by the same bodies and applies the same way.
        var notifications = await WeatherIndicatorTables.ForSchoolsAsync(holders, today, db, versions,
            WeatherIndicatorTables.NotificationPrefix, cancellationToken);
        var ownNotification = await WeatherIndicatorTables.ForTerritoryAsync(territory, today, db, versions,
            WeatherIndicatorTables.NotificationPrefix, cancellationToken);
        // A school with no roster yet is taken to study in the first shift, so it still gets the order task.
        var schools = holders.Select(o => new WeatherSchool(o.Code, o.NameKk, o.NameRu,
            shifts[o.Id].Any() ? [.. shifts[o.Id].Order()] : [1], tables.GetValueOrDefault(o.Id)?.Key,
            tables.GetValueOrDefault(o.Id)?.Approval, tables.GetValueOrDefault(o.Id)?.SchoolYear,
            notifications.GetValueOrDefault(o.Id)?.Key, notifications.GetValueOrDefault(o.Id)?.Approval,
            // What the orders test per organisation: a college's restricted programmes leave it out (349 Annex 2 para 3-1,
            // 103 Annex 1 para 3), and only a secondary school keeps the distance regime (349 Annex 2 para 15).
            o.Kind.ToString().ToLowerInvariant(), Organisation.ProgrammeCodes(o.Programmes))).ToList();

        var actor = AuditActor.From(user);
        var variables = new JsonObject
        {
            ["organisation"] = territory.Code,
            ["region"] = territory.NameRu,
            ["regionKk"] = territory.NameKk,
            ["regionRu"] = territory.NameRu,
            ["ground"] = "weather",
            ["language"] = language,
            ["schools"] = JsonSerializer.SerializeToNode(schools, JsonSerializerOptions.Web),
        };
        if (own is not null)
        {
            variables["indicatorTable"] = own.Key;
        }

        if (ownNotification is not null)
        {
            variables["notificationTable"] = ownNotification.Key;
        }

        var started = await command.RunAsync(actor, ct => engine.StartAsync(new StartProcess(PathwayKey, today,
                new Actor(user.FindFirstValue(Claims.Subject)!, actor.Roles, actor.OrganisationCode), variables,
                $"weather:{territory.Code}:{today:yyyy-MM-dd}", idempotencyKey.Length > 0 ? $"weather:{actor.Name}:{idempotencyKey}" : null), ct),
            r => new AuditEntry("weather-decision.opened", JsonSerializer.SerializeToUtf8Bytes(new { territory = territory.Code, language }),
                ProcessKey: PathwayKey, ProcessVersion: r.DefinitionVersion, LegalBasis: Documents.LegalCitation.Line(r.LegalBasis)),
            cancellationToken);

        return TypedResults.Created($"/api/cases?pathway={PathwayKey}",
            new WeatherDecisionResponse(started.InstanceId, started.DefinitionVersion, territory.Code, schools));
    }
}
