using System.Text.Json.Nodes;

namespace Qadam.Workflows.Execution;

/// <summary>Where an instance is in its life.</summary>
public enum InstanceStatus
{
    /// <summary>Tokens are waiting somewhere.</summary>
    Active,

    /// <summary>Every token reached an end.</summary>
    Completed,

    /// <summary>Ended by a terminate end event.</summary>
    Terminated,

    /// <summary>Ended by a cancel command.</summary>
    Cancelled,

    /// <summary>Ended by a BPMN error that nothing caught.</summary>
    Failed,
}

/// <summary>
/// A running case of one definition version. Its tokens and variables live in <see cref="StateJson"/>
/// (jsonb); the row's xmin serialises commands (optimistic concurrency), so two nodes never apply
/// two commands to the same instance at once.
/// </summary>
public sealed class ProcessInstance
{
    private ProcessInstance()
    {
        DefinitionKey = StateJson = string.Empty;
    }

    internal ProcessInstance(Guid id, Guid definitionId, string key, int version, DateOnly referenceDate, string? businessKey, DateTimeOffset now)
    {
        Id = id;
        DefinitionId = definitionId;
        DefinitionKey = key;
        DefinitionVersion = version;
        ReferenceDate = referenceDate;
        BusinessKey = businessKey;
        StartedAt = now;
        Status = InstanceStatus.Active;
        StateJson = "{}";
    }

    /// <summary>Instance id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The definition version this instance runs (and keeps, unless migrated).</summary>
    public Guid DefinitionId { get; private set; }

    /// <summary>The definition key.</summary>
    public string DefinitionKey { get; private set; }

    /// <summary>The version number it runs.</summary>
    public int DefinitionVersion { get; private set; }

    /// <summary>The filing date that chose the version; also the date condition tables are read at.</summary>
    public DateOnly ReferenceDate { get; private set; }

    /// <summary>The caller's key, e.g. the case id.</summary>
    public string? BusinessKey { get; private set; }

    /// <summary>Active or how it ended.</summary>
    public InstanceStatus Status { get; private set; }

    /// <summary>Tokens, scopes and variables (see <see cref="InstanceState"/>).</summary>
    public string StateJson { get; private set; }

    /// <summary>The instance that called this one (call activity), if any.</summary>
    public Guid? ParentInstanceId { get; private set; }

    /// <summary>The parent's token waiting at the call activity.</summary>
    public string? ParentTokenId { get; private set; }

    /// <summary>When it started.</summary>
    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>PostgreSQL xmin, the concurrency token.</summary>
    public uint RowVersion { get; private set; }

    /// <summary>Rebuilds an instance from its row: the hot path reads it with plain SQL (CommandReader), not through EF.</summary>
    internal static ProcessInstance FromRow(
        Guid id, Guid definitionId, string definitionKey, int definitionVersion, DateOnly referenceDate, string? businessKey, InstanceStatus status,
        string stateJson, Guid? parentInstanceId, string? parentTokenId, DateTimeOffset startedAt, DateTimeOffset? endedAt, uint rowVersion) =>
        new()
        {
            Id = id,
            DefinitionId = definitionId,
            DefinitionKey = definitionKey,
            DefinitionVersion = definitionVersion,
            ReferenceDate = referenceDate,
            BusinessKey = businessKey,
            Status = status,
            StateJson = stateJson,
            ParentInstanceId = parentInstanceId,
            ParentTokenId = parentTokenId,
            StartedAt = startedAt,
            EndedAt = endedAt,
            RowVersion = rowVersion,
        };

    /// <summary>The row was written: its new xmin is what the next write in the same transaction must find.</summary>
    internal void Written(uint rowVersion) => RowVersion = rowVersion;

    internal void SetParent(Guid parentInstanceId, string parentTokenId)
    {
        ParentInstanceId = parentInstanceId;
        ParentTokenId = parentTokenId;
    }

    /// <summary>
    /// The variables the activity a token waits at works with: the instance's, with the token's own over them (the element
    /// and loop counter of each multi-instance body around it and what that instance's steps wrote, e.g. one school's
    /// proposal in a per-school body). A user task's <see cref="ProcessTask.TokenId"/> names its token; a token no longer
    /// there gives the instance's variables.
    /// </summary>
    public JsonObject VariablesAt(string tokenId)
    {
        var state = LoadState();
        var merged = state.Variables;
        if (state.LocalsFor(state.FindToken(tokenId)) is { } locals)
        {
            foreach (var (name, value) in locals)
            {
                merged[name] = value?.DeepClone();
            }
        }

        return merged;
    }

    internal void SaveState(InstanceState state) => StateJson = state.ToJson();

    internal InstanceState LoadState() => InstanceState.FromJson(StateJson);

    internal void End(InstanceStatus status, DateTimeOffset now)
    {
        Status = status;
        EndedAt = now;
    }

    internal void MoveTo(Guid definitionId, int version)
    {
        DefinitionId = definitionId;
        DefinitionVersion = version;
    }
}
