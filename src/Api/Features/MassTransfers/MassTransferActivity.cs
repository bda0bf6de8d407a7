using System.Globalization;
using System.Text.Json.Nodes;
using Qadam.Workflows.Execution;

namespace Qadam.Api.Features.MassTransfers;

/// <summary>
/// The "mass-transfer" service task of the emergency and weather pathways (workflows/README.md). It moves the students of
/// the instance's organisations (emergency: <c>organisations</c>, <c>order</c>, <c>period</c>) or of the schools and shift
/// a weather decision concerns (<c>schools</c>, <c>shiftGroup</c>, <c>remote</c>, <c>forDate</c>); a step whose id starts
/// with "return" brings back the students the instance moved away. The bulk writes commit school by school outside the
/// job's transaction (<see cref="MassTransferRunner"/>), so a crash resumes instead of starting over; the job itself only
/// records the outcome in the variable <c>transfers.&lt;elementId&gt;</c>.
/// </summary>
internal sealed class MassTransferActivity(MassTransferRunner runner, TvetMassExclusion exclusion) : IProcessActivity
{
    public const string ActivityName = "mass-transfer";

    public string Name => ActivityName;

    public async Task ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var request = RequestFor(context);
        if (request.Direction == TransferDirection.Distance && !ExceptionGranted(context))
        {
            request = request with { Excluded = await exclusion.DecideAsync(request.OrganisationCodes, cancellationToken) };
        }

        var outcome = await runner.RunAsync(request, cancellationToken: cancellationToken);
        var transfers = (context.Variables["transfers"] as JsonObject)?.DeepClone().AsObject() ?? []; // a copy: a JSON node has one parent
        transfers[context.ElementId] = new JsonObject
        {
            ["id"] = outcome.TransferId.ToString(),
            ["direction"] = Direction(context.ElementId),
            ["students"] = outcome.Total,
            // The organisations the edition excludes (a TVET college's restricted programmes, order 349 para 3-1): the emergency
            // pathway opens no per-school order for them, as they move no one (workflows/README.md, emergency-transfer).
            ["excluded"] = new JsonArray([.. request.Excluded.Select(e => (JsonNode)e.Organisation)]),
        };
        context.SetVariable("transfers", transfers);
    }

    /// <summary>
    /// Inside one college's instance the head decided, with reasons, that the case is one of art. 37-2 para 2 of the Law on
    /// education (349 Annex 2 para 3-1, 2023/24 only: task <c>exclusionException</c>): that college is not excluded.
    /// </summary>
    private static bool ExceptionGranted(ActivityContext context) =>
        context.Variables["school"] is JsonObject && context.Variables["exceptionApplies"]?.GetValue<string>() == "yes";

    private static string Direction(string elementId) =>
        elementId.StartsWith("return", StringComparison.Ordinal) ? TransferDirection.Return : TransferDirection.Distance;

    internal static MassTransferRequest RequestFor(ActivityContext context)
    {
        var variables = context.Variables;
        // Inside one school's instance of the per-school sub-process (order 103 para 15 and 22: each school's own order) the
        // step moves that school alone, and is known by its element and school, so each school's step resumes by itself.
        var school = (variables["school"] as JsonObject)?["organisation"]?.GetValue<string>();
        var stepKey = school is null ? context.ElementId : $"{context.ElementId}/{school}";
        if (variables["schools"] is JsonArray schools && variables["shiftGroup"]?.GetValue<string>() is { } shiftGroup)
        {
            return WeatherRequest(context, stepKey, schools, shiftGroup, school);
        }

        List<string> codes = school is not null
            ? [school]
            : [.. (variables["organisations"] as JsonArray
                   ?? throw new InvalidOperationException("The instance has neither 'organisations' nor 'schools' to transfer."))
                .Select(c => c!.GetValue<string>())];
        var period = variables["period"] ?? throw new InvalidOperationException("The instance has no 'period' of the order.");
        Guid? order = Guid.TryParse(variables["order"]?["id"]?.GetValue<string>(), out var id) ? id : null;
        return new MassTransferRequest(context.InstanceId, stepKey, context.DefinitionKey, context.DefinitionVersion, order,
            Direction(context.ElementId), Date(period["from"]), Date(period["to"]), codes, null, Classes(variables["classes"], codes));
    }

    /// <summary>The order's <c>classes</c> (organisation code → class names) for the organisations this step moves.</summary>
    private static Dictionary<string, IReadOnlyList<string>>? Classes(JsonNode? classes, List<string> codes)
    {
        if (classes is not JsonObject byOrganisation)
        {
            return null;
        }

        var scoped = byOrganisation
            .Where(c => codes.Contains(c.Key, StringComparer.Ordinal) && c.Value is JsonArray { Count: > 0 })
            .ToDictionary(c => c.Key, c => (IReadOnlyList<string>)[.. c.Value!.AsArray().Select(n => n!.GetValue<string>())], StringComparer.Ordinal);
        return scoped.Count > 0 ? scoped : null;
    }

    private static MassTransferRequest WeatherRequest(
        ActivityContext context, string stepKey, JsonArray schools, string shiftGroup, string? school)
    {
        // The first shift alone, or the second and third together: the order's two deadlines (07:00 and 12:00).
        int[] shifts = shiftGroup == "first" ? [1] : [2, 3];
        var codes = schools
            .Where(s => s!["shifts"]!.AsArray().Any(n => shifts.Contains(n!.GetValue<int>())))
            .Select(s => s!["organisation"]!.GetValue<string>())
            .Where(code => school is null || string.Equals(code, school, StringComparison.Ordinal))
            .ToList();
        var remote = context.Variables["remote"] as JsonObject
                     ?? throw new InvalidOperationException("The indicator table decided nothing ('remote' is empty): there is no one to transfer.");
        var day = Date(context.Variables["forDate"]);
        var selection = new StudentSelection(shifts, remote["gradesFrom"]!.GetValue<int>(), remote["gradesTo"]!.GetValue<int>(),
            [.. (remote["collegeYears"] as JsonArray ?? []).Select(y => y!.GetValue<int>())], day.Month >= 9 ? day.Year : day.Year - 1);
        return new MassTransferRequest(context.InstanceId, stepKey, context.DefinitionKey, context.DefinitionVersion, null,
            Direction(context.ElementId), day, day, codes, selection);
    }

    private static DateOnly Date(JsonNode? value) =>
        DateOnly.ParseExact((value?.GetValue<string>() ?? throw new InvalidOperationException("A date of the order is missing."))[..10],
            "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
