using System.Globalization;
using System.Text.Json.Nodes;
using Qadam.Workflows.Definitions.Model;

namespace Qadam.Workflows.Execution;

internal sealed partial class TokenRunner
{
    /// <summary>
    /// The elements a multi-instance activity runs once each: its collection, or 0 … n-1 for a loop cardinality. A count
    /// that is not a whole number from 0 to <see cref="EngineLimits.MaxMultiInstances"/> refuses the command before
    /// anything is allocated for it (a cardinality of 1e10 must not become ten billion tokens).
    /// </summary>
    private JsonArray LoopItems(FlowNode node, MultiInstance loop)
    {
        var max = _budget.Limits.MaxMultiInstances;
        if (loop.Collection is not null)
        {
            var value = _expressions.Evaluate(node.Id, loop.Collection, Variables);
            var items = value as JsonArray
                        ?? throw new ProcessLogicException(node.Id, $"the collection '{loop.Collection}' is not an array but {Describe(value)}");
            return items.Count <= max
                ? items
                : throw TooMany(node, items.Count.ToString("N0", CultureInfo.InvariantCulture), max);
        }

        var count = _expressions.Evaluate(node.Id, loop.Cardinality ?? "0", Variables);
        var number = count is JsonValue v && v.TryGetValue<double>(out var d) ? d
            : count is JsonValue s && s.TryGetValue<string>(out var text)
              && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed
            : double.NaN;
        if (double.IsNaN(number) || double.IsInfinity(number) || number != Math.Floor(number) || number < 0)
        {
            throw new ProcessLogicException(node.Id,
                $"loopCardinality '{loop.Cardinality}' gives {Describe(count)}: the number of instances is a whole number from 0");
        }

        if (number > max)
        {
            throw TooMany(node, number.ToString("#,0", CultureInfo.InvariantCulture), max);
        }

        var total = (int)number;
        var range = new JsonArray();
        for (var i = 0; i < total; i++)
        {
            range.Add(i);
        }

        return range;
    }

    private static CommandLimitException TooMany(FlowNode node, string count, int max) =>
        new(node.Id, string.Create(CultureInfo.InvariantCulture,
            $"the multi-instance {node.Kind} would have {count} instances; at most {max:N0} are allowed "
            + $"(limit {nameof(EngineLimits.MaxMultiInstances)})"));

    private static string Describe(JsonNode? value)
    {
        var json = value?.ToJsonString() ?? "null";
        return json.Length <= 40 ? json : json[..40] + "…";
    }
}
