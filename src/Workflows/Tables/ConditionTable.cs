using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Qadam.Workflows.Definitions;

namespace Qadam.Workflows.Tables;

/// <summary>Which rows a condition table returns.</summary>
public enum HitPolicy
{
    /// <summary>The output of the first row whose condition holds (null when none does).</summary>
    First,

    /// <summary>The outputs of every row whose condition holds, in order.</summary>
    Collect,
}

/// <summary>
/// A DMN-like condition table: rows of conditions (JavaScript expressions over case variables) to
/// outputs. The legal department edits thresholds here (20 % caps, age 10, frost and wind) without
/// touching the flows that use them.
/// </summary>
public sealed class ConditionTable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>First or collect.</summary>
    public HitPolicy HitPolicy { get; init; } = HitPolicy.First;

    /// <summary>Names of the variables the rows read (documentation for the editor).</summary>
    public List<string> Inputs { get; init; } = [];

    /// <summary>The rows, in order.</summary>
    public List<ConditionRow> Rules { get; init; } = [];

    /// <summary>Parses table JSON; problems name the row (rule-1, rule-2 …) or "table".</summary>
    public static (ConditionTable? Table, IReadOnlyList<DefinitionProblem> Problems) Parse(string json)
    {
        ConditionTable? table;
        try
        {
            table = JsonSerializer.Deserialize<ConditionTable>(json, Json);
        }
        catch (JsonException ex)
        {
            return (null, [new DefinitionProblem("table", "not a condition table: " + ex.Message)]);
        }

        if (table is null)
        {
            return (null, [new DefinitionProblem("table", "empty")]);
        }

        var problems = new List<DefinitionProblem>();
        if (table.Rules.Count == 0)
        {
            problems.Add(new DefinitionProblem("table", "has no rules"));
        }

        for (var i = 0; i < table.Rules.Count; i++)
        {
            var rule = table.Rules[i];
            var id = "rule-" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (string.IsNullOrWhiteSpace(rule.When))
            {
                problems.Add(new DefinitionProblem(id, "has no condition ('when'); use \"true\" for a catch-all row"));
                continue;
            }

            try
            {
                new Acornima.Parser().ParseExpression(rule.When);
            }
            catch (Acornima.ParseErrorException ex)
            {
                problems.Add(new DefinitionProblem(id, $"condition '{rule.When}' does not parse: {ex.Description}"));
            }
        }

        return (problems.Count == 0 ? table : null, problems);
    }
}

/// <summary>One row: when the condition holds, the output applies.</summary>
public sealed class ConditionRow
{
    /// <summary>JavaScript condition over case variables.</summary>
    public string When { get; init; } = string.Empty;

    /// <summary>The output (any JSON).</summary>
    public JsonNode? Output { get; init; }

    /// <summary>Why the row exists: the paragraph it transcribes.</summary>
    public string? LegalBasis { get; init; }

    /// <summary>Explanation for the editor.</summary>
    public string? Description { get; init; }
}
