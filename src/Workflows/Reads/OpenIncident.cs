namespace Qadam.Workflows.Reads;

/// <summary>An incident not yet resolved: a step of an instance that failed and waits for someone to retry it.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="ElementId">The element whose step failed.</param>
public sealed record OpenIncident(Guid InstanceId, string ElementId);
