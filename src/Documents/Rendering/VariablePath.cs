using System.Text.Json.Nodes;

namespace Qadam.Documents.Rendering;

/// <summary>Resolves dotted variable paths such as <c>student.fullName</c> in the case data.</summary>
internal static class VariablePath
{
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
