using System.Text.Json.Nodes;
using Qadam.Workflows.Versions;

namespace Qadam.Workflows.Execution;

/// <summary>The first row of a condition table that held, with the paragraph it transcribes.</summary>
/// <param name="Rule">The row's number (1-based).</param>
/// <param name="Output">The row's output.</param>
/// <param name="LegalBasis">The row's legal basis, as the table states it.</param>
public sealed record TableDecision(int Rule, JsonNode? Output, string? LegalBasis);

public sealed partial class ProcessEngine
{
    /// <summary>
    /// Reads a first-hit condition table as in force on <paramref name="date"/> for the host's own selections (the mass
    /// transfer's exclusion of TVET organisations by 349 para 3-1 / 103 para 3), under the same expression limits as a
    /// business-rule task, so the host and a BPMN step can never read the same table differently.
    /// </summary>
    /// <returns>The first row that held, or null when none did.</returns>
    /// <exception cref="NoVersionInForceException">No version of the table is in force on the day.</exception>
    public async Task<TableDecision?> DecideTableAsync(string key, DateOnly date, JsonObject variables, CancellationToken cancellationToken = default)
    {
        // The published tables a business-rule step reads (read at most once a second, forgotten on a publication), not a
        // query of the table's content per call: a filing checks its ground against case-grounds (bench/Http/README.md).
        var published = await Definitions.TablesAsync(db, cancellationToken);
        var definition = published.InForce(key, date) ?? throw new NoVersionInForceException(key, date);
        var table = Definitions.Table(definition.ContentSha256, definition.Content);
        var expressions = new ExpressionEvaluator(Limits.Expression, time.GetUtcNow(), functions: Functions);
        for (var i = 0; i < table.Rules.Count; i++)
        {
            var row = table.Rules[i];
            if (expressions.IsTrue($"{key}/rule-{i + 1}", row.When, variables))
            {
                return new TableDecision(i + 1, row.Output?.DeepClone(), row.LegalBasis);
            }
        }

        return null;
    }
}
