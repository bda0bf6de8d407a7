using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.MassTransfers;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Persistence;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Reads;
using Qadam.Workflows.Versions;

namespace Qadam.Api.Features.Weather;

/// <summary>Where one school's frost order stands against its window (order 103 para 15).</summary>
public static class WeatherOrderState
{
    /// <summary>Its table proposed nothing: the school studies as usual and orders nothing.</summary>
    public const string NotConcerned = "not-concerned";

    /// <summary>Its order is awaited (the window has not opened, or it is open and not over).</summary>
    public const string NotYet = "not-yet";

    /// <summary>The head or deputy ordered within the window.</summary>
    public const string Ordered = "ordered";

    /// <summary>The window closed without the order (or the order came after it): the regional officer was asked to act.</summary>
    public const string Late = "late";

    /// <summary>
    /// A college the TVET exclusion leaves in class (349 Annex 2 para 3-1, 103 Annex 1 para 3): no order of its own, no one
    /// moved; the reason is recorded by its transfer step.
    /// </summary>
    public const string Excluded = "excluded";
}

/// <summary>
/// One school of the day's decision as the regional officer follows it: the indicator table that applied to it (named by
/// the territory that approved it), what that table proposed, its order against the window, and how many parents the
/// transfer reached; the notification system approved for it (para 12(2)) and each notification recorded with its channel
/// of para 13 and its time.
/// </summary>
public sealed record WeatherDecisionSchool(
    string Organisation, string NameKk, string NameRu, IReadOnlyList<int> Shifts, string? IndicatorTable, string? TableNameKk, string? TableNameRu,
    string? ProposalKk, string? ProposalRu, string OrderState, DateTimeOffset? OrderedAt, DateTimeOffset? OrderDueAt, bool Escalated,
    int StudentsMoved, int ParentsReached, DateTimeOffset? ParentsNotifiedAt, string? NotificationTable = null,
    IReadOnlyList<WeatherNotificationSent>? Notifications = null, string? ExclusionReasonKk = null, string? ExclusionReasonRu = null,
    string? ExclusionLegalBasis = null);

/// <summary>
/// The day's weather decision: the observed (or forecast) values the officer recorded, and each school; while the values
/// are not recorded yet, <paramref name="ObservationTaskId"/> is the officer's open task that records them.
/// </summary>
public sealed record WeatherDecisionView(
    Guid InstanceId, string Organisation, string TerritoryKk, string TerritoryRu, string Status, string? ForDate, string? ShiftGroup,
    string? Source, double? Temperature, double? WindSpeed, bool? Blizzard, DateTimeOffset StartedAt, IReadOnlyList<WeatherDecisionSchool> Schools,
    Guid? ObservationTaskId = null);

/// <summary>
/// <c>GET /api/weather-decisions/{id}</c>: the regional (or district) officer follows the day's decision school by school
/// (order 103 para 14-15: each school's order by 07:00 / 12:00, parents told by 08:00 / 13:00). Only the territory that
/// opened the decision and the bodies above it see it (403); an unknown id is 404.
/// </summary>
internal static class GetWeatherDecision
{
    private static readonly string[] SchoolSteps = ["headOrder", "escalateLateOrder", "parentsNotified", "enterWeather"];

    public static async Task<Results<Ok<WeatherDecisionView>, NotFound, ForbidHttpResult>> HandleAsync(
        Guid id, ClaimsPrincipal user, QadamDbContext db, EngineReads reads, TimeProvider time, CancellationToken cancellationToken)
    {
        var instance = await reads.InstanceAsync(id, cancellationToken);
        if (instance is null || instance.DefinitionKey != StartWeatherDecision.PathwayKey)
        {
            return TypedResults.NotFound();
        }

        // The instance's own variables, without any school's locals.
        var variables = instance.Variables;
        var code = Text(variables["organisation"]);
        var territory = code is null ? null : await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Code == code, cancellationToken);
        if (territory is null)
        {
            return TypedResults.NotFound();
        }

        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        if (!scope.CanSeeOrganisation(territory.Id))
        {
            return TypedResults.Forbid();
        }

        var schools = (variables["schools"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var tasks = await reads.Tasks.Where(t => t.InstanceId == id && SchoolSteps.Contains(t.ElementId)).ToListAsync(cancellationToken);
        var locals = await reads.VariablesAtAsync(
            id, tasks.Where(t => Text(t.LoopElement?["organisation"]) is null).Select(t => t.TokenId), cancellationToken);
        // The escalation is the officer's task (no organisation of its own): its school is that of the instance it runs in.
        var bySchool = tasks.ToLookup(t => Text(t.LoopElement?["organisation"])
            ?? Text(locals.GetValueOrDefault(t.TokenId)?["school"]?["organisation"]) ?? t.Organisation ?? string.Empty, StringComparer.Ordinal);
        var proposals = await ProposalsAsync(instance, reads, cancellationToken);
        var codes = schools.Select(s => Text(s["organisation"]) ?? string.Empty).ToList();
        var tableTerritories = schools.Select(s => Text(s["indicatorTable"])).OfType<string>()
            .Select(k => k[WeatherIndicatorTables.KeyPrefix.Length..]).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => tableTerritories.Contains(o.Code))
            .ToDictionaryAsync(o => o.Code, o => (o.NameKk, o.NameRu), cancellationToken);
        var moved = await MovedAsync(id, db, cancellationToken);
        var exclusions = await ExclusionsAsync(id, db, cancellationToken);
        var systems = await NotificationSystemsAsync(instance,
            [.. schools.Select(s => Text(s["notificationTable"]) ?? Text(variables["notificationTable"])).OfType<string>().Distinct()], reads, cancellationToken);
        var now = time.GetUtcNow();

        var rows = schools.Select(school =>
        {
            var organisation = Text(school["organisation"]) ?? string.Empty;
            var table = Text(school["indicatorTable"]) ?? Text(variables["indicatorTable"]);
            names.TryGetValue(table?[WeatherIndicatorTables.KeyPrefix.Length..] ?? string.Empty, out var territoryName);
            var proposal = table is null ? null : proposals.GetValueOrDefault(table);
            var order = bySchool[organisation].Where(t => t.ElementId == "headOrder").OrderByDescending(t => t.CreatedAt).FirstOrDefault();
            var escalated = bySchool[organisation].Any(t => t.ElementId == "escalateLateOrder");
            var notified = bySchool[organisation].FirstOrDefault(t => t.ElementId == "parentsNotified" && t.Status == UserTaskStatus.Completed);
            var ordered = order is { Status: UserTaskStatus.Completed } ? order.EndedAt : null;
            var exclusion = exclusions.GetValueOrDefault(organisation);
            var state = exclusion is not null ? WeatherOrderState.Excluded
                : escalated || (order is { DueAt: { } due } && (ordered ?? now) > due)
                ? WeatherOrderState.Late
                : ordered is not null
                    ? WeatherOrderState.Ordered
                    : order is null && proposals.Count > 0 && proposal is null
                        ? WeatherOrderState.NotConcerned
                        : WeatherOrderState.NotYet;
            var movedHere = moved.GetValueOrDefault(organisation);
            // Para 13: which channels the school's confirmation named, when, and whether its approved system has them.
            var system = Text(school["notificationTable"]) ?? Text(variables["notificationTable"]);
            var sent = bySchool[organisation].Where(t => t is { ElementId: "parentsNotified", Status: UserTaskStatus.Completed, EndedAt: not null })
                .OrderBy(t => t.EndedAt)
                .SelectMany(t => WeatherNotificationChannels.Recorded(t.Output, system is null ? null : systems.GetValueOrDefault(system),
                    t.EndedAt!.Value, t.CompletedBy))
                .ToList();
            return new WeatherDecisionSchool(organisation, Text(school["nameKk"]) ?? organisation, Text(school["nameRu"]) ?? organisation,
                [.. (school["shifts"] as JsonArray ?? []).Select(n => n?.GetValue<int>() ?? 0)], table,
                territoryName.NameKk, territoryName.NameRu, proposal?.Kk, proposal?.Ru, state, ordered, order?.DueAt, escalated,
                movedHere, movedHere, notified?.EndedAt,
                system, sent, exclusion?.ExclusionReasonKk, exclusion?.ExclusionReasonRu, exclusion?.ExclusionLegalBasis);
        }).ToList();

        return TypedResults.Ok(new WeatherDecisionView(id, territory.Code, territory.NameKk, territory.NameRu, instance.Status.ToString().ToLowerInvariant(),
            Text(variables["forDate"]), Text(variables["shiftGroup"]), Text(variables["source"]), Number(variables["temperature"]),
            Number(variables["windSpeed"]), variables["blizzard"]?.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False
                ? variables["blizzard"]!.GetValue<bool>() : null,
            instance.StartedAt, rows,
            tasks.FirstOrDefault(t => t.ElementId == "enterWeather" && t.IsOpen)?.Id));
    }

    /// <summary>
    /// What each table proposed: the row the engine matched for the schools it applied to (journal "rule-matched" of
    /// proposeForSchool: the observed values are the day's, so every school on one table gets the same row), worded from
    /// that table's version in force on the decision's day.
    /// </summary>
    private static async Task<Dictionary<string, (string? Kk, string? Ru)?>> ProposalsAsync(
        InstanceView instance, EngineReads reads, CancellationToken cancellationToken)
    {
        var matched = await reads.RulesMatchedAsync(instance.Id, "proposeForSchool", cancellationToken);
        var rules = matched.GroupBy(m => m.Table, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Rule, StringComparer.Ordinal);
        var versions = await reads.TablesInForceAsync([.. rules.Keys], instance.ReferenceDate, cancellationToken);
        var proposals = new Dictionary<string, (string? Kk, string? Ru)?>(StringComparer.Ordinal);
        foreach (var (key, rule) in rules)
        {
            proposals[key] = rule is { } n && versions.TryGetValue(key, out var content)
                && JsonNode.Parse(content)?["rules"]?[n - 1]?["output"] is JsonObject output
                    ? (Text(output["labelKk"]), Text(output["labelRu"]))
                    : null;
        }

        return proposals;
    }

    /// <summary>
    /// The notification systems (order 103 para 12(2)) by table key, as the version in force on the decision's day words them:
    /// the output of its row (a system is one row that always applies).
    /// </summary>
    private static async Task<Dictionary<string, JsonObject>> NotificationSystemsAsync(
        InstanceView instance, List<string> keys, EngineReads reads, CancellationToken cancellationToken)
    {
        var versions = await reads.TablesInForceAsync(keys, instance.ReferenceDate, cancellationToken);
        return versions.Select(v => (v.Key, Output: JsonNode.Parse(v.Value)?["rules"]?[0]?["output"]))
            .Where(s => s.Output is JsonObject)
            .ToDictionary(s => s.Key, s => (JsonObject)s.Output!, StringComparer.Ordinal);
    }

    /// <summary>Per school code: students the day's transfers moved, and those whose parents the transfer told.</summary>
    /// <summary>The colleges this decision's transfer steps left out, with the reason each step recorded.</summary>
    private static async Task<Dictionary<string, MassTransferSchool>> ExclusionsAsync(Guid instanceId, QadamDbContext db, CancellationToken cancellationToken)
    {
        var rows = await (from t in db.MassTransfers.AsNoTracking()
                          join s in db.MassTransferSchools on t.Id equals s.TransferId
                          join o in db.Organisations on s.OrganisationId equals o.Id
                          where t.InstanceId == instanceId && s.Status == TransferStatus.Excluded
                          select new { o.Code, School = s }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().School, StringComparer.Ordinal);
    }

    // The students each school moved. Each moved student's row is also its parents' notice (StudentTransfer), so the
    // parents reached are the same count.
    private static Task<Dictionary<string, int>> MovedAsync(Guid instanceId, QadamDbContext db, CancellationToken cancellationToken) =>
        (from t in db.MassTransfers.AsNoTracking()
         join s in db.StudentTransfers on t.Id equals s.TransferId
         join o in db.Organisations on s.OrganisationId equals o.Id
         where t.InstanceId == instanceId
         group s by o.Code into g
         select new { Code = g.Key, Count = g.Count() }).ToDictionaryAsync(m => m.Code, m => m.Count, StringComparer.Ordinal, cancellationToken);

    private static string? Text(JsonNode? node) =>
        node?.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : null;

    private static double? Number(JsonNode? node) =>
        node?.GetValueKind() == System.Text.Json.JsonValueKind.Number ? node.GetValue<double>() : null;
}
