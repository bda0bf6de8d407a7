using System.Text.Json.Nodes;
using Qadam.Workflows.Definitions.Model;

namespace Qadam.Workflows.Execution;

internal sealed partial class TokenRunner
{
    private void Enter(Token token, FlowNode node, SequenceFlow? via)
    {
        token.NodeId = node.Id;
        Journal("entered", node.Id, token.Id, null);
        if (node.MultiInstance is { } loop && !IsLoopInstance(token, node))
        {
            StartMultiInstance(token, node, loop);
            return;
        }

        switch (node)
        {
            case StartEvent:
                _agenda.Enqueue(new Leave(token, node));
                break;
            case EndEvent end:
                EnterEnd(token, end);
                break;
            case UserTask task:
                Effects.NewTasks.Add(CreateTask(token, task));
                ArmBoundaryTimers(token, node);
                break;
            case ServiceTask service:
                Effects.NewJobs.Add(new ProcessJob
                {
                    Id = Guid.CreateVersion7(_now),
                    InstanceId = _instance.Id,
                    TokenId = token.Id,
                    ElementId = service.Id,
                    Activity = service.Activity,
                    DueAt = _now,
                });
                ArmBoundaryTimers(token, node);
                break;
            case BusinessRuleTask rule:
                SetResult(token, rule.ResultVariable, EvaluateTable(rule, LocalsFor(token)));
                _agenda.Enqueue(new Leave(token, node));
                break;
            case PassThroughTask:
                _agenda.Enqueue(new Leave(token, node));
                break;
            case ScriptTask script:
                RunScript(token, script);
                _agenda.Enqueue(new Leave(token, node));
                break;
            case ExclusiveGateway exclusive:
                TakeExclusive(token, exclusive);
                break;
            case ParallelGateway parallel:
                ArriveAtParallel(token, parallel, via);
                break;
            case InclusiveGateway inclusive when inclusive.Incoming.Count > 1:
                token.State = TokenState.Joining;
                token.ArrivedVia = via?.Id;
                break;
            case InclusiveGateway inclusive:
                TakeInclusive(token, inclusive);
                break;
            case IntermediateCatchEvent { Trigger: TimerTrigger timer }:
                Effects.NewTimers.Add(NewTimer(token.Id, node.Id, timer));
                break;
            case IntermediateCatchEvent { Trigger: MessageTrigger message }:
                Effects.NewSubscriptions.Add(new MessageSubscription
                {
                    Id = Guid.CreateVersion7(_now),
                    InstanceId = _instance.Id,
                    TokenId = token.Id,
                    ElementId = node.Id,
                    MessageName = message.MessageName,
                    CorrelationKey = message.CorrelationKey is null
                        ? null
                        : _expressions.Evaluate(node.Id, message.CorrelationKey, Variables, LocalsFor(token))?.ToString(),
                    CreatedAt = _now,
                });
                break;
            case SubProcess sub:
                EnterSubProcess(token, sub);
                break;
            case CallActivity call:
                Effects.ChildStarts.Add((token.Id, call));
                ArmBoundaryTimers(token, node);
                break;
            default:
                if (!EnterEventNode(token, node))
                {
                    throw new ProcessLogicException(node.Id, $"a {node.Kind} cannot be executed here");
                }

                break;
        }
    }

    private void EnterSubProcess(Token token, SubProcess sub)
    {
        var start = sub.Inner.NoneStart ?? throw new ProcessLogicException(sub.Id, "the sub-process has no none start event");
        var scope = new ScopeInstance { Id = State.NewId("s"), NodeId = sub.Id, ParentScopeId = token.ScopeId, OwnerTokenId = token.Id };
        State.Scopes.Add(scope);
        ArmBoundaryTimers(token, sub);
        OpenListeners(scope.Id, sub.Inner);
        var inner = NewToken(start, scope.Id);
        _agenda.Enqueue(new Arrive(inner, start, null));
    }

    /// <summary>
    /// Runs a script task in the expression sandbox and keeps what it wrote: a failure (a thrown error, a limit) fails the
    /// command as a failing condition does, nothing of the script kept.
    /// </summary>
    private void RunScript(Token token, ScriptTask script)
    {
        var written = new JsonObject();
        var result = _expressions.RunScript(script.Id, script.Script, Variables, LocalsFor(token), written);
        if (script.ResultVariable is { } name)
        {
            written[name] = result;
        }

        var names = new JsonArray([.. written.Select(p => (JsonNode)p.Key)]);
        Journal("script-ran", script.Id, token.Id, new JsonObject { ["variables"] = names });
        Merge(written);
    }

    /// <summary>
    /// The day that chooses the table version: qadam:tableDate when the step names one (a prohibition is read as in force on
    /// the decision date, <c>=today()</c>), else null, i.e. the instance's reference date.
    /// </summary>
    private DateOnly? TableDateOf(BusinessRuleTask rule, JsonObject? locals)
    {
        if (rule.TableDate is not { } text)
        {
            return null;
        }

        var value = text.StartsWith('=') ? _expressions.Evaluate(rule.Id, text[1..], Variables, locals)?.ToString() : text;
        return DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var day)
            ? day
            : throw new ProcessLogicException(rule.Id, $"qadam:tableDate gave '{value}', not a day (yyyy-MM-dd)");
    }

    /// <summary>
    /// A table's result inside one instance of a multi-instance activity is that instance's own variable (Camunda 7: a local
    /// variable of the instance's execution), so parallel instances (one per school) do not overwrite each other's result;
    /// elsewhere it is the process's variable.
    /// </summary>
    private void SetResult(Token token, string name, JsonNode? value)
    {
        for (var current = token; current is not null;)
        {
            if (current.Locals is { } locals && locals.ContainsKey(LoopCounter))
            {
                locals[name] = value;
                return;
            }

            if (current.ScopeId is null || State.FindScope(current.ScopeId) is not { } scope)
            {
                break;
            }

            current = State.FindToken(scope.OwnerTokenId);
        }

        Variables[name] = value;
    }

    /// <summary>The table's key: the literal, or what an <c>=expression</c> gives for this token (a school's own table).</summary>
    private string TableKeyOf(BusinessRuleTask rule, JsonObject? locals)
    {
        if (!rule.TableKey.StartsWith('='))
        {
            return rule.TableKey;
        }

        return _expressions.Evaluate(rule.Id, rule.TableKey[1..], Variables, locals)?.ToString() is { Length: > 0 } key
            ? key
            : throw new ProcessLogicException(rule.Id, $"qadam:table '{rule.TableKey}' gave no table key");
    }

    private JsonNode? EvaluateTable(BusinessRuleTask rule, JsonObject? locals)
    {
        var tableKey = TableKeyOf(rule, locals);
        var table = _tables(tableKey, TableDateOf(rule, locals));
        var hits = new JsonArray();
        for (var i = 0; i < table.Rules.Count; i++)
        {
            var row = table.Rules[i];
            if (!_expressions.IsTrue($"{rule.Id}/{tableKey}/rule-{i + 1}", row.When, Variables, locals))
            {
                continue;
            }

            if (table.HitPolicy == Tables.HitPolicy.First)
            {
                Journal("rule-matched", rule.Id, null, new JsonObject { ["table"] = tableKey, ["rule"] = i + 1 });
                return row.Output?.DeepClone();
            }

            hits.Add(row.Output?.DeepClone());
        }

        Journal("rule-matched", rule.Id, null, new JsonObject { ["table"] = tableKey, ["hits"] = hits.Count });
        return table.HitPolicy == Tables.HitPolicy.First ? null : hits;
    }
}
