using Qadam.Workflows.Reads;

namespace Qadam.Api.Features.Cases;

/// <summary>A case and the process instance it is bound to.</summary>
internal static class CaseInstance
{
    /// <summary>
    /// Brings the case's status in line with its instance: the outcome the process declares (<see cref="InstanceView.Outcome"/>:
    /// the variable <c>caseStatus</c> when set, else the end event a finished process reached).
    /// </summary>
    public static async Task<bool> FollowAsync(Case @case, EngineReads reads, TimeProvider time, CancellationToken cancellationToken)
    {
        if (@case.ProcessInstanceId is not { } instanceId || await reads.InstanceAsync(instanceId, cancellationToken) is not { } instance)
        {
            return false;
        }

        return @case.Follow(instance.Status, instance.Outcome, time.GetUtcNow());
    }
}
