using Qadam.Workflows.Definitions.Model;

namespace Qadam.Workflows.Definitions;

/// <summary>What <see cref="BpmnParser"/> made of a file: the process when it can run, else the problems.</summary>
public sealed class BpmnParseResult
{
    internal BpmnParseResult(ProcessModel? model, IReadOnlyList<DefinitionProblem> problems)
    {
        // A model with problems may hold placeholders for refused elements; it never leaves the parser.
        Model = problems.Count == 0 ? model : null;
        Problems = problems;
    }

    /// <summary>The linked executable process; null whenever there is any problem, so nothing half-checked reaches the engine.</summary>
    public ProcessModel? Model { get; }

    /// <summary>Every reason the file is refused, each naming an element id of the file; empty when it is valid.</summary>
    public IReadOnlyList<DefinitionProblem> Problems { get; }

    /// <summary>True when the file has no problem and <see cref="Model"/> is set.</summary>
    public bool IsValid => Model is not null;
}
