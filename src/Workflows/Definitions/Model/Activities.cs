namespace Qadam.Workflows.Definitions.Model;

/// <summary>A task a person does: claimed by a user with one of the candidate roles, completed with form data.</summary>
public sealed class UserTask(string id, string? name, QadamAttributes extension, MultiInstance? multiInstance)
    : FlowNode(id, name, extension)
{
    /// <summary>Set for a parallel multi-instance task (council vote), else null.</summary>
    public MultiInstance? MultiInstance { get; } = multiInstance;

    /// <inheritdoc />
    public override string Kind => "userTask";
}

/// <summary>A task done by a C# activity registered under <see cref="Activity"/> (qadam:activity).</summary>
public sealed class ServiceTask(string id, string? name, QadamAttributes extension, string activity)
    : FlowNode(id, name, extension)
{
    /// <summary>Name of the registered activity, e.g. "render-document".</summary>
    public string Activity { get; } = activity;

    /// <inheritdoc />
    public override string Kind => "serviceTask";
}

/// <summary>A condition-table step (bpmn:businessRuleTask): evaluates table <see cref="TableKey"/> into <see cref="ResultVariable"/>.</summary>
public sealed class BusinessRuleTask(string id, string? name, QadamAttributes extension, string tableKey, string resultVariable)
    : FlowNode(id, name, extension)
{
    /// <summary>Key of the condition table (qadam:table).</summary>
    public string TableKey { get; } = tableKey;

    /// <summary>Variable that receives the result (qadam:resultVariable).</summary>
    public string ResultVariable { get; } = resultVariable;

    /// <inheritdoc />
    public override string Kind => "businessRuleTask";
}

/// <summary>An embedded sub-process: its own scope of nodes and flows, begun at its none start event.</summary>
public sealed class SubProcess : FlowNode
{
    /// <summary>Creates a sub-process with an empty inner scope.</summary>
    public SubProcess(string id, string? name, QadamAttributes extension)
        : base(id, name, extension)
    {
        Inner = new FlowScope(this);
    }

    /// <summary>The nodes and flows inside.</summary>
    public FlowScope Inner { get; }

    /// <summary>
    /// An event sub-process (triggeredByEvent): never entered by a flow, started by its start event's trigger while its
    /// enclosing scope is active.
    /// </summary>
    public bool TriggeredByEvent { get; init; }

    /// <inheritdoc />
    public override string Kind => "subProcess";
}

/// <summary>Starts another definition (by key, the version in force on the case's reference date) and waits for it.</summary>
public sealed class CallActivity(string id, string? name, QadamAttributes extension, string calledElement, IReadOnlyList<string>? outputs)
    : FlowNode(id, name, extension)
{
    /// <summary>Definition key of the called process (calledElement).</summary>
    public string CalledElement { get; } = calledElement;

    /// <summary>Variables copied back from the child when it ends (qadam:outputs); null copies all.</summary>
    public IReadOnlyList<string>? Outputs { get; } = outputs;

    /// <inheritdoc />
    public override string Kind => "callActivity";
}

/// <summary>
/// Parallel multi-instance characteristics of a user task: one instance per element of
/// <see cref="Collection"/> (or <see cref="Cardinality"/> instances), ended early when
/// <see cref="CompletionCondition"/> holds.
/// </summary>
public sealed record MultiInstance
{
    /// <summary>Expression giving the array to iterate (qadam:collection).</summary>
    public string? Collection { get; init; }

    /// <summary>Expression giving the number of instances (bpmn:loopCardinality).</summary>
    public string? Cardinality { get; init; }

    /// <summary>Name under which each instance sees its element (qadam:elementVariable).</summary>
    public string ElementVariable { get; init; } = "item";

    /// <summary>Expression over nrOfInstances, nrOfCompletedInstances, nrOfActiveInstances and the output collection.</summary>
    public string? CompletionCondition { get; init; }

    /// <summary>Name of the array that collects each completed instance's form data (qadam:outputCollection).</summary>
    public string? OutputCollection { get; init; }
}
