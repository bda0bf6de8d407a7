using System.Text.Json.Nodes;

namespace Qadam.Documents.Rendering;

/// <summary>Resolves dotted variable paths such as <c>student.fullName</c> in the case data.</summary>
internal static class VariablePath
{
    /// <summary>
    /// A placeholder's path and the Kazakh case it asks for after a colon (<c>periodFrom:abl</c>); nominative when none,
    /// null when the suffix is not a case.
    /// </summary>
    public static (string Path, KazakhCase? Form) SplitCase(string placeholder)
    {
        var colon = placeholder.LastIndexOf(':');
        return colon < 0
            ? (placeholder, KazakhCase.Nominative)
            : (placeholder[..colon].TrimEnd(), KazakhSuffixes.ParseCase(placeholder[(colon + 1)..].Trim()));
    }

    /// <summary>Finds the node at <paramref name="path"/>; <c>found</c> is false when a segment is missing.</summary>
    public static bool TryResolve(JsonNode? scope, string path, out JsonNode? node)
    {
        node = scope;
        foreach (var segment in path.Split('.'))
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(segment, out node))
            {
                node = null;
                return false;
            }
        }

        return true;
    }
}
