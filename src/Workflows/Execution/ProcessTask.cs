using System.Text.Json.Nodes;
using Qadam.Workflows.Definitions.Model;

namespace Qadam.Workflows.Execution;

/// <summary>
/// A user task waiting for a person, queryable by role, organisation, instance and due date
/// (the inbox). Carries what the person needs: labels, form, legal basis, deadline.
/// </summary>
public sealed class ProcessTask
{
    private ProcessTask()
    {
        ElementId = TokenId = DefinitionKey = string.Empty;
    }

    internal ProcessTask(
        ProcessInstance instance, UserTask node, string tokenId, string? organisation, DateTimeOffset now, DateTimeOffset? dueAt, string? assignee = null)
    {
        Id = Guid.CreateVersion7(now);
        InstanceId = instance.Id;
        BusinessKey = instance.BusinessKey;
        DefinitionKey = instance.DefinitionKey;
        DefinitionVersion = instance.DefinitionVersion;
        ElementId = node.Id;
        TokenId = tokenId;
        Name = node.Name;
        LabelKk = node.Extension.LabelKk;
        LabelRu = node.Extension.LabelRu;
        CandidateRoles = [.. node.Extension.CandidateRoles];
        Organisation = organisation;
        FormKey = node.Extension.FormKey;
        LegalBasis = node.Extension.LegalBasis;
        CreatedAt = now;
        DueAt = dueAt;
        // An assigned task (qadam:assignee) starts claimed by that user: nobody else may complete it.
        Status = assignee is null ? UserTaskStatus.Open : UserTaskStatus.Claimed;
        Assignee = assignee;
    }

    /// <summary>Task id.</summary>
    public Guid Id { get; private set; }

    /// <summary>Its instance.</summary>
    public Guid InstanceId { get; private set; }

    /// <summary>The instance's business key (case id).</summary>
    public string? BusinessKey { get; private set; }

    /// <summary>Definition key of the instance.</summary>
    public string DefinitionKey { get; private set; }

    /// <summary>Definition version of the instance.</summary>
    public int DefinitionVersion { get; private set; }

    /// <summary>The BPMN user task id.</summary>
    public string ElementId { get; private set; }

    /// <summary>The token waiting on this task.</summary>
    public string TokenId { get; private set; }

    /// <summary>BPMN name.</summary>
    public string? Name { get; private set; }

    /// <summary>Label in Kazakh.</summary>
    public string? LabelKk { get; private set; }

    /// <summary>Label in Russian.</summary>
    public string? LabelRu { get; private set; }

    /// <summary>Roles that may claim it.</summary>
    public List<string> CandidateRoles { get; private set; } = [];

    /// <summary>Organisation whose staff see it (from the task's organisation scope).</summary>
    public string? Organisation { get; private set; }

    /// <summary>form-js form key.</summary>
    public string? FormKey { get; private set; }

    /// <summary>The paragraph this step carries out.</summary>
    public LegalBasis? LegalBasis { get; private set; }

    /// <summary>Open, claimed, completed or cancelled.</summary>
    public UserTaskStatus Status { get; private set; }

    /// <summary>
    /// Still waiting for a person: open or claimed, not completed or cancelled. In a query, <see cref="ProcessTaskQueries.Open"/>
    /// says the same.
    /// </summary>
    public bool IsOpen => Status is UserTaskStatus.Open or UserTaskStatus.Claimed;

    /// <summary>Who claimed it.</summary>
    public string? Assignee { get; private set; }

    /// <summary>For a multi-instance task: which instance (0-based).</summary>
    public int? LoopIndex { get; private set; }

    /// <summary>For a multi-instance task: the element it was made for (e.g. the council member).</summary>
    public JsonNode? LoopElement { get; private set; }

    /// <summary>When created.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it falls due (from qadam:deadline).</summary>
    public DateTimeOffset? DueAt { get; private set; }

    /// <summary>When completed or cancelled.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>Who completed it.</summary>
    public string? CompletedBy { get; private set; }

    /// <summary>The form data it was completed with.</summary>
    public JsonObject? Output { get; private set; }

    /// <summary>Rebuilds a task from its row: the engine reads it with plain SQL on the hot path (CommandReader), not through EF.</summary>
    internal static ProcessTask FromRow(
        Guid id, Guid instanceId, string? businessKey, string definitionKey, int definitionVersion, string elementId, string tokenId, string? name,
        string? labelKk, string? labelRu, List<string> candidateRoles, string? organisation, string? formKey, LegalBasis? legalBasis, UserTaskStatus status,
        string? assignee, int? loopIndex, JsonNode? loopElement, DateTimeOffset createdAt, DateTimeOffset? dueAt, DateTimeOffset? endedAt,
        string? completedBy, JsonObject? output) =>
        new()
        {
            Id = id,
            InstanceId = instanceId,
            BusinessKey = businessKey,
            DefinitionKey = definitionKey,
            DefinitionVersion = definitionVersion,
            ElementId = elementId,
            TokenId = tokenId,
            Name = name,
            LabelKk = labelKk,
            LabelRu = labelRu,
            CandidateRoles = candidateRoles,
            Organisation = organisation,
            FormKey = formKey,
            LegalBasis = legalBasis,
            Status = status,
            Assignee = assignee,
            LoopIndex = loopIndex,
            LoopElement = loopElement,
            CreatedAt = createdAt,
            DueAt = dueAt,
            EndedAt = endedAt,
            CompletedBy = completedBy,
            Output = output,
        };

    internal void SetLoop(int index, JsonNode? element)
    {
        LoopIndex = index;
        LoopElement = element?.DeepClone();
    }

    internal void Claim(string actor)
    {
        if (!IsOpen)
        {
            throw new TaskNotOpenException(Id, Status);
        }

        if (Status == UserTaskStatus.Claimed && !string.Equals(Assignee, actor, StringComparison.Ordinal))
        {
            throw new TaskClaimedByOtherException(Id, Assignee!);
        }

        Status = UserTaskStatus.Claimed;
        Assignee = actor;
    }

    internal void Complete(string actor, JsonObject output, DateTimeOffset now)
    {
        Claim(actor);
        Status = UserTaskStatus.Completed;
        CompletedBy = actor;
        Output = output;
        EndedAt = now;
    }

    internal void Cancel(DateTimeOffset now)
    {
        if (IsOpen)
        {
            Status = UserTaskStatus.Cancelled;
            EndedAt = now;
        }
    }
}
