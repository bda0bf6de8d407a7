namespace Qadam.Workflows.Execution;

/// <summary>Where a user task is in its life.</summary>
public enum UserTaskStatus
{
    /// <summary>Waiting for someone with a candidate role to claim or complete it.</summary>
    Open,

    /// <summary>Claimed by <see cref="ProcessTask.Assignee"/>.</summary>
    Claimed,

    /// <summary>Done.</summary>
    Completed,

    /// <summary>Withdrawn: its activity was interrupted, the instance cancelled, or the vote already decided.</summary>
    Cancelled,
}
