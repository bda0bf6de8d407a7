namespace Qadam.Workflows.Reads;

/// <summary>A timer a case's instance waits on: a deadline or the day a period ends.</summary>
/// <param name="BusinessKey">The host's key of the instance (the case id).</param>
/// <param name="InstanceId">The instance.</param>
/// <param name="DefinitionId">The version it runs (its model names the timer event).</param>
/// <param name="ElementId">The timer event.</param>
/// <param name="DueAt">When it fires.</param>
public sealed record WaitingTimer(string BusinessKey, Guid InstanceId, Guid DefinitionId, string ElementId, DateTimeOffset DueAt);
