using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Reads;

/// <summary>
/// Where a set of cases stands in the engine, read in one round trip (<see cref="EngineReads.CaseProgressAsync"/>): how
/// each case's instance ended or stands, the tasks still waiting for a person and the timers waited on.
/// </summary>
/// <param name="Instances">The instances asked for by id, each with its status and declared outcome.</param>
/// <param name="OpenTasks">The open and claimed tasks of the business keys, the next due first (undated last).</param>
/// <param name="Timers">The timers the instances of the business keys wait on, soonest first.</param>
public sealed record CaseProgress(IReadOnlyList<InstanceOutcome> Instances, IReadOnlyList<OpenCaseTask> OpenTasks, IReadOnlyList<WaitingTimer> Timers);

/// <summary>An instance's status and declared outcome, as <see cref="InstanceView.Status"/> and <see cref="InstanceView.Outcome"/> give them.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Status">Active or how it ended.</param>
/// <param name="Outcome">The variable <c>caseStatus</c> when set, else the end event a completed instance reached, else null.</param>
public sealed record InstanceOutcome(Guid InstanceId, InstanceStatus Status, string? Outcome);

/// <summary>A task of a case still waiting for a person: what a parent reads as the next step.</summary>
/// <param name="BusinessKey">The host's key of its instance (the case id).</param>
/// <param name="ElementId">The user task.</param>
/// <param name="Name">The task's name in the BPMN.</param>
/// <param name="LabelKk">Its label in Kazakh, if the BPMN gives one.</param>
/// <param name="LabelRu">Its label in Russian, if the BPMN gives one.</param>
/// <param name="DueAt">Its deadline, if it has one.</param>
public sealed record OpenCaseTask(string BusinessKey, string ElementId, string? Name, string? LabelKk, string? LabelRu, DateTimeOffset? DueAt);
