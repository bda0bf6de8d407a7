using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Qadam.Api.Features.Tasks;

/// <summary>
/// A form-js form (the bpmn.io JSON schema the designer edits and the browser renders), checked again on the server
/// (docs/architecture.md: forms are validated on the server): each field by its <c>key</c> and <c>type</c>
/// (textfield, textarea, number, checkbox, select, radio, checklist, taglist, datetime), <c>validate.required</c>,
/// min/max, minLength/maxLength, pattern, and the enumerations of <c>values</c>. Layout components (text, spacer,
/// group …) hold no data; groups are searched for fields.
/// </summary>
public sealed class FormSchema
{
    private static readonly HashSet<string> DataTypes =
        new(["textfield", "textarea", "number", "checkbox", "select", "radio", "checklist", "taglist", "datetime"], StringComparer.Ordinal);

    /// <summary>The largest form schema accepted, in UTF-8 bytes (the shipped forms are a few KB).</summary>
    public const int MaxBytes = 256 * 1024;

    /// <summary>
    /// Case variables the API and the engine set themselves (FileCase, SetCaseStatusActivity, multi-instance loops): a form
    /// field of that name would overwrite them with whatever a person typed, e.g. a forged <c>caseStatus</c>.
    /// </summary>
    public static readonly IReadOnlySet<string> ReservedNames = new HashSet<string>(
        ["caseId", "caseNumber", "caseStatus", "caseStatusLabel", "student", "applicant", "council", "trustees",
         "loopCounter", "nrOfInstances", "nrOfCompletedInstances", "nrOfActiveInstances"], StringComparer.Ordinal);

    private readonly List<JsonObject> _fields;

    private FormSchema(string id, List<JsonObject> fields, JsonObject source)
    {
        Id = id;
        _fields = fields;
        Source = source;
    }

    public string Id { get; }

    /// <summary>The form-js schema as written, for the browser to render.</summary>
    public JsonObject Source { get; }

    /// <summary>The keys of the form's data fields.</summary>
    public IEnumerable<string> Keys => _fields.Select(f => f["key"]!.GetValue<string>());

    /// <summary>
    /// The fields that name an evidence file the step cannot complete without (<c>"properties": { "evidence": "required" }</c>,
    /// a form-js custom property the editor keeps): their value is the id of a file uploaded to the case (POST
    /// /api/cases/{id}/evidence); RequiredEvidence checks it on the server. Key and label ("kk / ru").
    /// </summary>
    public IEnumerable<(string Key, string Label)> RequiredEvidence => _fields
        .Where(f => ((f["properties"] as JsonObject)?["evidence"] as JsonValue)?.TryGetValue<string>(out var e) == true && e == "required")
        .Select(f => (f["key"]!.GetValue<string>(), (f["label"] as JsonValue)?.TryGetValue<string>(out var l) == true ? l : f["key"]!.GetValue<string>()));

    public static FormSchema Parse(JsonObject form)
    {
        var fields = new List<JsonObject>();
        Collect(form["components"] as JsonArray, fields);
        return new FormSchema((form["id"] as JsonValue)?.TryGetValue<string>(out var id) == true ? id : string.Empty, fields, form);
    }

    /// <summary>
    /// What makes a form unusable as a task's form, one line each: a component without a type, a data field without a
    /// key, a key an expression cannot name (letters, digits and _, parts joined by dots), or a key two fields share
    /// (the second would overwrite the first's answer in the case variables).
    /// </summary>
    public static List<string> Problems(JsonObject form)
    {
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Check(form["components"] as JsonArray, problems, seen);
        return problems;
    }

    private static void Check(JsonArray? components, List<string> problems, HashSet<string> seen)
    {
        foreach (var component in components?.OfType<JsonObject>() ?? [])
        {
            var id = (component["id"] as JsonValue)?.TryGetValue<string>(out var i) == true ? i : "(no id)";
            var type = (component["type"] as JsonValue)?.TryGetValue<string>(out var t) == true ? t : null;
            var key = (component["key"] as JsonValue)?.TryGetValue<string>(out var k) == true ? k : null;
            if (type is null)
            {
                problems.Add($"{id}: a component has a type.");
            }
            else if (DataTypes.Contains(type) && string.IsNullOrEmpty(key))
            {
                problems.Add($"{id}: a {type} field has a key, the variable its answer is stored in.");
            }
            else if (DataTypes.Contains(type) && !Regex.IsMatch(key!, @"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$", RegexOptions.CultureInvariant))
            {
                problems.Add($"{id}: the key '{key}' is not a name expressions can use (letters, digits and _, parts joined by dots).");
            }
            else if (DataTypes.Contains(type) && ReservedNames.Contains(key!.Split('.')[0]))
            {
                problems.Add($"{id}: the key '{key}' is a variable the system sets itself; choose another name.");
            }
            else if (DataTypes.Contains(type) && !seen.Add(key!))
            {
                problems.Add($"{id}: the key '{key}' is used by another field of the form.");
            }

            Check(component["components"] as JsonArray, problems, seen);
        }
    }

    private static void Collect(JsonArray? components, List<JsonObject> fields)
    {
        foreach (var component in components?.OfType<JsonObject>() ?? [])
        {
            var type = (component["type"] as JsonValue)?.TryGetValue<string>(out var t) == true ? t : null;
            if (type is not null && DataTypes.Contains(type) && (component["key"] as JsonValue)?.TryGetValue<string>(out _) == true)
            {
                fields.Add(component);
            }

            Collect(component["components"] as JsonArray, fields);
        }
    }

    /// <summary>Checks submitted data; the answer maps each field key (or <c>data</c>) to what is wrong with it. Empty when valid.</summary>
    public Dictionary<string, string[]> Validate(JsonObject data)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var known = Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var (key, _) in data)
        {
            if (!known.Contains(key))
            {
                errors["data." + key] = [$"'{key}' is not a field of form '{Id}'."];
            }
        }

        foreach (var field in _fields)
        {
            var key = field["key"]!.GetValue<string>();
            var problem = Check(field, data[key]) ?? CheckNotBefore(field, data);
            if (problem is not null)
            {
                errors["data." + key] = [problem];
            }
        }

        return errors;
    }

    private static string? Check(JsonObject field, JsonNode? value)
    {
        var type = field["type"]!.GetValue<string>();
        var validate = field["validate"] as JsonObject;
        var required = (validate?["required"] as JsonValue)?.TryGetValue<bool>(out var r) == true && r;
        if (value is null || (value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 0) || (value is JsonArray { Count: 0 }))
        {
            return required ? "This field is required." : null;
        }

        return type switch
        {
            "textfield" or "textarea" => CheckText(value, validate),
            "number" => CheckNumber(value, validate),
            "checkbox" => value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                ? (required && !b.GetValue<bool>() ? "This box must be checked." : null)
                : "Expected true or false.",
            "select" or "radio" => CheckChoice(field, value),
            "checklist" or "taglist" => value is JsonArray items
                ? items.Select(i => CheckChoice(field, i)).FirstOrDefault(p => p is not null)
                : "Expected a list of values.",
            "datetime" => CheckDate(field, value),
            _ => null,
        };
    }

    /// <summary>
    /// A cross-field date rule, written as a form-js custom property so the editor keeps it and the browser may check it too:
    /// <c>"properties": { "notBefore": "periodFrom" }</c> on a date field means it may not precede that field's date
    /// (a period cannot end before it starts).
    /// </summary>
    private static string? CheckNotBefore(JsonObject field, JsonObject data)
    {
        if ((field["properties"] as JsonObject)?["notBefore"] is not JsonValue other || !other.TryGetValue<string>(out var otherKey)
            || !TryDay(data[field["key"]!.GetValue<string>()], out var day) || !TryDay(data[otherKey], out var start))
        {
            return null;
        }

        return day < start
            ? $"This date ({day:yyyy-MM-dd}) precedes '{otherKey}' ({start:yyyy-MM-dd}): a period cannot end before it starts."
            : null;
    }

    private static bool TryDay(JsonNode? value, out DateOnly day)
    {
        day = default;
        return value is JsonValue v && v.TryGetValue<string>(out var text) && text.Length >= 10
               && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    private static string? CheckText(JsonNode value, JsonObject? validate)
    {
        if (value is not JsonValue v || !v.TryGetValue<string>(out var text))
        {
            return "Expected text.";
        }

        if (Int(validate, "minLength") is { } min && text.Length < min)
        {
            return $"At least {min} characters.";
        }

        if (Int(validate, "maxLength") is { } max && text.Length > max)
        {
            return $"At most {max} characters.";
        }

        if ((validate?["pattern"] as JsonValue)?.TryGetValue<string>(out var pattern) == true && pattern.Length > 0)
        {
            try
            {
                if (!Regex.IsMatch(text, "^(?:" + pattern + ")$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)))
                {
                    return "Does not match the required pattern.";
                }
            }
            catch (Exception ex) when (ex is ArgumentException or RegexMatchTimeoutException)
            {
                return "The form's pattern cannot be checked; ask the legal department to fix the form.";
            }
        }

        return null;
    }

    private static string? CheckNumber(JsonNode value, JsonObject? validate)
    {
        double number;
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            number = v.GetValue<double>();
        }
        else if (value is JsonValue sv && sv.TryGetValue<string>(out var text)
                 && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            // form-js sends numbers as strings when the field has serializeToString.
            number = parsed;
        }
        else
        {
            return "Expected a number.";
        }

        var min = Double(validate, "min");
        var max = Double(validate, "max");
        return number < min ? $"At least {min.Value.ToString(CultureInfo.InvariantCulture)}."
            : number > max ? $"At most {max.Value.ToString(CultureInfo.InvariantCulture)}."
            : null;
    }

    private static string? CheckChoice(JsonObject field, JsonNode? value)
    {
        if (field["values"] is not JsonArray options)
        {
            // Options from a variable (valuesKey) or an expression are not known to the server: any value passes.
            return null;
        }

        var allowed = options.OfType<JsonObject>().Select(o => o["value"]).ToList();
        return allowed.Any(a => JsonNode.DeepEquals(a, value))
            ? null
            : "Must be one of: " + string.Join(", ", allowed.Select(a => a?.ToJsonString())) + ".";
    }

    private static string? CheckDate(JsonObject field, JsonNode value)
    {
        if (value is not JsonValue v || !v.TryGetValue<string>(out var text))
        {
            return "Expected a date as text.";
        }

        var subtype = (field["subtype"] as JsonValue)?.TryGetValue<string>(out var st) == true ? st : "date";
        return subtype switch
        {
            "time" => TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? null : "Expected a time HH:mm.",
            "datetime" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? null : "Expected an ISO 8601 date and time.",
            _ => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? null : "Expected a date yyyy-MM-dd.",
        };
    }

    private static int? Int(JsonObject? validate, string name) =>
        (validate?[name] as JsonValue)?.TryGetValue<int>(out var i) == true ? i : null;

    private static double? Double(JsonObject? validate, string name) =>
        (validate?[name] as JsonValue)?.TryGetValue<double>(out var d) == true ? d : null;
}
