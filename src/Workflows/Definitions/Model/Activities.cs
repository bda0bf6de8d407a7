namespace Qadam.Workflows.Definitions.Model;

/// <summary>A task a person does: claimed by a user with one of the candidate roles, completed with form data.</summary>
public sealed class UserTask : FlowNode
{
    /// <summary>Creates a user task, multi-instance when <paramref name="multiInstance"/> is given (a council vote).</summary>
    public UserTask(string id, string? name, QadamAttributes extension, MultiInstance? multiInstance)
        : base(id, name, extension)
    {
        MultiInstance = multiInstance;
    }

    /// <inheritdoc />
    public override string Kind => "userTask";
}

/// <summary>
/// A plain bpmn:task or a bpmn:manualTask: work the engine does not track, passed through at once, as BPMN 2.0 (10.3.3)
/// and Camunda 7 run them. Drawn in other tools for steps done on paper; a person's step that Qadam records is a userTask.
/// </summary>
public sealed class PassThroughTask(string id, string? name, QadamAttributes extension, string kind) : FlowNode(id, name, extension)
{
    /// <inheritdoc />
    public override string Kind { get; } = kind;
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
public sealed class BusinessRuleTask(string id, string? name, QadamAttributes extension, string tableKey, string resultVariable, string? tableDate = null)
    : FlowNode(id, name, extension)
{
    /// <summary>
    /// The day whose table version is read (qadam:tableDate, an expression giving yyyy-MM-dd, e.g. <c>=today()</c> for the
    /// decision date). Without it the instance's reference date (the filing date) chooses the version.
    /// </summary>
    public string? TableDate { get; } = tableDate;

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
/// Multi-instance characteristics of an activity (user, service, business-rule, manual or plain task, sub-process, call
/// activity): one instance per element of <see cref="Collection"/> (or <see cref="Cardinality"/> instances), all at once or
/// one after another (<see cref="IsSequential"/>), ended early when <see cref="CompletionCondition"/> holds. Each instance
/// sees its element and <c>loopCounter</c>; all see <c>nrOfInstances</c>, <c>nrOfCompletedInstances</c> and
/// <c>nrOfActiveInstances</c>, as in Camunda 7.
/// </summary>
public sealed record MultiInstance
{
    /// <summary>True: one instance after another (isSequential="true"); false: all at once.</summary>
    public bool IsSequential { get; init; }

    /// <summary>Expression giving the array to iterate (qadam:collection, camunda:collection, flowable:collection, loopDataInputRef).</summary>
    public string? Collection { get; init; }

    /// <summary>Expression giving the number of instances (bpmn:loopCardinality).</summary>
    public string? Cardinality { get; init; }

    /// <summary>Name under which each instance sees its element (qadam:elementVariable, camunda:elementVariable, inputDataItem).</summary>
    public string ElementVariable { get; init; } = "item";

    /// <summary>Expression over nrOfInstances, nrOfCompletedInstances, nrOfActiveInstances and the output collection.</summary>
    public string? CompletionCondition { get; init; }

    /// <summary>Name of the array that collects each completed user task instance's form data (qadam:outputCollection).</summary>
    public string? OutputCollection { get; init; }
}

/// <summary>
/// A script task (bpmn:scriptTask) in JavaScript, run at once in the same sandbox and under the same limits as conditions
/// (time, statements, memory), as Camunda 7 runs one in its script engine: the instance's variables are globals,
/// <c>execution.getVariable(name)</c> and <c>execution.setVariable(name, value)</c> read and write case data, and the
/// script's last value goes to <see cref="ResultVariable"/> when one is named.
/// </summary>
public sealed class ScriptTask(string id, string? name, QadamAttributes extension, string script, string? resultVariable)
    : FlowNode(id, name, extension)
{
    /// <summary>The script's text (bpmn:script).</summary>
    public string Script { get; } = script;

    /// <summary>Variable receiving the script's last value (qadam:, camunda: or flowable:resultVariable); null keeps none.</summary>
    public string? ResultVariable { get; } = resultVariable;

    /// <inheritdoc />
    public override string Kind => "scriptTask";
}
