using Qadam.Workflows.Definitions.Model;

namespace Qadam.Workflows.Execution;

internal sealed partial class TokenRunner
{
    /// <summary>
    /// The token leaves its node by the flows that apply: every unconditional flow and every flow
    /// whose condition holds, else the default (BPMN's implicit split on activities).
    /// </summary>
    private void Exit(Token token, FlowNode node)
    {
        Journal("left", node.Id, token.Id, null);
        if (ExitCompensationHandler(token, node))
        {
            return;
        }

        if (LoopBodyOf(token, node) is { } body)
        {
            // One instance of a multi-instance activity is done: the activity as a whole decides whether to go on.
            LeaveWaitState(token, dropWaitRows: true);
            // A sub-process instance's own variables (its element and what its steps recorded) join the output collection.
            FinishLoopInstance(token, body, node, node is SubProcess ? InstanceOutput(token) : null);
            return;
        }

        RecordCompensable(token, node);
        if (node is UserTask or ServiceTask or IntermediateCatchEvent { Trigger: not LinkTrigger } or SubProcess or CallActivity or ReceiveTask)
        {
            // A user task without boundary events leaves nothing behind but its own task row, which the completing
            // command has already closed: no clean-up round trip for it.
            LeaveWaitState(token, dropWaitRows: node is not UserTask || node.Boundaries.Count > 0);
        }

        var locals = LocalsFor(token);
        var flows = node.Outgoing
            .Where(f => !f.IsDefault && (f.Condition is null || _expressions.IsTrue(f.Id, f.Condition, Variables, locals))).ToList();
        if (flows.Count == 0 && node.Outgoing.FirstOrDefault(f => f.IsDefault) is { } fallback)
        {
            flows.Add(fallback);
        }

        if (flows.Count == 0 && node.Outgoing.Count > 0)
        {
            throw new ProcessLogicException(node.Id, "no outgoing flow's condition holds and there is no default flow");
        }

        Follow(token, flows);
    }

    /// <summary>The token takes the first flow; each further flow gets a new token in the same scope.</summary>
    private void Follow(Token token, IReadOnlyList<SequenceFlow> flows)
    {
        if (flows.Count == 0)
        {
            // A node without outgoing flows ends its token (an implicit end event).
            ConsumeToken(token);
            return;
        }

        for (var i = 0; i < flows.Count; i++)
        {
            var moving = i == 0 ? token : NewToken(flows[i].Source, token.ScopeId);
            moving.State = TokenState.Waiting;
            moving.ArrivedVia = null;
            _agenda.Enqueue(new Arrive(moving, flows[i].Target, flows[i]));
        }
    }

    /// <summary>
    /// A token that waited (task, timer, message, job, called instance) takes a fresh id when it moves on,
    /// so that everything keyed by its old id (boundary timers, open tasks) is dropped in one sweep.
    /// </summary>
    private void LeaveWaitState(Token token, bool dropWaitRows)
    {
        if (dropWaitRows)
        {
            Effects.EndedTokens.Add(token.Id);
        }

        var old = token.Id;
        token.Id = State.NewId("t");
        foreach (var scope in State.Scopes.Where(s => string.Equals(s.OwnerTokenId, old, StringComparison.Ordinal)))
        {
            scope.OwnerTokenId = token.Id;
        }
    }

    private void TakeExclusive(Token token, ExclusiveGateway gateway)
    {
        Journal("left", gateway.Id, token.Id, null);
        var locals = LocalsFor(token);
        var chosen = gateway.Outgoing.FirstOrDefault(f => !f.IsDefault && (f.Condition is null || _expressions.IsTrue(f.Id, f.Condition, Variables, locals)))
                     ?? gateway.Default
                     ?? (gateway.Outgoing.Count == 0 ? null : throw new ProcessLogicException(gateway.Id,
                         "no outgoing flow's condition holds and the gateway has no default flow"));
        Follow(token, chosen is null ? [] : [chosen]);
    }

    private void TakeInclusive(Token token, InclusiveGateway gateway)
    {
        Journal("left", gateway.Id, token.Id, null);
        var locals = LocalsFor(token);
        var flows = gateway.Outgoing
            .Where(f => !f.IsDefault && (f.Condition is null || _expressions.IsTrue(f.Id, f.Condition, Variables, locals))).ToList();
        if (flows.Count == 0 && gateway.Default is not null)
        {
            flows.Add(gateway.Default);
        }

        if (flows.Count == 0 && gateway.Outgoing.Count > 0)
        {
            throw new ProcessLogicException(gateway.Id, "no outgoing flow's condition holds and the gateway has no default flow");
        }

        Follow(token, flows);
    }

    /// <summary>Parallel join: wait until a token has arrived by every incoming flow, then split by every outgoing flow.</summary>
    private void ArriveAtParallel(Token token, ParallelGateway gateway, SequenceFlow? via)
    {
        if (gateway.Incoming.Count > 1)
        {
            token.State = TokenState.Joining;
            token.ArrivedVia = via?.Id;
            var waiting = State.Tokens.Where(t => t.State == TokenState.Joining
                                                  && string.Equals(t.NodeId, gateway.Id, StringComparison.Ordinal)
                                                  && string.Equals(t.ScopeId, token.ScopeId, StringComparison.Ordinal)).ToList();
            var oneEach = gateway.Incoming
                .Select(f => waiting.FirstOrDefault(t => string.Equals(t.ArrivedVia, f.Id, StringComparison.Ordinal)))
                .ToList();
            if (oneEach.Any(t => t is null))
            {
                return;
            }

            foreach (var joined in oneEach)
            {
                State.Tokens.Remove(joined!);
            }

            token = NewToken(gateway, token.ScopeId);
        }

        Journal("left", gateway.Id, token.Id, null);
        Follow(token, gateway.Outgoing);
    }

    /// <summary>Fires each inclusive join that no other token of its scope can still reach; true if one fired.</summary>
    private bool FireReadyInclusiveJoins()
    {
        var fired = false;
        var parked = State.Tokens.Where(t => t.State == TokenState.Joining && _model.Node(t.NodeId) is InclusiveGateway).ToList();
        foreach (var group in parked.GroupBy(t => (t.NodeId, t.ScopeId)))
        {
            var gateway = (InclusiveGateway)_model.Node(group.Key.NodeId);
            var others = State.Tokens.Where(t => string.Equals(t.ScopeId, group.Key.ScopeId, StringComparison.Ordinal)
                                                 && !(t.State == TokenState.Joining && string.Equals(t.NodeId, gateway.Id, StringComparison.Ordinal)));
            if (others.Any(t => Reachability.CanReach(_model, t.NodeId, gateway.Id)))
            {
                continue;
            }

            foreach (var joined in group)
            {
                State.Tokens.Remove(joined);
            }

            var token = NewToken(gateway, group.Key.ScopeId);
            TakeInclusive(token, gateway);
            fired = true;
        }

        return fired;
    }
}
