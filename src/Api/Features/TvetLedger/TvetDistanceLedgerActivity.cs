using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Students;
using Qadam.Api.Persistence;
using Qadam.Identifiers;
using Qadam.Workflows.Execution;

namespace Qadam.Api.Features.TvetLedger;

/// <summary>
/// The "tvet-distance-ledger" service task of a TVET pathway where the 20 % cap applies (order 349 Annex 2 paras 18-20,
/// 2025 Annex 1 paras 8-10). A step whose id starts with "read" sets <c>distanceLedger</c>: the hours this student's
/// earlier decided transfers already moved to a distance in the same programme (<c>priorHours</c>), and with this case's
/// (<c>hoursAfter</c>), which the cap table compares with the whole period's hours; and, when <c>capPercent</c> of the
/// in-force cap table is known, the hours over it (<c>excessHours</c>), so a refusal names the excess. A step whose id
/// starts with "record" writes this case's hours into the ledger once the order is signed.
/// The programme is the council's <c>programmeCode</c>, or the student's organisation when the council names none.
/// </summary>
internal sealed class TvetDistanceLedgerActivity(IServiceScopeFactory scopes, TimeProvider time) : IProcessActivity
{
    public const string ActivityName = "tvet-distance-ledger";

    public string Name => ActivityName;

    public async Task ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var variables = context.Variables;
        var caseId = Guid.Parse(variables["caseId"]?.GetValue<string>() ?? throw new InvalidOperationException("The instance has no 'caseId'."));
        var iin = variables["student"]?["iin"]?.GetValue<string>() ?? throw new InvalidOperationException("The instance has no 'student.iin'.");
        var programme = Programme(variables);
        var distanceHours = Hours(variables, "distanceHours");
        var totalHours = Hours(variables, "totalHours");

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        var student = await db.Students.AsNoTracking().Where(s => s.Iin == iin).Select(s => new { s.Id, s.OrganisationId })
                          .SingleOrDefaultAsync(cancellationToken)
                      ?? throw new InvalidOperationException($"No student {iin} on the rosters.");

        if (context.ElementId.StartsWith("record", StringComparison.Ordinal))
        {
            var caseNumber = variables["caseNumber"]?.GetValue<string>() ?? string.Empty;
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO qadam.tvet_distance_ledger (id, case_id, case_number, student_id, organisation_id, programme, distance_hours,
                    total_hours, definition_key, definition_version, decided_on, recorded_at)
                VALUES ({Guid.CreateVersion7(time.GetUtcNow())}, {caseId}, {caseNumber}, {student.Id}, {student.OrganisationId}, {programme},
                    {distanceHours}, {totalHours}, {context.DefinitionKey}, {context.DefinitionVersion}, {KazakhstanClock.Today(time)}, {time.GetUtcNow()})
                ON CONFLICT (case_id) DO NOTHING
                """, cancellationToken);
            return;
        }

        var earlier = await db.TvetDistanceLedger.AsNoTracking()
            .Where(e => e.StudentId == student.Id && e.Programme == programme && e.CaseId != caseId)
            .OrderBy(e => e.DecidedOn)
            .Select(e => new { e.CaseNumber, e.DistanceHours })
            .ToListAsync(cancellationToken);
        var prior = earlier.Sum(e => e.DistanceHours);
        var ledger = new JsonObject
        {
            ["programme"] = programme,
            ["priorHours"] = prior,
            ["hoursAfter"] = prior + distanceHours,
            ["totalHours"] = totalHours,
            ["earlierCases"] = new JsonArray([.. earlier.Select(e => (JsonNode)e.CaseNumber)]),
        };
        var engine = scope.ServiceProvider.GetRequiredService<ProcessEngine>();
        try
        {
            // The same cap table the next step reads, on the same day, for the figure a refusal must name.
            var cap = await engine.DecideTableAsync("tvet-distance-cap", context.ReferenceDate, new JsonObject
            {
                ["ground"] = variables["ground"]?.DeepClone(), ["distanceHours"] = prior + distanceHours, ["totalHours"] = totalHours,
                ["distanceLedger"] = ledger.DeepClone(),
            }, cancellationToken);
            if (cap?.Output?["capPercent"]?.GetValue<int>() is { } percent)
            {
                var capHours = totalHours * percent / 100.0;
                ledger["capPercent"] = percent;
                ledger["capHours"] = capHours;
                ledger["excessHours"] = Math.Max(0, prior + distanceHours - capHours);
            }
        }
        catch (NoVersionInForceException)
        {
            // No cap table in force: the next step says so itself.
        }

        context.SetVariable("distanceLedger", ledger);
    }

    private static string Programme(JsonObject variables) =>
        variables["programmeCode"]?.GetValue<string>() is { Length: > 0 } code
            ? code.Trim()
            : variables["student"]?["organisation"]?.GetValue<string>() ?? string.Empty;

    private static int Hours(JsonObject variables, string name) =>
        variables[name] is JsonValue value && value.TryGetValue<double>(out var hours)
            ? (int)Math.Round(hours)
            : throw new InvalidOperationException($"The instance has no number '{name}'.");
}
