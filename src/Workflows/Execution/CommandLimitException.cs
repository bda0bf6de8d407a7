namespace Qadam.Workflows.Execution;

/// <summary>
/// A command went past one of its <see cref="EngineLimits"/> (too many instances, tokens or steps): refused whole, as a
/// 422 through the API or an incident for a job, before anything is allocated for it.
/// </summary>
public sealed class CommandLimitException(string elementId, string problem)
    : EngineException(EngineErrorKind.Unprocessable, $"{elementId}: {problem}")
{
    /// <summary>The element where the limit was reached.</summary>
    public string ElementId { get; } = elementId;
}
