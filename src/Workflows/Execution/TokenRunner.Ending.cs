using Qadam.Workflows.Definitions.Model;

namespace Qadam.Workflows.Execution;

internal sealed partial class TokenRunner
{
    private void EnterEnd(Token token, EndEvent end)
    {
        Journal("left", end.Id, token.Id, null);
        switch (end.Trigger)
        {
            case ErrorTrigger error:
                State.Tokens.Remove(token);
                ThrowErrorFromScope(token.ScopeId, error.ErrorCode ?? string.Empty);
                break;
            case TerminateTrigger:
                State.Tokens.Remove(token);
                TerminateScope(token.ScopeId);
                break;
            default:
                if (!EndWithEvent(token, end))
                {
                    ConsumeToken(token);
                }

                break;
        }
    }

    /// <summary>The token is gone; when its scope has no tokens left the scope (or the instance) completes.</summary>
    private void ConsumeToken(Token token)
    {
        State.Tokens.Remove(token);
        CompleteScopeIfEmpty(token.ScopeId);
    }

    private void CompleteScopeIfEmpty(string? scopeId)
    {
        if (State.Tokens.Any(t => string.Equals(t.ScopeId, scopeId, StringComparison.Ordinal)))
        {
            return;
        }

        if (scopeId is null)
        {
            Journal("completed", null, null, null);
            EndedAs = InstanceStatus.Completed;
            return;
        }

        var scope = State.FindScope(scopeId)!;
        State.Scopes.Remove(scope);
        CloseScope(scope.Id);
        var owner = State.FindToken(scope.OwnerTokenId)!;
        _agenda.Enqueue(new Leave(owner, _model.Node(scope.NodeId)));
    }

    /// <summary>A terminate end event ends every token of its scope: the sub-process completes, or the instance ends.</summary>
    private void TerminateScope(string? scopeId)
    {
        foreach (var token in State.Tokens.Where(t => string.Equals(t.ScopeId, scopeId, StringComparison.Ordinal)).ToList())
        {
            CancelToken(token);
        }

        if (scopeId is null)
        {
            Journal("terminated", null, null, null);
            State.Tokens.Clear();
            State.Scopes.Clear();
            EndedAs = InstanceStatus.Terminated;
            return;
        }

        CompleteScopeIfEmpty(scopeId);
    }

    /// <summary>An error raised by the activity a token waits at: its own boundary first, then the enclosing scopes.</summary>
    private void ThrowError(Token token, string errorCode)
    {
        var node = _model.Node(token.NodeId);
        if (CatchingBoundary(node, errorCode) is { } boundary)
        {
            Interrupt(token, boundary, errorCode);
            return;
        }

        CancelToken(token);
        ThrowErrorFromScope(token.ScopeId, errorCode);
    }

    private void ThrowErrorFromScope(string? scopeId, string errorCode)
    {
        while (true)
        {
            // An error event sub-process of the scope catches first, then a boundary on the scope's activity (BPMN 2.0, 10.5.6).
            if ((EventSubProcessStart(scopeId, t => t is ErrorTrigger e && string.Equals(e.ErrorCode, errorCode, StringComparison.Ordinal))
                 ?? EventSubProcessStart(scopeId, t => t is ErrorTrigger { ErrorCode: null })) is { } start)
            {
                Journal("error-caught", start.Id, null, new System.Text.Json.Nodes.JsonObject { ["errorCode"] = errorCode });
                StartEventSubProcess(scopeId, start, null);
                return;
            }

            if (scopeId is null)
            {
                break;
            }

            var scope = State.FindScope(scopeId)!;
            var owner = State.FindToken(scope.OwnerTokenId)!;
            if (CatchingBoundary(_model.Node(scope.NodeId), errorCode) is { } boundary)
            {
                Interrupt(owner, boundary, errorCode);
                return;
            }

            scopeId = scope.ParentScopeId;
        }

        // Nothing in this instance catches it: the calling instance may, else the instance fails.
        foreach (var token in State.Tokens.ToList())
        {
            CancelToken(token);
        }

        State.Tokens.Clear();
        State.Scopes.Clear();
        Journal("error-uncaught", null, null, new System.Text.Json.Nodes.JsonObject { ["errorCode"] = errorCode });
        Effects.ErrorToParent = errorCode;
        EndedAs = InstanceStatus.Failed;
    }

    private static BoundaryEvent? CatchingBoundary(FlowNode node, string errorCode) =>
        node.Boundaries.FirstOrDefault(b => b.Trigger is ErrorTrigger e && string.Equals(e.ErrorCode, errorCode, StringComparison.Ordinal))
        ?? node.Boundaries.FirstOrDefault(b => b.Trigger is ErrorTrigger { ErrorCode: null });

    private void Interrupt(Token activityToken, BoundaryEvent boundary, string errorCode)
    {
        Journal("error-caught", boundary.Id, activityToken.Id, new System.Text.Json.Nodes.JsonObject { ["errorCode"] = errorCode });
        CancelToken(activityToken);
        var token = NewToken(boundary, activityToken.ScopeId);
        _agenda.Enqueue(new Leave(token, boundary));
    }

    /// <summary>Removes a token, everything waiting on it, and every scope it owns with their tokens.</summary>
    private void CancelToken(Token token)
    {
        State.Tokens.Remove(token);
        Effects.EndedTokens.Add(token.Id);
        foreach (var scope in State.Scopes.Where(s => string.Equals(s.OwnerTokenId, token.Id, StringComparison.Ordinal)).ToList())
        {
            foreach (var inner in State.Tokens.Where(t => string.Equals(t.ScopeId, scope.Id, StringComparison.Ordinal)).ToList())
            {
                CancelToken(inner);
            }

            State.Scopes.Remove(scope);
            CloseScope(scope.Id);
        }
    }
}
