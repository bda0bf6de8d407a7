using System.Text.Json.Nodes;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Tables;

namespace Qadam.Workflows.Execution;

/// <summary>
/// Moves the tokens of one instance through its process until every token waits (a user task, a
/// timer, a message, a job, a called instance, a join) or ends. One runner serves one command; it
/// changes only the in-memory state and collects <see cref="ExecutionEffects"/>, so a failure
/// leaves nothing applied.
/// </summary>
internal sealed partial class TokenRunner
{
    private readonly Queue<Step> _agenda = new();
    private readonly ProcessInstance _instance;
    private readonly ProcessModel _model;
    private readonly ExpressionEvaluator _expressions;
    private readonly Func<string, DateOnly?, ConditionTable> _tables;
    private readonly string _actor;
    private readonly DateTimeOffset _now;
    private readonly CommandBudget _budget;
    private InstanceStatus? _endedAs;

    public TokenRunner(ProcessInstance instance, ProcessModel model, InstanceState state, ExpressionEvaluator expressions,
        Func<string, DateOnly?, ConditionTable> tables, string actor, DateTimeOffset now, CommandBudget budget)
    {
        _budget = budget;
        _instance = instance;
        _model = model;
        State = state;
        _expressions = expressions;
        _tables = tables;
        _actor = actor;
        _now = now;
    }

    public InstanceState State { get; }

    public ExecutionEffects Effects { get; } = new();

    /// <summary>Set when the instance ended during this command; its event sub-processes stop listening then.</summary>
    public InstanceStatus? EndedAs
    {
        get => _endedAs;
        private set
        {
            _endedAs = value;
            if (value is not null)
            {
                CloseAllListeners();
            }
        }
    }

    private JsonObject Variables => State.Variables;

    private abstract record Step(Token Token);

    private sealed record Arrive(Token Token, FlowNode Node, SequenceFlow? Via) : Step(Token);

    private sealed record Leave(Token Token, FlowNode Node) : Step(Token);

    /// <summary>Starts the instance at a start event of the process level.</summary>
    public void Start(StartEvent start)
    {
        Journal("started", null, null, null);
        var token = NewToken(start, null);
        OpenListeners(null, _model.Root);
        _agenda.Enqueue(new Arrive(token, start, null));
        Run();
    }

    /// <summary>A waiting token leaves its node (task done, timer or message caught, job done, called instance done).</summary>
    public void Resume(string tokenId)
    {
        var token = State.FindToken(tokenId) ?? throw new EngineNotFoundException($"Token {tokenId} of instance {_instance.Id}");
        _agenda.Enqueue(new Leave(token, _model.Node(token.NodeId)));
        Run();
    }

    /// <summary>Merges data into the variables (task output, message payload, child results).</summary>
    public void Merge(JsonObject? data)
    {
        if (data is null)
        {
            return;
        }

        foreach (var (name, value) in data)
        {
            Variables[name] = value?.DeepClone();
        }

        _variablesChanged |= data.Count > 0;
    }

    /// <summary>
    /// Form data or an activity's output produced inside one instance of a multi-instance sub-process belongs to that
    /// instance: one school's order form must not overwrite another school's (order 103 para 15-16: each head's own order).
    /// It joins the instance's own variables, which everything inside the instance sees and its output collection gathers;
    /// anywhere else it is merged into the process variables.
    /// </summary>
    public void MergeAt(string tokenId, JsonObject? data)
    {
        if (data is null || data.Count == 0)
        {
            return;
        }

        if (SubProcessInstanceOf(State.FindToken(tokenId)) is not { } instance)
        {
            Merge(data);
            return;
        }

        instance.Locals ??= [];
        foreach (var (name, value) in data)
        {
            instance.Locals[name] = value?.DeepClone();
        }

        _variablesChanged = true;
    }

    /// <summary>
    /// The token of the multi-instance sub-process instance the token runs inside (the token whose locals hold the element
    /// and loopCounter), or null at process level and for one instance of a multi-instance task itself.
    /// </summary>
    private Token? SubProcessInstanceOf(Token? token)
    {
        for (var current = token; current?.ScopeId is { } scopeId && State.FindScope(scopeId) is { } scope;)
        {
            if (scope.Total is not null)
            {
                return ReferenceEquals(current, token) ? null : current;
            }

            current = State.FindToken(scope.OwnerTokenId);
        }

        return null;
    }

    /// <summary>A boundary timer fired for the activity whose token is <paramref name="activityTokenId"/>; false if that activity was already left.</summary>
    public bool FireBoundary(BoundaryEvent boundary, string activityTokenId)
    {
        var activityToken = State.FindToken(activityTokenId);
        if (activityToken is null || !string.Equals(activityToken.NodeId, boundary.AttachedTo.Id, StringComparison.Ordinal))
        {
            return false;
        }

        Journal("boundary-fired", boundary.Id, activityTokenId, null);
        if (boundary.CancelActivity)
        {
            CancelToken(activityToken);
        }

        var token = NewToken(boundary, activityToken.ScopeId);
        _agenda.Enqueue(new Leave(token, boundary));
        Run();
        return true;
    }

    /// <summary>A BPMN error raised at the token's activity (service task, called instance): caught by a boundary or escalated.</summary>
    public void ThrowErrorAt(string tokenId, string errorCode)
    {
        var token = State.FindToken(tokenId) ?? throw new EngineNotFoundException($"Token {tokenId} of instance {_instance.Id}");
        ThrowError(token, errorCode);
        Run();
    }

    /// <summary>Cancels every token of the instance (a cancel command).</summary>
    public void CancelAll(string reason)
    {
        Journal("cancelled", null, null, new JsonObject { ["reason"] = reason });
        foreach (var token in State.Tokens.Where(t => t.ScopeId is null).ToList())
        {
            CancelToken(token);
        }

        State.Tokens.Clear();
        State.Scopes.Clear();
        EndedAs = InstanceStatus.Cancelled;
    }

    private void Run()
    {
        while (true)
        {
            while (_agenda.TryDequeue(out var step))
            {
                // A process that loops without waiting is stopped and rolled back.
                _budget.ChargeStep(step.Token.NodeId);

                if (EndedAs is not null)
                {
                    _agenda.Clear();
                    return;
                }

                switch (step)
                {
                    case Arrive arrive:
                        Enter(arrive.Token, arrive.Node, arrive.Via);
                        break;
                    case Leave leave:
                        Exit(leave.Token, leave.Node);
                        break;
                }
            }

            // Conditional events see the variables as the steps left them (BPMN 2.0, 10.5.1: evaluated on change).
            if (EvaluateConditionalEvents())
            {
                continue;
            }

            // Inclusive joins can fire only once nothing else can still reach them.
            if (!FireReadyInclusiveJoins())
            {
                return;
            }
        }
    }

    private Token NewToken(FlowNode node, string? scopeId)
    {
        _budget.ChargeNew(node.Id, 1);
        var token = new Token { Id = State.NewId("t"), NodeId = node.Id, ScopeId = scopeId };
        State.Tokens.Add(token);
        return token;
    }

    private void Journal(string what, string? elementId, string? tokenId, JsonObject? data) =>
        Effects.Journal.Add(new JournalEntry
        {
            InstanceId = _instance.Id,
            DefinitionKey = _instance.DefinitionKey,
            DefinitionVersion = _instance.DefinitionVersion,
            ElementId = elementId,
            Event = what,
            At = _now,
            Actor = _actor,
            TokenId = tokenId,
            Data = data,
        });
}
