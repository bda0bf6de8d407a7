using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// The answers a client that knows only a form-js schema gives it: the form's own defaults and the task's data first, then for
/// a field a decision reads the answer its <c>properties</c> say the approving branch needs (<c>approves</c> on a box or a
/// choice, <c>approvesMin</c> / <c>approvesMax</c> on a number, as a figure or "10% otherField", <c>approvesNotAfter</c> on a
/// date, "otherField - 5 workdays"; workflows/README.md, Forms), and its opposite on the refusing branch; otherwise an
/// ordinary value that fits the field's type, bounds and pattern.
/// </summary>
internal static partial class SchemaAnswers
{
    private static readonly string[] ApproveWords = ["yes", "approve", "approved", "agree", "grant", "distance", "transfer", "recommend", "admit", "register", "accept", "confirm"];

    private static readonly string[] RefuseWords = ["no", "refuse", "refused", "reject", "deny", "decline", "inPerson", "notRecommended", "return"];

    /// <summary>
    /// Boxes of the forms that publish no <c>approves</c> and record a risk or a fault (a danger zone, missed assessments):
    /// a refusal rests on them, so the approving walk leaves them unticked.
    /// </summary>
    private static readonly string[] RiskWords = ["depart", "danger", "missed", "paid", "vacation", "emergency"];

    private static readonly string[] DataTypes = ["textfield", "textarea", "number", "checkbox", "select", "radio", "checklist", "taglist", "datetime"];

    /// <summary>Values for every data field of <paramref name="form"/>, for the approving or the refusing branch.</summary>
    public static JsonObject Fill(string where, JsonObject form, JsonObject? given, bool approve, DateOnly today, List<string> problems)
    {
        var data = new JsonObject();
        var fields = Fields(form).ToList();
        // A figure another field's share is measured on ("10% programmeCredits") is taken large enough for the share to be whole.
        var bases = fields.SelectMany(f => new[] { Hint(f, "approvesMin"), Hint(f, "approvesMax") })
            .Select(h => h is null ? null : PercentOf().Match(h)).Where(m => m is { Success: true }).Select(m => m!.Groups["field"].Value)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var name = field["key"]!.GetValue<string>();
            if (given?[name] is { } prefilled)
            {
                data[name] = prefilled.DeepClone();
                continue;
            }

            var validate = field["validate"] as JsonObject;
            var required = validate?["required"]?.GetValue<bool>() == true;
            var approves = Hint(field, "approves");
            var values = Values(field, given);
            switch (field["type"]!.GetValue<string>())
            {
                case "select" or "radio" or "checklist" or "taglist":
                    if (values.Count == 0)
                    {
                        if (required)
                        {
                            problems.Add($"{where}: the required choice '{name}' publishes no values to choose from");
                        }

                        break;
                    }

                    var choice = approves is null
                        ? Choose(values, approve)
                        : values.FirstOrDefault(v => (v.ToString() == approves) == approve) ?? values[0];
                    data[name] = field["type"]!.GetValue<string>() is "checklist" or "taglist" ? new JsonArray(choice.DeepClone()) : choice.DeepClone();
                    break;
                case "checkbox":
                    data[name] = approves is null
                        ? required || (approve && !RiskWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase)))
                        : bool.Parse(approves) == approve;
                    break;
                case "number":
                    var min = validate?["min"]?.GetValue<double>();
                    var max = validate?["max"]?.GetValue<double>();
                    var number = min ?? (max is { } m ? Math.Min(m, 1) : 1);
                    if (bases.Contains(name))
                    {
                        number = Math.Max(number, Math.Min(max ?? 100, 100));
                    }

                    if (approve && double.TryParse(Hint(field, "approvesMin"), NumberStyles.Float, CultureInfo.InvariantCulture, out var least))
                    {
                        number = Math.Max(number, least);
                    }

                    data[name] = number;
                    break;
                case "datetime":
                    var subtype = field["subtype"]?.ToString() ?? "date";
                    data[name] = field["defaultValue"]?.DeepClone() ?? subtype switch
                    {
                        "time" => "07:00",
                        "datetime" => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                        _ => (field["properties"]?["min"] is { } low && DateOnly.Parse(low.ToString(), CultureInfo.InvariantCulture) > today
                                ? DateOnly.Parse(low.ToString(), CultureInfo.InvariantCulture) : today)
                            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    };
                    break;
                default:
                    data[name] = Text(validate);
                    break;
            }
        }

        // Answers measured on another field's answer, once that one is known.
        foreach (var field in fields.Where(f => given?[f["key"]!.GetValue<string>()] is null))
        {
            var name = field["key"]!.GetValue<string>();
            if (approve && PercentOf().Match(Hint(field, "approvesMin") ?? string.Empty) is { Success: true } atLeast)
            {
                data[name] = Math.Ceiling(Share(atLeast, data));
            }

            if (approve && PercentOf().Match(Hint(field, "approvesMax") ?? string.Empty) is { Success: true } atMost)
            {
                data[name] = Math.Floor(Share(atMost, data));
            }

            if (approve && WorkdaysBefore().Match(Hint(field, "approvesNotAfter") ?? string.Empty) is { Success: true } before
                && DateOnly.TryParse(data[before.Groups["field"].Value]?.ToString(), CultureInfo.InvariantCulture, out var anchor))
            {
                // Whatever the holidays, twice the working days plus a week of calendar days lies before them.
                var days = int.Parse(before.Groups["days"].Value, CultureInfo.InvariantCulture);
                data[name] = anchor.AddDays(-(2 * days + 7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            if (Hint(field, "notBefore") is { } earliest
                && DateOnly.TryParse(data[earliest]?.ToString(), CultureInfo.InvariantCulture, out var from)
                && DateOnly.TryParse(data[name]?.ToString(), CultureInfo.InvariantCulture, out var value) && value < from)
            {
                data[name] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }

        return data;
    }

    /// <summary>The data fields of a form, groups searched.</summary>
    public static IEnumerable<JsonObject> Fields(JsonObject form)
    {
        var pending = new Stack<JsonObject>([form]);
        while (pending.Count > 0)
        {
            var component = pending.Pop();
            foreach (var child in (component["components"] as JsonArray)?.OfType<JsonObject>().Reverse() ?? [])
            {
                pending.Push(child);
            }

            if (component["key"] is JsonValue && DataTypes.Contains(component["type"]?.ToString()))
            {
                yield return component;
            }
        }
    }

    public static JsonObject? Field(JsonObject form, string key) => Fields(form).FirstOrDefault(f => f["key"]?.ToString() == key);

    /// <summary>Every data field's label is a "kk / ru" pair, and so is every option's (from the schema or the task's data).</summary>
    public static void CheckLabels(string where, JsonObject form, JsonObject? given, List<string> problems)
    {
        foreach (var field in Fields(form))
        {
            var label = (field["label"] ?? field["dateLabel"])?.ToString();
            if (!Bilingual(label))
            {
                problems.Add($"{where}: field '{field["key"]}' has no label in both kk and ru ('{label}')");
            }

            // A student's name is the same in both languages.
            var options = field["values"] as JsonArray ?? (field["valuesKey"] is JsonValue k ? given?[k.ToString()] as JsonArray : null);
            foreach (var option in field["key"]?.ToString() == "studentIin" ? [] : options?.OfType<JsonObject>() ?? [])
            {
                if (!Bilingual(option["label"]?.ToString()))
                {
                    problems.Add($"{where}: an option of '{field["key"]}' has no label in both kk and ru ('{option["label"]}')");
                }
            }
        }
    }

    /// <summary>
    /// A "kk / ru" pair, or a label written the same in both languages: no Cyrillic letter in it (MBA, 6B01101), since a
    /// Kazakh or Russian word alone would show in the other language's screen.
    /// </summary>
    private static bool Bilingual(string? label) =>
        label is not null && ((label.Split(" / ") is [var kk, .., var ru] && kk.Trim().Length > 0 && ru.Trim().Length > 0)
                              || (label.Trim().Length > 0 && !Regex.IsMatch(label, @"\p{IsCyrillic}")));

    /// <summary>The values of a choice: its schema's, or (form-js <c>valuesKey</c>) those the task's data carries.</summary>
    private static List<JsonNode> Values(JsonObject field, JsonObject? given) =>
        (field["values"] as JsonArray ?? (field["valuesKey"] is JsonValue key ? given?[key.ToString()] as JsonArray : null) ?? [])
        .OfType<JsonObject>().Select(v => v["value"]!).ToList();

    private static string? Hint(JsonObject field, string name) => (field["properties"] as JsonObject)?[name]?.ToString();

    private static double Share(Match match, JsonObject data) =>
        double.Parse(match.Groups["percent"].Value, CultureInfo.InvariantCulture) / 100
        * (data[match.Groups["field"].Value] is JsonValue v && v.TryGetValue<double>(out var d) ? d : 0);

    private static JsonNode Choose(List<JsonNode> values, bool approve)
    {
        var words = approve ? ApproveWords : RefuseWords;
        return values.FirstOrDefault(v => words.Any(w => string.Equals(v.ToString(), w, StringComparison.OrdinalIgnoreCase)))
               ?? values.FirstOrDefault(v => words.Any(w => v.ToString().Contains(w, StringComparison.OrdinalIgnoreCase)))
               ?? values[0];
    }

    /// <summary>A text that fits the field's length and pattern when one of a few ordinary answers does.</summary>
    private static string Text(JsonObject? validate)
    {
        var pattern = validate?["pattern"]?.ToString();
        var minLength = validate?["minLength"]?.GetValue<int>() ?? 0;
        string[] candidates = ["Тексеру / Проверка", "7", "12", "2026", "A-1", "ЧС-5", "1-н", "000000000000", "06130100"];
        foreach (var candidate in candidates)
        {
            var text = candidate.PadRight(minLength, '.');
            if (string.IsNullOrEmpty(pattern) || Regex.IsMatch(text, "^(?:" + pattern + ")$"))
            {
                return text;
            }
        }

        return "Тексеру / Проверка";
    }

    [GeneratedRegex(@"^(?<percent>\d+(\.\d+)?)% (?<field>\w+)$")]
    private static partial Regex PercentOf();

    [GeneratedRegex(@"^(?<field>\w+) - (?<days>\d+) workdays$")]
    private static partial Regex WorkdaysBefore();
}
