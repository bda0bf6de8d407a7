namespace Qadam.Workflows.Execution;

/// <summary>How a caller should answer an engine error (the API maps it to an HTTP status).</summary>
public enum EngineErrorKind
{
    /// <summary>The thing named does not exist (404).</summary>
    NotFound,

    /// <summary>The command is valid but the state forbids it now: already done, stale, claimed by another (409).</summary>
    Conflict,

    /// <summary>The input or the definition's logic cannot be applied: a condition that throws, no flow taken (422).</summary>
    Unprocessable,
}

/// <summary>An error a command reports to its caller; nothing of the command was applied.</summary>
public class EngineException(EngineErrorKind kind, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>How to answer it.</summary>
    public EngineErrorKind Kind { get; } = kind;
}

/// <summary>The task was already completed or cancelled.</summary>
public sealed class TaskNotOpenException(Guid taskId, UserTaskStatus status)
    : EngineException(EngineErrorKind.Conflict, $"Task {taskId} is {status.ToString().ToLowerInvariant()}, not open.");

/// <summary>Another user has claimed the task.</summary>
public sealed class TaskClaimedByOtherException(Guid taskId, string assignee)
    : EngineException(EngineErrorKind.Conflict, $"Task {taskId} is claimed by {assignee}.");

/// <summary>Another command changed the instance first; re-read and retry.</summary>
public sealed class ConcurrencyConflictException(Guid instanceId, Exception? inner = null)
    : EngineException(EngineErrorKind.Conflict, $"Instance {instanceId} was changed by another command; reload and try again.", inner);

/// <summary>A thing named by a command does not exist.</summary>
public sealed class EngineNotFoundException(string what)
    : EngineException(EngineErrorKind.NotFound, $"{what} was not found.");

/// <summary>An expression failed: syntax, a thrown error, or a limit (time, statements, memory, recursion).</summary>
public sealed class ExpressionException(string elementId, string expression, string problem, Exception? inner = null)
    : EngineException(EngineErrorKind.Unprocessable, $"{elementId}: expression '{expression}' failed: {problem}", inner)
{
    /// <summary>The element whose expression failed.</summary>
    public string ElementId { get; } = elementId;
}

/// <summary>The definition's logic has no way on: no flow of a gateway was taken, a table matched no row.</summary>
public sealed class ProcessLogicException(string elementId, string problem)
    : EngineException(EngineErrorKind.Unprocessable, $"{elementId}: {problem}")
{
    /// <summary>The element where it happened.</summary>
    public string ElementId { get; } = elementId;
}

/// <summary>No published version of the key is in force on the date.</summary>
public sealed class NoVersionInForceException(string key, DateOnly date)
    : EngineException(EngineErrorKind.Unprocessable, $"No published version of '{key}' is in force on {date:yyyy-MM-dd}.");

/// <summary>The instance has ended; nothing more can happen to it.</summary>
public sealed class InstanceNotActiveException(Guid instanceId, InstanceStatus status)
    : EngineException(EngineErrorKind.Conflict, $"Instance {instanceId} is {status.ToString().ToLowerInvariant()}.");

/// <summary>A definition was refused at upload; <see cref="Problems"/> lists why, element by element.</summary>
public sealed class DefinitionRejectedException(IReadOnlyList<Definitions.DefinitionProblem> problems)
    : EngineException(EngineErrorKind.Unprocessable, "The definition is invalid: " + string.Join("; ", problems.Take(5)))
{
    /// <summary>Every problem found.</summary>
    public IReadOnlyList<Definitions.DefinitionProblem> Problems { get; } = problems;
}
