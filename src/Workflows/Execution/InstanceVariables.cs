using System.Text.Json.Nodes;

namespace Qadam.Workflows.Execution;

/// <summary>The variables with a meaning to the host, read in one place from an instance's variables.</summary>
internal static class InstanceVariables
{
    /// <summary>The status a running process names with its set-case-status steps (variable <c>caseStatus</c>), or null.</summary>
    public static string? CaseStatus(JsonObject variables) =>
        variables["caseStatus"] is JsonValue value && value.TryGetValue<string>(out var status) ? status : null;
}
