using System.Text.Json.Nodes;

namespace Qadam.Api.Features.Weather;

/// <summary>
/// What the school's approved indicator table proposes for the head's (or deputy's) frost order: the grades, the shifts,
/// the table's own wording of the row that applied, and the table by its key. The head decides (order 103 para 15); the
/// proposal only prefills the order's form, and the head may change it before issuing the order.
/// </summary>
/// <param name="IndicatorTable">The table that proposed it, <c>weather-indicators-&lt;territory&gt;</c>.</param>
/// <param name="Approval">Who approved that table, when and with whom it was agreed (para 12(1)).</param>
/// <param name="GradesFrom">The youngest grade that goes remote (0 is the pre-school class).</param>
/// <param name="GradesTo">The oldest grade that goes remote.</param>
/// <param name="Shifts">The school's shifts the decision concerns (1 at dawn; 2 and 3 before noon: para 15).</param>
/// <param name="LabelKk">The table row's wording in Kazakh.</param>
/// <param name="LabelRu">The table row's wording in Russian.</param>
public sealed record WeatherOrderProposal(
    string? IndicatorTable, string? Approval, int GradesFrom, int GradesTo, IReadOnlyList<int> Shifts, string? LabelKk, string? LabelRu)
{
    /// <summary>The form <c>weather-order</c> whose task shows the proposal (the order prints the classes it moves itself).</summary>
    public const string FormKey = "weather-order";

    /// <summary>
    /// The proposal of one school's instance of the weather day, read from the variables its order task waits with
    /// (<c>school</c>, the table's answer <c>remote</c> and the day's <c>shiftGroup</c>); null when its table proposed nothing.
    /// </summary>
    public static WeatherOrderProposal? From(JsonObject variables)
    {
        if (variables["remote"] is not JsonObject remote || variables["school"] is not JsonObject school
            || !TryInt(remote["gradesFrom"], out var from) || !TryInt(remote["gradesTo"], out var to))
        {
            return null;
        }

        var first = variables["shiftGroup"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
            && string.Equals(variables["shiftGroup"]!.GetValue<string>(), "first", StringComparison.Ordinal);
        var studied = (school["shifts"] as JsonArray ?? []).Select(n => TryInt(n, out var shift) ? shift : 0).Where(n => n > 0).ToList();
        List<int> shifts = first ? [1] : [.. studied.Where(n => n > 1).Order()];
        if (shifts.Count == 0)
        {
            shifts = first ? [1] : [2];
        }

        return new WeatherOrderProposal(Text(school["indicatorTable"]), Text(school["indicatorsApproval"]), from, to, shifts,
            Text(remote["labelKk"]), Text(remote["labelRu"]));
    }

    private static string? Text(JsonNode? node) =>
        node?.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : null;

    private static bool TryInt(JsonNode? node, out int value)
    {
        value = 0;
        if (node?.GetValueKind() != System.Text.Json.JsonValueKind.Number)
        {
            return false;
        }

        value = (int)node.GetValue<double>();
        return true;
    }
}
