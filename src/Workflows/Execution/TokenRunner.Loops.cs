using System.Globalization;
using System.Text.Json.Nodes;
using Qadam.Workflows.Definitions.Model;

namespace Qadam.Workflows.Execution;

internal sealed partial class TokenRunner
{
    /// <summary>The local variable that numbers the instances of a multi-instance activity, from 0.</summary>
    private const string LoopCounter = "loopCounter";

    /// <summary>
    /// A multi-instance activity is entered: the token stays at it as the activity as a whole (its boundary events wait
    /// on it), and one token per instance runs the activity in the multi-instance body, with its element and loopCounter
    /// as its own variables: all at once, or the first of them when sequential. No instance at all leaves the activity
    /// at once (Camunda 7). Each instance of a sub-process has its own scope, so each moves on by itself.
    /// </summary>
    private void StartMultiInstance(Token owner, FlowNode node, MultiInstance loop)
    {
        var items = LoopItems(node, loop);
        if (loop.OutputCollection is not null)
        {
            Variables[loop.OutputCollection] = new JsonArray();
        }

        Journal("multi-instance-started", node.Id, owner.Id, new JsonObject { ["instances"] = items.Count, ["sequential"] = loop.IsSequential });
        if (items.Count == 0)
        {
            _agenda.Enqueue(new Leave(owner, node));
            return;
        }

        ArmBoundaryTimers(owner, node);
        var body = new ScopeInstance
        {
            Id = State.NewId("s"), NodeId = node.Id, ParentScopeId = owner.ScopeId, OwnerTokenId = owner.Id, Total = items.Count,
            Active = loop.IsSequential ? 1 : items.Count, Items = loop.IsSequential ? items : null,
        };
        State.Scopes.Add(body);
        if (loop.IsSequential)
        {
            StartLoopInstance(body, node, loop, 0, items[0]);
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            StartLoopInstance(body, node, loop, i, items[i]);
        }
    }

    private void StartLoopInstance(ScopeInstance body, FlowNode node, MultiInstance loop, int index, JsonNode? item)
    {
        var inner = NewToken(node, body.Id);
        inner.Locals = new JsonObject { [loop.ElementVariable] = item?.DeepClone(), [LoopCounter] = index };
        _agenda.Enqueue(new Arrive(inner, node, null));
    }

    /// <summary>
    /// One instance of a multi-instance user task completed (a ballot cast): its form data joins the output collection,
    /// then the activity decides whether to go on.
    /// </summary>
    public void CompleteLoopInstance(string innerTokenId, JsonObject output)
    {
        var inner = State.FindToken(innerTokenId) ?? throw new EngineNotFoundException($"Token {innerTokenId}");
        var body = State.FindScope(inner.ScopeId!) ?? throw new EngineNotFoundException($"Scope {inner.ScopeId}");
        FinishLoopInstance(inner, body, _model.Node(body.NodeId), output);
        Run();
    }

    /// <summary>
    /// An instance is done: count it, collect a user task's form data, then end the activity when every instance is done
    /// or the completion condition holds (the instances still running are cancelled), else start the next instance of a
    /// sequential one.
    /// </summary>
    private void FinishLoopInstance(Token inner, ScopeInstance body, FlowNode node, JsonObject? output)
    {
        var loop = node.MultiInstance!;
        // States written before the count was kept: count the instances still running, this one included.
        body.Active ??= State.Tokens.Count(t => string.Equals(t.ScopeId, body.Id, StringComparison.Ordinal));
        // A ballot's own task row is closed by the completing command; nothing else waits on its token.
        State.Tokens.Remove(inner);
        body.Completed++;
        body.Active--;
        if (output is not null && loop.OutputCollection is not null)
        {
            var collected = Variables[loop.OutputCollection] as JsonArray ?? [];
            collected.Add(output.DeepClone());
            Variables[loop.OutputCollection] = collected;
        }

        var owner = State.FindToken(body.OwnerTokenId)!;
        var done = body.Completed >= body.Total
                   || (loop.CompletionCondition is not null
                       && _expressions.IsTrue(node.Id, loop.CompletionCondition, Variables, LoopLocals(body, owner, inner.Locals)));
        if (!done)
        {
            if (loop.IsSequential && body.Items is { } items && body.Active == 0)
            {
                body.Active = 1;
                StartLoopInstance(body, node, loop, body.Completed, items[body.Completed]);
            }

            return;
        }

        foreach (var rest in State.Tokens.Where(t => string.Equals(t.ScopeId, body.Id, StringComparison.Ordinal)).ToList())
        {
            CancelToken(rest);
        }

        Journal("multi-instance-completed", node.Id, owner.Id, new JsonObject { ["completed"] = body.Completed, ["of"] = body.Total });
        State.Scopes.Remove(body);
        _agenda.Enqueue(new Leave(owner, node));
    }

    /// <summary>What one instance of a multi-instance sub-process leaves in its output collection: its locals but the counter.</summary>
    private static JsonObject? InstanceOutput(Token inner)
    {
        if (inner.Locals is not { } locals)
        {
            return null;
        }

        var output = locals.DeepClone().AsObject();
        output.Remove(LoopCounter);
        return output;
    }

    /// <summary>The variables the completion condition sees besides the instance's: the counts, and the owner's own.</summary>
    private JsonObject LoopLocals(ScopeInstance body, Token owner, JsonObject? instance)
    {
        var locals = LocalsFor(owner) ?? [];
        locals["nrOfInstances"] = body.Total;
        locals["nrOfCompletedInstances"] = body.Completed;
        locals["nrOfActiveInstances"] = body.Active;
        if (instance is not null)
        {
            foreach (var (name, value) in instance)
            {
                locals[name] = value?.DeepClone();
            }
        }

        return locals;
    }

    /// <summary>True for a token that is one instance of the multi-instance activity <paramref name="node"/>.</summary>
    private bool IsLoopInstance(Token token, FlowNode node) => LoopBodyOf(token, node) is not null;

    /// <summary>The multi-instance body a token runs one instance of, at <paramref name="node"/>; null for any other token.</summary>
    private ScopeInstance? LoopBodyOf(Token token, FlowNode node) =>
        node.MultiInstance is not null && token.ScopeId is { } scopeId
        && State.FindScope(scopeId) is { Total: not null } body
        && string.Equals(body.NodeId, node.Id, StringComparison.Ordinal)
        && !string.Equals(body.OwnerTokenId, token.Id, StringComparison.Ordinal)
            ? body
            : null;

    /// <summary>The variables only the token's activity instances hold (see <see cref="InstanceState.LocalsFor"/>).</summary>
    private JsonObject? LocalsFor(Token? token) => State.LocalsFor(token);

    /// <summary>The variables an activity of the token works with: the instance's, with the token's locals over them.</summary>
    public JsonObject VariablesFor(string tokenId)
    {
        if (LocalsFor(State.FindToken(tokenId)) is not { } locals)
        {
            return Variables;
        }

        var merged = (JsonObject)Variables.DeepClone();
        foreach (var (name, value) in locals)
        {
            merged[name] = value?.DeepClone();
        }

        return merged;
    }

    /// <summary>
    /// The elements a multi-instance activity runs once each: its collection, or 0 … n-1 for a loop cardinality. A count
    /// that is not a whole number from 0 to <see cref="EngineLimits.MaxMultiInstances"/> refuses the command before
    /// anything is allocated for it (a cardinality of 1e10 must not become ten billion tokens).
    /// </summary>
    private JsonArray LoopItems(FlowNode node, MultiInstance loop)
    {
        var max = _budget.Limits.MaxMultiInstances;
        if (loop.Collection is not null)
        {
            var value = _expressions.Evaluate(node.Id, loop.Collection, Variables);
            var items = value as JsonArray
                        ?? throw new ProcessLogicException(node.Id, $"the collection '{loop.Collection}' is not an array but {Describe(value)}");
            return items.Count <= max
                ? items
                : throw TooMany(node, items.Count.ToString("N0", CultureInfo.InvariantCulture), max);
        }

        var count = _expressions.Evaluate(node.Id, loop.Cardinality ?? "0", Variables);
        var number = count is JsonValue v && v.TryGetValue<double>(out var d) ? d
            : count is JsonValue s && s.TryGetValue<string>(out var text)
              && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed
            : double.NaN;
        if (double.IsNaN(number) || double.IsInfinity(number) || number != Math.Floor(number) || number < 0)
        {
            throw new ProcessLogicException(node.Id,
                $"loopCardinality '{loop.Cardinality}' gives {Describe(count)}: the number of instances is a whole number from 0");
        }

        if (number > max)
        {
            throw TooMany(node, number.ToString("#,0", CultureInfo.InvariantCulture), max);
        }

        var total = (int)number;
        var range = new JsonArray();
        for (var i = 0; i < total; i++)
        {
            range.Add(i);
        }

        return range;
    }

    private static CommandLimitException TooMany(FlowNode node, string count, int max) =>
        new(node.Id, string.Create(CultureInfo.InvariantCulture,
            $"the multi-instance {node.Kind} would have {count} instances; at most {max:N0} are allowed "
            + $"(limit {nameof(EngineLimits.MaxMultiInstances)})"));

    private static string Describe(JsonNode? value)
    {
        var json = value?.ToJsonString() ?? "null";
        return json.Length <= 40 ? json : json[..40] + "…";
    }
}
