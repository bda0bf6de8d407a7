using System.Text.RegularExpressions;
using Qadam.Workflows.Definitions.Model;

namespace Qadam.Workflows.Definitions;

/// <summary>
/// The rules a linked process must meet before it may run: the shape of the graph (starts, ends,
/// outgoing flows, gateway conditions and defaults, reachability), the syntax of every expression
/// and timer, the attributes each step needs, and, with a <see cref="DefinitionCatalog"/>, that every
/// activity, form, template, table and called definition it names exists. <see cref="BpmnParser"/>
/// runs it; call it again with a fuller catalog, e.g. before publishing.
/// </summary>
public static partial class DefinitionValidator
{
    /// <summary>Every problem of <paramref name="model"/>, each naming the element to fix; empty when it may run.</summary>
    /// <param name="model">A process as the parser linked it.</param>
    /// <param name="catalog">Names the references may use; null, or a null set in it, checks none of that kind.</param>
    public static IReadOnlyList<DefinitionProblem> Validate(ProcessModel model, DefinitionCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var problems = new List<DefinitionProblem>();
        ValidateScope(model.Root, model.Id, problems, catalog ?? DefinitionCatalog.None);
        if (catalog?.TemplateKeys is not null)
        {
            CheckSignedDocumentsAreRendered(model, problems);
        }

        return problems;
    }

    // A signing step can only be done when some step of the same process renders what it signs; checked, like the
    // template references themselves, when the catalog names the templates.
    private static void CheckSignedDocumentsAreRendered(ProcessModel model, List<DefinitionProblem> problems)
    {
        var rendered = model.Nodes.OfType<ServiceTask>().Select(t => t.Extension.TemplateKey).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var task in model.Nodes.OfType<UserTask>())
        {
            foreach (var key in task.Extension.Signs.Where(k => !rendered.Contains(k)))
            {
                problems.Add(new DefinitionProblem(
                    task.Id, $"qadam:signs names {DefinitionProblem.Quote(key)} but no service task renders it (qadam:templateKey)"));
            }
        }
    }

    private static void ValidateScope(FlowScope scope, string scopeId, List<DefinitionProblem> problems, DefinitionCatalog catalog)
    {
        var hasStart = CheckStarts(scope, scopeId, problems);
        foreach (var node in scope.Nodes)
        {
            if (node is UnsupportedNode)
            {
                // Refused already, with its reason; anything more about it would be noise.
                continue;
            }

            CheckFlows(node, problems);
            CheckAttributes(node, problems, catalog);
            CheckTrigger(node, problems);
            CheckEventNode(node, problems);
            if (node is SubProcess subProcess)
            {
                ValidateScope(subProcess.Inner, subProcess.Id, problems, catalog);
            }
        }

        foreach (var flow in scope.Flows)
        {
            CheckCondition(flow, problems);
        }

        CheckLinks(scope, problems);

        if (hasStart)
        {
            CheckReachable(scope, problems);
        }
    }

    private static bool CheckStarts(FlowScope scope, string scopeId, List<DefinitionProblem> problems)
    {
        var starts = scope.Nodes.OfType<StartEvent>().ToList();
        var noneStarts = starts.Where(s => s.Trigger is NoneTrigger).ToList();
        if (scope.Owner is { TriggeredByEvent: true })
        {
            return CheckEventSubProcessStart(scope.Owner, starts, problems);
        }

        foreach (var inner in starts.Where(s => s.Trigger is ErrorTrigger or EscalationTrigger or ConditionalTrigger))
        {
            problems.Add(new DefinitionProblem(
                inner.Id,
                $"the {TriggerName(inner.Trigger)} start event belongs in an event sub-process (subProcess triggeredByEvent=\"true\"), not in "
                + (scope.Owner is null ? "the process" : "a sub-process")));
        }

        if (scope.Owner is null)
        {
            if (starts.Count == 0 && !scope.Nodes.Any(n => n is UnsupportedNode { Kind: "startEvent" }))
            {
                problems.Add(new DefinitionProblem(scopeId, "the process has no start event"));
            }

            foreach (var extra in noneStarts.Skip(1))
            {
                problems.Add(new DefinitionProblem(extra.Id, $"a second none start event (the first is {noneStarts[0].Id}): "
                                                             + "a case starts at one; other ways in are message or timer start events"));
            }

            return starts.Count > 0;
        }

        foreach (var triggered in starts.Where(s => s.Trigger is MessageTrigger or TimerTrigger or SignalTrigger))
        {
            problems.Add(new DefinitionProblem(
                triggered.Id,
                "a start event inside a sub-process must be a none start event (no message or timer)"));
        }

        if (noneStarts.Count != 1)
        {
            problems.Add(DefinitionProblem.Incomplete(
                scopeId,
                "subprocess.start-count",
                noneStarts.Count == 0
                    ? "the sub-process has no none start event: it needs exactly one, where it begins"
                    : $"the sub-process has {noneStarts.Count} none start events ({string.Join(", ", noneStarts.Select(s => s.Id))}): "
                      + "it needs exactly one"));
        }

        return starts.Count > 0;
    }

    private static void CheckFlows(FlowNode node, List<DefinitionProblem> problems)
    {
        switch (node)
        {
            case StartEvent when node.Incoming.Count > 0:
                problems.Add(new DefinitionProblem(node.Id, $"the start event has incoming flow ({FlowIds(node.Incoming)})"));
                break;
            case BoundaryEvent when node.Incoming.Count > 0:
                problems.Add(new DefinitionProblem(
                    node.Id,
                    $"the boundary event has incoming flow ({FlowIds(node.Incoming)}): it is entered through its activity"));
                break;
        }

        if (node is EndEvent)
        {
            if (node.Outgoing.Count > 0)
            {
                problems.Add(new DefinitionProblem(node.Id, $"the end event has outgoing flow ({FlowIds(node.Outgoing)})"));
            }

            return;
        }

        if (IsOutsideTheFlow(node))
        {
            // Started by an event, run for compensation, or left by its link: sequence flows never enter or leave it.
            if (node is not IntermediateThrowEvent && node.Incoming.Count + node.Outgoing.Count > 0)
            {
                problems.Add(new DefinitionProblem(
                    node.Id,
                    $"the {Describe(node)} has sequence flows ({FlowIds(node.Incoming.Concat(node.Outgoing))}): nothing flows into or out of it"));
            }
            else if (node is IntermediateThrowEvent && node.Outgoing.Count > 0)
            {
                problems.Add(new DefinitionProblem(
                    node.Id, $"the link throw event has outgoing flow ({FlowIds(node.Outgoing)}): it continues at its link catch event"));
            }

            return;
        }

        // An activity or event without outgoing flow ends its path there (an implicit end, BPMN 2.0 10.5.3, as Camunda 7
        // runs it); a gateway without one is a drawing not finished.
        if (node.Outgoing.Count == 0 && node is ExclusiveGateway or ParallelGateway or InclusiveGateway or EventBasedGateway)
        {
            problems.Add(DefinitionProblem.Incomplete(node.Id, "gateway.no-outgoing", $"the {node.Kind} has no outgoing flow"));
        }

        if (node is ExclusiveGateway or InclusiveGateway && node.Outgoing.Count > 1)
        {
            foreach (var flow in node.Outgoing.Where(f => f is { IsDefault: false, Condition: null }))
            {
                // Camunda 7 takes such a flow as always true: an exclusive gateway takes the first flow, in the file's order,
                // whose condition is absent or holds; an inclusive one takes it every time. Qadam runs it so and asks for it
                // to be said before publication, since a flow drawn first silently shadows the ones after it.
                problems.Add(DefinitionProblem.Warning(
                    flow.Id,
                    node is ExclusiveGateway ? "gateway.flow-first-taken" : "gateway.flow-always-taken",
                    node is ExclusiveGateway
                        ? $"the flow leaves exclusiveGateway {node.Id} without a condition: it counts as true, and the gateway takes "
                          + "the first flow in the file's order whose condition holds; give it a condition or make it the default flow"
                        : $"the flow leaves inclusiveGateway {node.Id} without a condition: it is taken every time; "
                          + "give it a condition or make it the default flow"));
            }
        }
    }

    private static void CheckCondition(SequenceFlow flow, List<DefinitionProblem> problems)
    {
        if (flow.Condition is null || flow.Source is UnsupportedNode)
        {
            return;
        }

        if (flow.IsDefault)
        {
            problems.Add(new DefinitionProblem(
                flow.Id,
                $"the flow is the default flow of {flow.Source.Id} and has a condition: a default flow has none"));
            return;
        }

        if (flow.Source is not (ExclusiveGateway or InclusiveGateway))
        {
            problems.Add(new DefinitionProblem(
                flow.Id,
                $"the flow has a condition but leaves {flow.Source.Kind} {flow.Source.Id}: "
                + "conditions are evaluated on flows leaving exclusive and inclusive gateways only"));
            return;
        }

        CheckExpression(flow.Id, "the condition", flow.Condition, problems);
    }

    private static void CheckAttributes(FlowNode node, List<DefinitionProblem> problems, DefinitionCatalog catalog)
    {
        var extension = node.Extension;
        CheckReference(node.Id, "form", extension.FormKey, catalog.FormKeys, problems);
        CheckReference(node.Id, "document template", extension.TemplateKey, catalog.TemplateKeys, problems);
        foreach (var signed in extension.Signs)
        {
            CheckReference(node.Id, "document template", signed, catalog.TemplateKeys, problems);
        }
        if (extension.Deadline is { } deadline)
        {
            CheckLiteralOrExpression(node.Id, "qadam:deadline", deadline, TimerSyntax.CheckDeadline, problems);
        }

        if (extension.OrganisationScope is { } scope && scope.StartsWith('='))
        {
            CheckExpression(node.Id, "qadam:organisationScope", scope[1..], problems);
        }

        if (extension.Assignee is { } assignee && assignee.StartsWith('='))
        {
            CheckExpression(node.Id, "qadam:assignee", assignee[1..], problems);
        }

        if (node.MultiInstance is { } loop)
        {
            CheckMultiInstance(node, loop, problems);
            CheckLiteralCardinality(node.Id, loop, catalog, problems);
        }

        switch (node)
        {
            case UserTask:
                if (extension.CandidateRoles.Count == 0)
                {
                    problems.Add(DefinitionProblem.Warning(
                        node.Id,
                        "task.no-candidate-roles",
                        "the userTask has no qadam:candidateRoles: name the roles that may claim it"));
                }

                break;
            case ServiceTask service:
                Require(
                    node.Id,
                    service.Activity,
                    "the serviceTask has no qadam:activity: name the registered activity it runs, e.g. render-document",
                    problems);
                CheckReference(node.Id, "activity", service.Activity, catalog.Activities, problems);
                break;
            case BusinessRuleTask rule:
                Require(node.Id, rule.TableKey, "the businessRuleTask has no qadam:table: name the condition table it evaluates", problems);
                Require(
                    node.Id,
                    rule.ResultVariable,
                    "the businessRuleTask has no qadam:resultVariable: name the variable that receives the result",
                    problems);
                CheckVariableName(node.Id, "qadam:resultVariable", rule.ResultVariable, problems);
                if (rule.TableDate is { } tableDate)
                {
                    CheckLiteralOrExpression(node.Id, "qadam:tableDate", tableDate, TableDateLiteral, problems);
                }

                // "=expression" names the table per instance (a school's own district table); it is looked up when evaluated.
                if (rule.TableKey is { } tableKey && tableKey.StartsWith('='))
                {
                    CheckExpression(node.Id, "qadam:table", tableKey[1..], problems);
                }
                else
                {
                    CheckReference(node.Id, "condition table", rule.TableKey, catalog.TableKeys, problems);
                }

                break;
            case ScriptTask script:
                CheckVariableName(node.Id, "resultVariable", script.ResultVariable, problems);
                break;
            case CallActivity call:
                Require(node.Id, call.CalledElement, "the callActivity has no calledElement: name the definition key it starts", problems);
                CheckReference(node.Id, "definition", call.CalledElement, catalog.DefinitionKeys, problems);
                break;
        }
    }

    private static void CheckMultiInstance(FlowNode node, MultiInstance loop, List<DefinitionProblem> problems)
    {
        var id = node.Id;
        // A sub-process instance's own variables (its element and what its steps recorded) are what it leaves to collect.
        if (loop.OutputCollection is not null && node is not (UserTask or SubProcess))
        {
            problems.Add(new DefinitionProblem(id,
                $"qadam:outputCollection collects the form data of a multi-instance userTask or sub-process; a {node.Kind} has none to collect"));
        }

        if ((loop.Collection is null) == (loop.Cardinality is null))
        {
            problems.Add(new DefinitionProblem(
                id,
                loop.Collection is null
                    ? $"the multi-instance {node.Kind} has neither a collection (qadam:collection) nor loopCardinality: "
                      + "say how many instances to create"
                    : $"the multi-instance {node.Kind} has both a collection and loopCardinality: keep one"));
        }

        if (loop.Collection is not null)
        {
            CheckExpression(id, "qadam:collection", loop.Collection, problems);
        }

        if (loop.Cardinality is not null)
        {
            CheckExpression(id, "loopCardinality", loop.Cardinality, problems);
        }

        if (loop.CompletionCondition is not null)
        {
            CheckExpression(id, "completionCondition", loop.CompletionCondition, problems);
        }

        CheckVariableName(id, "qadam:elementVariable", loop.ElementVariable, problems);
        CheckVariableName(id, "qadam:outputCollection", loop.OutputCollection, problems);
    }

    /// <summary>
    /// A loopCardinality written as a number is checked here, at upload: a whole number from 0 to the engine's maximum
    /// (1e10 once made the API allocate 23 GB; -5 answered 500). An expression is checked when it runs.
    /// </summary>
    private static void CheckLiteralCardinality(string id, MultiInstance loop, DefinitionCatalog catalog, List<DefinitionProblem> problems)
    {
        if (loop.Cardinality is not { } text
            || !double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var count))
        {
            return;
        }

        var max = catalog.MaxMultiInstances ?? Execution.EngineLimits.Default.MaxMultiInstances;
        if (double.IsNaN(count) || double.IsInfinity(count) || count != Math.Floor(count) || count < 0)
        {
            problems.Add(new DefinitionProblem(id, $"loopCardinality {DefinitionProblem.Quote(text)} is not a whole number from 0"));
        }
        else if (count > max)
        {
            problems.Add(new DefinitionProblem(id, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"loopCardinality {DefinitionProblem.Quote(text)} asks for {count:#,0} instances; at most {max:N0} are allowed")));
        }
    }

    private static void CheckTrigger(FlowNode node, List<DefinitionProblem> problems)
    {
        var trigger = node switch
        {
            StartEvent s => s.Trigger,
            IntermediateCatchEvent c => c.Trigger,
            BoundaryEvent b => b.Trigger,
            IntermediateThrowEvent t => t.Trigger,
            EndEvent e => e.Trigger,
            SendTask send => send.Message,
            ReceiveTask receive => receive.Message,
            _ => null,
        };

        switch (trigger)
        {
            case TimerTrigger { Value.Length: 0 }:
                problems.Add(DefinitionProblem.Incomplete(
                    node.Id, "timer.no-value", "the timer has no timeDate, timeDuration or timeCycle value"));
                break;
            case TimerTrigger timer:
                if (timer.Kind == TimerKind.Cycle && node is not StartEvent)
                {
                    problems.Add(new DefinitionProblem(
                        node.Id,
                        "a timer cycle (timeCycle) repeats only on a timer start event: use timeDuration or timeDate here"));
                }

                CheckLiteralOrExpression(node.Id, "the timer", timer.Value, text => TimerSyntax.Check(timer.Kind, text), problems);
                break;
            case MessageTrigger message:
                if (message.CorrelationKey is { } key)
                {
                    CheckExpression(node.Id, "qadam:correlationKey", key, problems);
                }

                CheckPayload(node.Id, message.Payload, problems);
                break;
            case SignalTrigger signal:
                if (signal.Scope is { } scope)
                {
                    CheckExpression(node.Id, "qadam:correlationKey", scope, problems);
                }

                CheckPayload(node.Id, signal.Payload, problems);
                break;
            case ConditionalTrigger { Condition.Length: 0 }:
                problems.Add(DefinitionProblem.Incomplete(
                    node.Id, "condition.missing", "the conditional event has no condition: write one in its conditionalEventDefinition"));
                break;
            case ConditionalTrigger conditional:
                CheckExpression(node.Id, "the condition", conditional.Condition, problems);
                break;
            case LinkTrigger { LinkName.Length: 0 }:
                problems.Add(DefinitionProblem.Incomplete(
                    node.Id, "link.no-name", "the link event has no name: a throw and its catch share one"));
                break;
        }
    }

    private static void CheckReachable(FlowScope scope, List<DefinitionProblem> problems)
    {
        var linkCatches = scope.Nodes.OfType<IntermediateCatchEvent>()
            .Where(c => c.Trigger is LinkTrigger)
            .ToLookup(c => ((LinkTrigger)c.Trigger).LinkName, StringComparer.Ordinal);
        var refusedBoundaries = scope.Nodes.OfType<UnsupportedNode>()
            .Where(n => n.AttachedTo is not null)
            .ToLookup(n => n.AttachedTo!);
        var reached = new HashSet<FlowNode>();
        // A refused element with no incoming flow (a link catch event, a signal start) was meant as a
        // way in: what follows it is not reported unreachable on top of the refusal.
        // Event sub-processes and compensation handlers are begun by events, not flows.
        var pending = new Stack<FlowNode>(scope.Nodes.Where(n => n is StartEvent || n is UnsupportedNode { Incoming.Count: 0 }
                                                                 || n is SubProcess { TriggeredByEvent: true } || n.IsForCompensation));
        while (pending.TryPop(out var node))
        {
            if (!reached.Add(node))
            {
                continue;
            }

            var linked = node is IntermediateThrowEvent { Trigger: LinkTrigger link } ? linkCatches[link.LinkName] : [];
            foreach (var next in node.Outgoing.Select(f => f.Target)
                         .Concat(node.Boundaries)
                         .Concat(refusedBoundaries[node])
                         .Concat(linked))
            {
                pending.Push(next);
            }
        }

        foreach (var node in scope.Nodes.Where(n => !reached.Contains(n) && n is not UnsupportedNode))
        {
            var where = scope.Owner is null ? "the process" : $"sub-process {scope.Owner.Id}";
            // Camunda 7 deploys it and never runs it; it is left over from drawing, to be removed or connected before publication.
            problems.Add(DefinitionProblem.Warning(
                node.Id, "element.unreachable", $"the {node.Kind} cannot be reached from any start event of {where}"));
        }
    }

    private static void CheckLiteralOrExpression(
        string id, string what, string value, Func<string, string?> checkLiteral, List<DefinitionProblem> problems)
    {
        if (value.StartsWith('='))
        {
            CheckExpression(id, what, value[1..], problems);
        }
        else if (checkLiteral(value) is { } error)
        {
            problems.Add(new DefinitionProblem(id, $"{what}: {error}"));
        }
    }

    /// <summary>A literal table date is a calendar day (yyyy-MM-dd); the usual value is an expression such as <c>=today()</c>.</summary>
    private static string? TableDateLiteral(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _)
            ? null
            : "is neither a day (yyyy-MM-dd) nor an expression (=today())";

    private static void CheckExpression(string id, string what, string expression, List<DefinitionProblem> problems)
    {
        if (ExpressionSyntax.Check(expression) is { } error)
        {
            problems.Add(new DefinitionProblem(id, $"{what} {DefinitionProblem.Quote(expression)} {error}"));
        }
    }

    /// <summary>A binding a step needs before it is published (a warning: a draft from another tool is saved without it).</summary>
    private static void Require(string id, string value, string message, List<DefinitionProblem> problems)
    {
        if (value.Length == 0)
        {
            problems.Add(DefinitionProblem.Warning(id, "binding.missing", message));
        }
    }

    /// <summary>A name bound to what the host registers (a warning: a draft may name what is not there yet).</summary>
    private static void CheckReference(string id, string kind, string? name, IReadOnlySet<string>? known, List<DefinitionProblem> problems)
    {
        if (known is not null && !string.IsNullOrEmpty(name) && !known.Contains(name))
        {
            problems.Add(DefinitionProblem.Warning(id, "reference.unknown", $"there is no {kind} {DefinitionProblem.Quote(name)}"));
        }
    }

    private static void CheckVariableName(string id, string what, string? name, List<DefinitionProblem> problems)
    {
        if (!string.IsNullOrEmpty(name) && !VariableName().IsMatch(name))
        {
            problems.Add(new DefinitionProblem(
                id,
                $"{what} {DefinitionProblem.Quote(name)} is not a variable name (letters, digits, _ and $; not starting with a digit)"));
        }
    }

    private static string FlowIds(IEnumerable<SequenceFlow> flows) => string.Join(", ", flows.Select(f => f.Id));

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*$", RegexOptions.CultureInvariant)]
    private static partial Regex VariableName();
}
