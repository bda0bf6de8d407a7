using Qadam.Workflows.Definitions.Model;

namespace Qadam.Workflows.Definitions;

/// <summary>What <see cref="BpmnParser"/> made of a file: the process when it can run, else the problems.</summary>
public sealed class BpmnParseResult
{
    internal BpmnParseResult(ProcessModel? model, IReadOnlyList<DefinitionProblem> problems)
    {
        // A model with errors may hold placeholders for refused elements, an unfinished one lacks a flow's end or an event's
        // definition; neither leaves the parser. Warnings (what only publishing needs) leave a model that runs, e.g. in a
        // dry run of a draft.
        Model = problems.Any(p => p.Severity == ProblemSeverity.Error || p.Unfinished) ? null : model;
        CanSave = !problems.Any(p => p.Severity == ProblemSeverity.Error);
        Problems = problems;
    }

    /// <summary>The linked executable process; null whenever there is an error, so nothing half-checked reaches the engine.</summary>
    public ProcessModel? Model { get; }

    /// <summary>Every reason the file is refused or cannot be published yet, each naming an element id of the file; empty when valid.</summary>
    public IReadOnlyList<DefinitionProblem> Problems { get; }

    /// <summary>True when the file has no problem at all: it may be published.</summary>
    public bool IsValid => Model is not null && Problems.Count == 0;

    /// <summary>True when the file has no error and its drawing is finished: it may be run in a dry run.</summary>
    public bool CanRun => Model is not null;

    /// <summary>True when the file has no error: it may be saved as a draft, its warnings listed.</summary>
    public bool CanSave { get; }
}
