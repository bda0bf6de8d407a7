using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Qadam.Workflows.Definitions.Model;

namespace Qadam.Workflows.Execution;

/// <summary>
/// Events beyond timers and errors, as BPMN 2.0 (chapter 10.5) and Camunda 7 run them: messages thrown and received,
/// signals, escalations, conditions, links, event-based gateways, event sub-processes and compensation.
/// </summary>
internal sealed partial class TokenRunner
{
    /// <summary>The most compensation handlers one throw runs; far above any procedure, far below a runaway loop.</summary>
    private const int MaxCompensationHandlers = 1_000;

    /// <summary>Per process model: whether it has any conditional event, so that the hot path skips the sweep.</summary>
    private static readonly ConditionalWeakTable<ProcessModel, StrongBox<bool>> HasConditionalEvents = new();

    private readonly HashSet<string> _freshConditions = new(StringComparer.Ordinal);
    private bool _variablesChanged;

    /// <summary>
    /// Delivers a caught event to what waits under <paramref name="waitId"/> (a token, or an event sub-process's listener) at
    /// <paramref name="elementId"/>: resumes a catch event or receive task, decides an event-based gateway, fires a boundary
    /// event or starts an event sub-process. False when nothing waits there any more (it was withdrawn earlier).
    /// </summary>
    public bool Deliver(string waitId, string elementId, JsonObject? payload)
    {
        if (EndedAs is not null || !_model.Elements.TryGetValue(elementId, out var element) || element is not FlowNode node)
        {
            return false;
        }

        if (State.Listeners?.Find(l => string.Equals(l.Id, waitId, StringComparison.Ordinal)) is { } listener)
        {
            var scopeActive = listener.ScopeId is null || State.FindScope(listener.ScopeId) is not null;
            if (node is not StartEvent start || !scopeActive)
            {
                return false;
            }

            Merge(payload);
            if (start.Trigger is TimerTrigger { Kind: not TimerKind.Cycle })
            {
                // A timer fires once; its row is already gone.
                State.Listeners.Remove(listener);
            }

            StartEventSubProcess(listener.ScopeId, start, listener);
            Run();
            return true;
        }

        if (State.FindToken(waitId) is not { } token)
        {
            return false;
        }

        switch (node)
        {
            case BoundaryEvent boundary when string.Equals(token.NodeId, boundary.AttachedTo.Id, StringComparison.Ordinal):
                Merge(payload);
                TriggerBoundary(boundary, token);
                break;
            case not BoundaryEvent when string.Equals(token.NodeId, node.Id, StringComparison.Ordinal):
                Merge(payload);
                _agenda.Enqueue(new Leave(token, node));
                break;
            case not BoundaryEvent when _model.Node(token.NodeId) is EventBasedGateway gateway
                                        && gateway.Outgoing.Any(f => f.Target == node):
                Merge(payload);
                TakeEventBranch(token, gateway, node);
                break;
            default:
                return false;
        }

        Run();
        return true;
    }

    /// <summary>True while the listener still waits (a cycle timer of a non-interrupting event sub-process arms its next turn then).</summary>
    public bool IsListening(string listenerId) =>
        State.Listeners?.Exists(l => string.Equals(l.Id, listenerId, StringComparison.Ordinal)) == true;

    /// <summary>Entering the event nodes the older switch does not know; false for a kind nothing here runs.</summary>
    private bool EnterEventNode(Token token, FlowNode node)
    {
        switch (node)
        {
            case SendTask send:
                ThrowMessage(send, send.Message);
                _agenda.Enqueue(new Leave(token, node));
                return true;
            case ReceiveTask receive:
                Subscribe(token.Id, receive, receive.Message);
                ArmBoundaryTimers(token, node);
                return true;
            case EventBasedGateway gateway:
                EnterEventGateway(token, gateway);
                return true;
            case IntermediateCatchEvent { Trigger: SignalTrigger signal }:
                Subscribe(token.Id, node, signal);
                return true;
            case IntermediateCatchEvent { Trigger: ConditionalTrigger }:
                // It waits in the instance's state; the condition is looked at once the steps of this command are done.
                _freshConditions.Add(token.Id);
                return true;
            case IntermediateCatchEvent { Trigger: LinkTrigger }:
                _agenda.Enqueue(new Leave(token, node));
                return true;
            case IntermediateThrowEvent thrower:
                ThrowIntermediate(token, thrower);
                return true;
            default:
                return false;
        }
    }

    private void ThrowIntermediate(Token token, IntermediateThrowEvent thrower)
    {
        switch (thrower.Trigger)
        {
            case LinkTrigger link:
                Journal("left", thrower.Id, token.Id, null);
                var target = thrower.Scope.Nodes.OfType<IntermediateCatchEvent>()
                                 .FirstOrDefault(c => c.Trigger is LinkTrigger l && string.Equals(l.LinkName, link.LinkName, StringComparison.Ordinal))
                             ?? throw new ProcessLogicException(thrower.Id, $"no link catch event named '{link.LinkName}' in its scope");
                _agenda.Enqueue(new Arrive(token, target, null));
                return;
            case CompensateTrigger compensate:
                Compensate(token, thrower, compensate);
                return;
            case MessageTrigger message:
                ThrowMessage(thrower, message);
                break;
            case SignalTrigger signal:
                ThrowSignal(thrower, signal);
                break;
            case EscalationTrigger escalation:
                ThrowEscalation(token.ScopeId, thrower, escalation.EscalationCode);
                if (State.FindToken(token.Id) is null)
                {
                    // An interrupting catch ended the scope, and the thrower with it.
                    return;
                }

                break;
        }

        _agenda.Enqueue(new Leave(token, thrower));
    }

    /// <summary>Message, signal, escalation and compensation end events; false for the kinds <see cref="EnterEnd"/> runs itself.</summary>
    private bool EndWithEvent(Token token, EndEvent end)
    {
        switch (end.Trigger)
        {
            case MessageTrigger message:
                ThrowMessage(end, message);
                ConsumeToken(token);
                return true;
            case SignalTrigger signal:
                ThrowSignal(end, signal);
                ConsumeToken(token);
                return true;
            case EscalationTrigger escalation:
                State.Tokens.Remove(token);
                ThrowEscalation(token.ScopeId, end, escalation.EscalationCode);
                if (EndedAs is null && (token.ScopeId is null || State.FindScope(token.ScopeId) is not null))
                {
                    CompleteScopeIfEmpty(token.ScopeId);
                }

                return true;
            case CompensateTrigger compensate:
                Compensate(token, end, compensate);
                return true;
            default:
                return false;
        }
    }

    private void ThrowMessage(FlowNode node, MessageTrigger message)
    {
        var key = message.CorrelationKey is null ? null : _expressions.Evaluate(node.Id, message.CorrelationKey, Variables)?.ToString();
        var payload = Payload(message.Payload);
        Journal("message-thrown", node.Id, null, new JsonObject { ["message"] = message.MessageName, ["correlationKey"] = key });
        Effects.Thrown.Add(new ThrownEvent(SubscriptionKinds.Message, message.MessageName, key, payload));
        // Other systems read it from the outbox (at least once); this engine's own instances get it before the command ends.
        Effects.Outbox.Add(new OutboxMessage
        {
            Topic = ThrownMessageLog.MessageTopic,
            InstanceId = _instance.Id,
            Payload = new JsonObject
            {
                ["message"] = message.MessageName,
                ["correlationKey"] = key,
                ["elementId"] = node.Id,
                ["businessKey"] = _instance.BusinessKey,
                ["variables"] = payload.DeepClone(),
            },
            CreatedAt = _now,
            DueAt = _now,
        });
    }

    private void ThrowSignal(FlowNode node, SignalTrigger signal)
    {
        var scope = signal.Scope is null ? null : _expressions.Evaluate(node.Id, signal.Scope, Variables)?.ToString();
        Journal("signal-thrown", node.Id, null, new JsonObject { ["signal"] = signal.SignalName, ["scope"] = scope });
        Effects.Thrown.Add(new ThrownEvent(SubscriptionKinds.Signal, signal.SignalName, scope, Payload(signal.Payload)));
    }

    private JsonObject Payload(IReadOnlyList<string>? names) =>
        names is null
            ? []
            : new JsonObject(names.Where(Variables.ContainsKey).Select(n => KeyValuePair.Create(n, Variables[n]?.DeepClone())));

    /// <summary>Opens the wait row of a message or signal catch (or a timer), keyed by the waiting token or listener.</summary>
    private void Subscribe(string waitId, FlowNode node, EventTrigger trigger)
    {
        switch (trigger)
        {
            case MessageTrigger message:
                Effects.NewSubscriptions.Add(NewSubscription(waitId, node.Id, SubscriptionKinds.Message, message.MessageName,
                    message.CorrelationKey is null ? null : _expressions.Evaluate(node.Id, message.CorrelationKey, Variables)?.ToString()));
                break;
            case SignalTrigger signal:
                Effects.NewSubscriptions.Add(NewSubscription(waitId, node.Id, SubscriptionKinds.Signal, signal.SignalName,
                    signal.Scope is null ? null : _expressions.Evaluate(node.Id, signal.Scope, Variables)?.ToString()));
                break;
            case TimerTrigger timer:
                Effects.NewTimers.Add(NewTimer(waitId, node.Id, timer));
                break;
            case ConditionalTrigger:
                _freshConditions.Add(waitId);
                break;
        }
    }

    private MessageSubscription NewSubscription(string waitId, string elementId, string kind, string name, string? key) => new()
    {
        Id = Guid.CreateVersion7(_now),
        InstanceId = _instance.Id,
        TokenId = waitId,
        ElementId = elementId,
        MessageName = name,
        CorrelationKey = key,
        EventType = kind,
        CreatedAt = _now,
    };

    /// <summary>Message, signal and conditional boundaries wait with their activity (timers are armed by the older code).</summary>
    private void ArmBoundaryEvent(Token token, BoundaryEvent boundary)
    {
        if (boundary.Trigger is MessageTrigger or SignalTrigger or ConditionalTrigger)
        {
            Subscribe(token.Id, boundary, boundary.Trigger);
        }
    }

    /// <summary>Fires a boundary event on the activity where <paramref name="activityToken"/> waits, without running the agenda.</summary>
    private void TriggerBoundary(BoundaryEvent boundary, Token activityToken)
    {
        Journal("boundary-fired", boundary.Id, activityToken.Id, null);
        if (boundary.CancelActivity)
        {
            CancelToken(activityToken);
        }

        var token = NewToken(boundary, activityToken.ScopeId);
        _agenda.Enqueue(new Leave(token, boundary));
    }

    private void EnterEventGateway(Token token, EventBasedGateway gateway)
    {
        foreach (var target in gateway.Outgoing.Select(f => f.Target))
        {
            switch (target)
            {
                case IntermediateCatchEvent { Trigger: var trigger }:
                    Subscribe(token.Id, target, trigger);
                    break;
                case ReceiveTask receive:
                    Subscribe(token.Id, receive, receive.Message);
                    break;
            }
        }
    }

    /// <summary>The first event after an event-based gateway won: the others are withdrawn (their rows go with the token's old id).</summary>
    private void TakeEventBranch(Token token, EventBasedGateway gateway, FlowNode target)
    {
        Journal("left", gateway.Id, token.Id, new JsonObject { ["won"] = target.Id });
        LeaveWaitState(token, dropWaitRows: true);
        token.NodeId = target.Id;
        Journal("entered", target.Id, token.Id, null);
        _agenda.Enqueue(new Leave(token, target));
    }

    // ---- Event sub-processes ----

    /// <summary>Opens the listeners of the event sub-processes of a scope just begun (message, timer, signal, conditional starts).</summary>
    private void OpenListeners(string? scopeId, FlowScope scope)
    {
        foreach (var sub in scope.EventSubProcesses)
        {
            if (sub.Inner.StartEvents.FirstOrDefault() is not { Trigger: MessageTrigger or TimerTrigger or SignalTrigger or ConditionalTrigger } start)
            {
                // Error and escalation starts are found when something is thrown; nothing waits for them.
                continue;
            }

            var listener = new EventListener { Id = State.NewId("l"), ScopeId = scopeId, ElementId = start.Id };
            (State.Listeners ??= []).Add(listener);
            Subscribe(listener.Id, start, start.Trigger);
        }
    }

    /// <summary>A scope ended: its event sub-processes stop listening and its completed activities can no longer be compensated.</summary>
    private void CloseScope(string scopeId)
    {
        if (State.Listeners is { } listeners)
        {
            foreach (var listener in listeners.Where(l => string.Equals(l.ScopeId, scopeId, StringComparison.Ordinal)).ToList())
            {
                listeners.Remove(listener);
                Effects.EndedTokens.Add(listener.Id);
            }

            State.Listeners = listeners.Count == 0 ? null : listeners;
        }

        State.Compensable?.RemoveAll(r => string.Equals(r.ScopeId, scopeId, StringComparison.Ordinal));
        if (State.Compensable is { Count: 0 })
        {
            State.Compensable = null;
        }
    }

    private void CloseAllListeners()
    {
        foreach (var listener in State.Listeners ?? [])
        {
            Effects.EndedTokens.Add(listener.Id);
        }

        State.Listeners = null;
    }

    /// <summary>The start event of an event sub-process of the scope whose trigger matches, or null.</summary>
    private StartEvent? EventSubProcessStart(string? scopeId, Func<EventTrigger, bool> matches)
    {
        var scope = scopeId is null
            ? _model.Root
            : State.FindScope(scopeId) is { } instance && _model.Node(instance.NodeId) is SubProcess sub ? sub.Inner : null;
        return scope?.EventSubProcesses
            .Select(s => s.Inner.StartEvents.FirstOrDefault())
            .FirstOrDefault(s => s is not null && matches(s.Trigger));
    }

    /// <summary>
    /// Starts an event sub-process in the scope: an interrupting one first cancels every token, task and wait of the scope
    /// (BPMN 2.0, 10.2.5), a non-interrupting one runs beside them. The scope completes once the event sub-process has.
    /// </summary>
    private void StartEventSubProcess(string? scopeId, StartEvent start, EventListener? listener)
    {
        var sub = start.Scope.Owner!;
        Journal("event-subprocess-started", sub.Id, null, new JsonObject { ["start"] = start.Id, ["interrupting"] = start.IsInterrupting });
        if (start.IsInterrupting)
        {
            foreach (var token in State.Tokens.Where(t => string.Equals(t.ScopeId, scopeId, StringComparison.Ordinal)).ToList())
            {
                CancelToken(token);
            }

            foreach (var other in State.Listeners?.Where(l => string.Equals(l.ScopeId, scopeId, StringComparison.Ordinal)).ToList() ?? [])
            {
                State.Listeners!.Remove(other);
                Effects.EndedTokens.Add(other.Id);
            }

            if (State.Listeners is { Count: 0 })
            {
                State.Listeners = null;
            }
        }

        var owner = NewToken(sub, scopeId);
        Journal("entered", sub.Id, owner.Id, null);
        var scope = new ScopeInstance { Id = State.NewId("s"), NodeId = sub.Id, ParentScopeId = scopeId, OwnerTokenId = owner.Id };
        State.Scopes.Add(scope);
        OpenListeners(scope.Id, sub.Inner);
        var inner = NewToken(start, scope.Id);
        _agenda.Enqueue(new Leave(inner, start));
    }

    // ---- Escalation ----

    /// <summary>
    /// Escalates from a scope outwards: an escalation event sub-process of the scope, else a boundary on the scope's activity,
    /// else the enclosing scope. Uncaught, it changes nothing (BPMN 2.0, 10.5.4: unlike an error it is not a failure).
    /// </summary>
    private void ThrowEscalation(string? scopeId, FlowNode thrower, string? code)
    {
        bool Exact(EventTrigger t) => t is EscalationTrigger e && e.EscalationCode is not null && string.Equals(e.EscalationCode, code, StringComparison.Ordinal);
        bool Any(EventTrigger t) => t is EscalationTrigger { EscalationCode: null };
        Journal("escalation-thrown", thrower.Id, null, new JsonObject { ["escalationCode"] = code });
        while (true)
        {
            if ((EventSubProcessStart(scopeId, Exact) ?? EventSubProcessStart(scopeId, Any)) is { } start)
            {
                StartEventSubProcess(scopeId, start, null);
                return;
            }

            if (scopeId is null && _instance.ParentInstanceId is not null)
            {
                // A boundary on the call activity, or the calling process, may catch it (as Camunda 7 lets it).
                Effects.EscalationsToCaller.Add(code);
                return;
            }

            if (scopeId is null || State.FindScope(scopeId) is not { } scope)
            {
                Journal("escalation-uncaught", thrower.Id, null, new JsonObject { ["escalationCode"] = code });
                return;
            }

            var activity = _model.Node(scope.NodeId);
            // One instance of a multi-instance sub-process is not the activity the boundary sits on: the escalation goes on to
            // the multi-instance body, whose owner is (as an error does), so an interrupting boundary ends every instance.
            if ((activity.Boundaries.FirstOrDefault(b => Exact(b.Trigger)) ?? activity.Boundaries.FirstOrDefault(b => Any(b.Trigger))) is { } boundary
                && State.FindToken(scope.OwnerTokenId) is { } owner && !IsLoopInstance(owner, activity))
            {
                TriggerBoundary(boundary, owner);
                return;
            }

            scopeId = scope.ParentScopeId;
        }
    }

    /// <summary>An escalation from the instance called at <paramref name="tokenId"/>'s call activity; false when it has moved on.</summary>
    public bool EscalateFromCall(string tokenId, string? code)
    {
        if (EndedAs is not null || State.FindToken(tokenId) is not { } token || _model.Node(token.NodeId) is not CallActivity call)
        {
            return false;
        }

        var boundary = call.Boundaries.FirstOrDefault(b => b.Trigger is EscalationTrigger e && e.EscalationCode is not null
                                                                                          && string.Equals(e.EscalationCode, code, StringComparison.Ordinal))
                       ?? call.Boundaries.FirstOrDefault(b => b.Trigger is EscalationTrigger { EscalationCode: null });
        if (boundary is not null)
        {
            TriggerBoundary(boundary, token);
        }
        else
        {
            ThrowEscalation(token.ScopeId, call, code);
        }

        Run();
        return true;
    }

    // ---- Conditions ----

    /// <summary>
    /// Looks at the conditions of conditional catch events, boundaries, event sub-process starts and event-based gateway
    /// branches: all of them when variables changed, else only those that just began to wait. True when one fired.
    /// </summary>
    private bool EvaluateConditionalEvents()
    {
        if (!_variablesChanged && _freshConditions.Count == 0)
        {
            return false;
        }

        if (!HasConditionalEvents.GetValue(_model, m => new StrongBox<bool>(m.Nodes.Any(IsConditional))).Value)
        {
            _variablesChanged = false;
            return false;
        }

        var all = _variablesChanged;
        var fresh = _freshConditions.ToHashSet(StringComparer.Ordinal);
        _variablesChanged = false;
        _freshConditions.Clear();
        bool Holds(FlowNode node, ConditionalTrigger c) => _expressions.IsTrue(node.Id, c.Condition, Variables);
        var fired = false;

        foreach (var token in State.Tokens.ToList())
        {
            if ((!all && !fresh.Contains(token.Id)) || State.FindToken(token.Id) is null
                || !_model.Elements.TryGetValue(token.NodeId, out var element) || element is not FlowNode node)
            {
                continue;
            }

            switch (node)
            {
                case IntermediateCatchEvent { Trigger: ConditionalTrigger condition } when Holds(node, condition):
                    _agenda.Enqueue(new Leave(token, node));
                    fired = true;
                    break;
                case EventBasedGateway gateway when token.State == TokenState.Waiting:
                    var won = gateway.Outgoing.Select(f => f.Target)
                        .FirstOrDefault(t => t is IntermediateCatchEvent { Trigger: ConditionalTrigger c } && Holds(t, c));
                    if (won is not null)
                    {
                        TakeEventBranch(token, gateway, won);
                        fired = true;
                    }

                    break;
                default:
                    // The token of the activity itself, not one of a multi-instance body's inner tokens.
                    var inBody = token.ScopeId is not null && State.FindScope(token.ScopeId) is { } body
                                                           && string.Equals(body.NodeId, node.Id, StringComparison.Ordinal);
                    var boundary = inBody
                        ? null
                        : node.Boundaries.FirstOrDefault(b => b.Trigger is ConditionalTrigger c && Holds(b, c));
                    if (boundary is not null)
                    {
                        TriggerBoundary(boundary, token);
                        fired = true;
                    }

                    break;
            }
        }

        foreach (var listener in State.Listeners?.ToList() ?? [])
        {
            if ((all || fresh.Contains(listener.Id)) && IsListening(listener.Id)
                && _model.Node(listener.ElementId) is StartEvent { Trigger: ConditionalTrigger condition } start && Holds(start, condition))
            {
                StartEventSubProcess(listener.ScopeId, start, listener);
                fired = true;
            }
        }

        return fired;
    }

    private static bool IsConditional(FlowNode node) => node switch
    {
        IntermediateCatchEvent c => c.Trigger is ConditionalTrigger,
        BoundaryEvent b => b.Trigger is ConditionalTrigger,
        StartEvent s => s.Trigger is ConditionalTrigger,
        _ => false,
    };

    // ---- Compensation ----

    /// <summary>An activity with a compensation handler completed: remember it, newest last.</summary>
    private void RecordCompensable(Token token, FlowNode node)
    {
        if (node.Boundaries.Count == 0 || !node.Boundaries.Exists(b => b is { Trigger: CompensateTrigger, CompensationHandler: not null }))
        {
            return;
        }

        (State.Compensable ??= []).Add(new CompensationRecord { Sequence = ++State.NextId, NodeId = node.Id, ScopeId = token.ScopeId });
    }

    /// <summary>
    /// Runs the handlers of the scope's completed activities (or of the one named), one after the other in reverse order of
    /// completion, as Camunda 7 does; the throw event waits for the last, then moves on (or ends, for an end event).
    /// </summary>
    private void Compensate(Token token, FlowNode thrower, CompensateTrigger trigger)
    {
        var records = (State.Compensable ?? [])
            .Where(r => _model.Elements.TryGetValue(r.NodeId, out var done) && done is FlowNode { Boundaries: var boundaries }
                        && boundaries.Exists(b => b is { Trigger: CompensateTrigger, CompensationHandler: not null }))
            .Where(r => string.Equals(r.ScopeId, token.ScopeId, StringComparison.Ordinal)
                        && (trigger.ActivityRef is null || string.Equals(r.NodeId, trigger.ActivityRef, StringComparison.Ordinal)))
            .OrderByDescending(r => r.Sequence)
            .ToList();
        Journal("compensation-thrown", thrower.Id, token.Id, new JsonObject { ["activities"] = records.Count });
        if (records.Count > MaxCompensationHandlers)
        {
            throw new ProcessLogicException(thrower.Id, $"more than {MaxCompensationHandlers} activities to compensate");
        }

        foreach (var record in records)
        {
            State.Compensable!.Remove(record);
        }

        if (State.Compensable is { Count: 0 })
        {
            State.Compensable = null;
        }

        var handlers = records
            .Select(r => _model.Node(r.NodeId).Boundaries.First(b => b is { Trigger: CompensateTrigger, CompensationHandler: not null })
                .CompensationHandler!.Id)
            .ToList();
        if (handlers.Count == 0)
        {
            FinishCompensation(token, thrower);
            return;
        }

        token.State = TokenState.Waiting;
        token.PendingCompensation = handlers.Skip(1).ToList();
        StartHandler(token, _model.Node(handlers[0]));
    }

    private void StartHandler(Token thrower, FlowNode handler)
    {
        var token = NewToken(handler, thrower.ScopeId);
        token.CompensationFor = thrower.Id;
        _agenda.Enqueue(new Arrive(token, handler, null));
    }

    /// <summary>A compensation handler finished: run the next, or let the throw event go on. False for any other token.</summary>
    private bool ExitCompensationHandler(Token token, FlowNode node)
    {
        if (token.CompensationFor is not { } throwerId || !node.IsForCompensation)
        {
            return false;
        }

        LeaveWaitState(token, dropWaitRows: true);
        State.Tokens.Remove(token);
        Journal("compensated", node.Id, token.Id, null);
        if (State.FindToken(throwerId) is not { } thrower)
        {
            return true;
        }

        if (thrower.PendingCompensation is [var next, ..])
        {
            thrower.PendingCompensation.RemoveAt(0);
            StartHandler(thrower, _model.Node(next));
            return true;
        }

        thrower.PendingCompensation = null;
        FinishCompensation(thrower, _model.Node(thrower.NodeId));
        return true;
    }

    private void FinishCompensation(Token thrower, FlowNode node)
    {
        if (node is EndEvent)
        {
            ConsumeToken(thrower);
        }
        else
        {
            _agenda.Enqueue(new Leave(thrower, node));
        }
    }
}
