using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qadam.Documents.Rendering;

/// <summary>
/// The condition of a content control tagged <c>if:path</c> (kept when the variable is present and neither null, false,
/// empty text nor an empty list), <c>if:!path</c> (the opposite) or <c>if:path=value</c> (kept when the value's text is
/// exactly <c>value</c>). One template then serves every step that renders it: a parent's notice carries the refusal
/// reasons only when the case was refused, a ballot prints «за» for <c>yes</c>. A dropped section's variables need not
/// exist; a kept section's are required as everywhere else.
/// </summary>
internal sealed record SectionCondition(string Path, bool Negated, string? EqualsValue)
{
    public static SectionCondition Parse(string text)
    {
        var trimmed = text.Trim();
        var negated = trimmed.StartsWith('!');
        if (negated)
        {
            trimmed = trimmed[1..].Trim();
        }

        var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
        return equals < 0
            ? new SectionCondition(trimmed, negated, null)
            : new SectionCondition(trimmed[..equals].Trim(), negated, trimmed[(equals + 1)..].Trim());
    }

    /// <summary>Whether the section is kept for the data in <paramref name="scope"/>.</summary>
    public bool Holds(JsonNode? scope)
    {
        var found = VariablePath.TryResolve(scope, Path, out var node);
        bool holds;
        if (EqualsValue is not null)
        {
            holds = found && node is JsonValue value && string.Equals(Text(value), EqualsValue, StringComparison.Ordinal);
        }
        else
        {
            holds = found && node switch
            {
                null => false,
                JsonArray array => array.Count > 0,
                JsonObject => true,
                JsonValue value => value.GetValueKind() switch
                {
                    JsonValueKind.False or JsonValueKind.Null => false,
                    JsonValueKind.String => value.GetValue<string>().Length > 0,
                    _ => true,
                },
                _ => true,
            };
        }

        return holds != Negated;
    }

    private static string Text(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
}
