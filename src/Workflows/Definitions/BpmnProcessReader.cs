using System.Diagnostics;
using System.Xml.Linq;
using Qadam.Workflows.Definitions.Model;

namespace Qadam.Workflows.Definitions;

/// <summary>
/// Reads one bpmn:process into a linked <see cref="ProcessModel"/>. Problems of reading (refused
/// element types, broken references, unknown qadam attributes) are collected here; the rules on the
/// linked graph are <see cref="DefinitionValidator"/>'s. A refused element becomes an
/// <see cref="UnsupportedNode"/> so the graph around it stays whole.
/// </summary>
internal sealed class BpmnProcessReader(
    IReadOnlyDictionary<string, XElement> messages,
    IReadOnlyDictionary<string, XElement> errors,
    List<DefinitionProblem> problems)
{
    private static readonly XNamespace Bpmn = BpmnSubset.Ns;
    private static readonly XNamespace Qadam = QadamNamespace.Uri;

    private static readonly (TimerKind Kind, string Element)[] TimerElements =
        [(TimerKind.Date, "timeDate"), (TimerKind.Duration, "timeDuration"), (TimerKind.Cycle, "timeCycle")];

    private readonly Dictionary<string, FlowElement> _elements = new(StringComparer.Ordinal);
    private readonly HashSet<XElement> _refused = [];
    private readonly List<(XElement Xml, FlowScope Scope)> _flows = [];
    private readonly List<(XElement Xml, FlowNode Node)> _attached = [];
    private readonly List<(XElement Xml, FlowNode Gateway)> _defaults = [];
    private string _processId = "";

    /// <summary>The file's bpmn:signal elements by id.</summary>
    public IReadOnlyDictionary<string, XElement> Signals { get; init; } = new Dictionary<string, XElement>();

    /// <summary>The file's bpmn:escalation elements by id.</summary>
    public IReadOnlyDictionary<string, XElement> Escalations { get; init; } = new Dictionary<string, XElement>();

    public ProcessModel Read(XElement process, string processId)
    {
        _processId = processId;
        var root = new FlowScope(null);
        ReadContainer(process, root, processId);
        foreach (var (xml, scope) in _flows)
        {
            LinkFlow(xml, scope);
        }

        foreach (var (xml, node) in _attached)
        {
            Attach(xml, node);
        }

        foreach (var (xml, gateway) in _defaults)
        {
            SetDefault(xml, gateway);
        }

        LinkCompensationHandlers(process);

        var model = new ProcessModel(processId, process.Attribute("name")?.Value, root, _elements)
        {
            LegalBasis = ReadLegalBasis(process, processId),
        };
        CheckExtensionUse(process);
        return model;
    }

    /// <summary>
    /// Reports the refused elements inside a container without building anything: a process Qadam
    /// will not run, or a refused transaction or event sub-process, whose content is named too so
    /// that one upload lists everything to change.
    /// </summary>
    public static void ReportRefusals(XElement container, string containerId, List<DefinitionProblem> problems)
    {
        // The start of an event sub-process carries its trigger (error, escalation ...); it goes with
        // the event sub-process, already named, rather than being a second problem.
        var eventSubProcess = string.Equals(
            container.Attribute("triggeredByEvent")?.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        foreach (var child in container.Elements())
        {
            var id = BpmnParser.IdOf(child) ?? containerId;
            if (eventSubProcess && child.Name == Bpmn + "startEvent")
            {
                continue;
            }

            if (BpmnSubset.Refusal(child) is { } refusal)
            {
                problems.Add(new DefinitionProblem(id, refusal) { Code = "element.unsupported" });
            }

            if (BpmnSubset.IsContainer(child))
            {
                ReportRefusals(child, id, problems);
            }
        }
    }

    private void ReadContainer(XElement container, FlowScope scope, string containerId)
    {
        foreach (var child in container.Elements())
        {
            if (child.Name.Namespace != Bpmn || BpmnSubset.IsDiagramOnly(child.Name.LocalName))
            {
                // Other namespaces (a modeler's own extensions) carry nothing the engine runs.
                continue;
            }

            if (child.Name.LocalName == "sequenceFlow")
            {
                _flows.Add((child, scope));
                continue;
            }

            ReadNode(child, scope, containerId);
        }
    }

    private void ReadNode(XElement xml, FlowScope scope, string containerId)
    {
        var kind = xml.Name.LocalName;
        var id = BpmnParser.IdOf(xml);
        if (id is null)
        {
            problems.Add(new DefinitionProblem(containerId, $"a {kind} inside has no id: every element needs one"));
            _refused.Add(xml);
            return;
        }

        if (_elements.ContainsKey(id))
        {
            // A duplicate id, already reported for the whole file; the first element keeps it.
            _refused.Add(xml);
            return;
        }

        var name = xml.Attribute("name")?.Value;
        if (BpmnSubset.Refusal(xml) is { } refusal)
        {
            problems.Add(new DefinitionProblem(id, refusal) { Code = "element.unsupported" });
            _refused.Add(xml);
            var placeholder = new UnsupportedNode(id, name, kind);
            Add(placeholder, scope);
            if (BpmnSubset.IsContainer(xml))
            {
                ReportRefusals(xml, id, problems);
            }

            if (kind == "boundaryEvent")
            {
                _attached.Add((xml, placeholder));
            }

            return;
        }

        var extension = ReadExtension(xml, id);
        FlowNode node = kind switch
        {
            "startEvent" => new StartEvent(id, name, extension, ReadTrigger(xml, id))
            {
                IsInterrupting = !string.Equals(xml.Attribute("isInterrupting")?.Value.Trim(), "false", StringComparison.OrdinalIgnoreCase),
            },
            "endEvent" => new EndEvent(id, name, extension, ReadTrigger(xml, id)),
            "intermediateCatchEvent" => new IntermediateCatchEvent(id, name, extension, ReadTrigger(xml, id)),
            "intermediateThrowEvent" => new IntermediateThrowEvent(id, name, extension, ReadTrigger(xml, id)),
            "sendTask" => new SendTask(id, name, extension, ReadMessage(xml, id)),
            "receiveTask" => new ReceiveTask(id, name, extension, ReadMessage(xml, id)),
            "eventBasedGateway" => new EventBasedGateway(id, name, extension),
            "boundaryEvent" => ReadBoundary(xml, id, name, extension),
            "userTask" => new UserTask(id, name, extension, null),
            "task" or "manualTask" => new PassThroughTask(id, name, extension, kind),
            "scriptTask" => ReadScriptTask(xml, id, name, extension),
            "serviceTask" => new ServiceTask(id, name, extension, QadamVocabulary.Read(xml, QadamVocabulary.Activity) ?? ""),
            "businessRuleTask" => new BusinessRuleTask(
                id,
                name,
                extension,
                QadamVocabulary.Read(xml, QadamVocabulary.Table) ?? "",
                QadamVocabulary.Read(xml, QadamVocabulary.ResultVariable) ?? "",
                QadamVocabulary.Read(xml, QadamVocabulary.TableDate)),
            "subProcess" => new SubProcess(id, name, extension)
            {
                TriggeredByEvent = string.Equals(xml.Attribute("triggeredByEvent")?.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase),
            },
            "callActivity" => new CallActivity(id, name, extension, xml.Attribute("calledElement")?.Value.Trim() ?? "", ReadOutputs(xml)),
            "exclusiveGateway" => new ExclusiveGateway(id, name, extension),
            "parallelGateway" => new ParallelGateway(id, name, extension),
            "inclusiveGateway" => new InclusiveGateway(id, name, extension),

            // BpmnSubset.Refusal has refused every other kind above.
            _ => throw new UnreachableException($"{kind} passed BpmnSubset but has no model type."),
        };
        node.IsForCompensation = string.Equals(xml.Attribute("isForCompensation")?.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        node.MultiInstance = ReadMultiInstance(xml, id);
        Add(node, scope);

        if (!string.IsNullOrWhiteSpace(xml.Attribute("default")?.Value))
        {
            _defaults.Add((xml, node));
        }

        if (node is SubProcess subProcess)
        {
            ReadContainer(xml, subProcess.Inner, id);
        }
    }

    private void Add(FlowNode node, FlowScope scope)
    {
        node.Scope = scope;
        scope.Nodes.Add(node);
        _elements[node.Id] = node;
    }

    /// <summary>
    /// A script task as Camunda 7 reads it (scriptFormat, an inline bpmn:script, camunda:resultVariable); only JavaScript runs,
    /// in the expression sandbox. A script kept in a resource outside the file (camunda:resource) cannot be checked at upload.
    /// </summary>
    private ScriptTask ReadScriptTask(XElement xml, string id, string? name, QadamAttributes extension)
    {
        var format = Trimmed(xml.Attribute("scriptFormat"));
        var script = xml.Element(Bpmn + "script")?.Value.Trim() ?? "";
        if (EngineAttribute(xml, "resource") is not null)
        {
            problems.Add(new DefinitionProblem(id, "the script is in an external resource (camunda:resource): write it in the task's script"));
        }

        if (format is null)
        {
            problems.Add(DefinitionProblem.Incomplete(id, "script.no-format", "the scriptTask has no scriptFormat: write javascript"));
        }
        else if (!IsJavaScript(format))
        {
            problems.Add(new DefinitionProblem(
                id, $"the scriptTask is in {DefinitionProblem.Quote(format)}: scripts run in JavaScript only (scriptFormat javascript)"));
        }

        if (script.Length == 0)
        {
            problems.Add(DefinitionProblem.Incomplete(id, "script.no-script", "the scriptTask has no script: write it in its bpmn:script"));
        }
        else if (ExpressionSyntax.CheckScript(script) is { } error)
        {
            problems.Add(new DefinitionProblem(id, $"the script {error}"));
        }

        return new ScriptTask(id, name, extension, script,
            QadamVocabulary.Read(xml, QadamVocabulary.ResultVariable) ?? EngineAttribute(xml, "resultVariable"));
    }

    private BoundaryEvent ReadBoundary(XElement xml, string id, string? name, QadamAttributes extension)
    {
        var trigger = ReadTrigger(xml, id);
        var cancel = !string.Equals(xml.Attribute("cancelActivity")?.Value.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        if (trigger is ErrorTrigger && !cancel)
        {
            problems.Add(new DefinitionProblem(
                id,
                "an error boundary event always interrupts its activity: remove cancelActivity=\"false\""));
        }

        var boundary = new BoundaryEvent(id, name, extension, trigger, cancel);
        _attached.Add((xml, boundary));
        return boundary;
    }

    private EventTrigger ReadTrigger(XElement xml, string id)
    {
        // BpmnSubset has refused every event with more than one definition, or one of the wrong kind.
        var definition = xml.Elements().FirstOrDefault(e =>
            e.Name.Namespace == Bpmn && e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal));
        return definition?.Name.LocalName switch
        {
            "messageEventDefinition" => ReadMessage(definition, id),
            "timerEventDefinition" => ReadTimer(definition, id),
            "errorEventDefinition" => new ErrorTrigger(ReadErrorCode(definition, id)),
            "terminateEventDefinition" => TerminateTrigger.Instance,
            "signalEventDefinition" => ReadSignal(definition, id),
            "escalationEventDefinition" => new EscalationTrigger(ReadEscalationCode(definition, id)),
            "conditionalEventDefinition" => new ConditionalTrigger(ReadEventCondition(definition, id)),
            "linkEventDefinition" => new LinkTrigger(definition.Attribute("name")?.Value.Trim() ?? ""),
            "compensateEventDefinition" => new CompensateTrigger(Trimmed(definition.Attribute("activityRef"))),
            _ => NoneTrigger.Instance,
        };
    }

    private MessageTrigger ReadMessage(XElement definition, string id)
    {
        var messageRef = definition.Attribute("messageRef")?.Value.Trim();
        var key = ExpressionSyntax.Normalize(QadamVocabulary.Read(definition, QadamVocabulary.CorrelationKey));
        if (string.IsNullOrEmpty(messageRef))
        {
            var what = definition.Name.LocalName == "messageEventDefinition" ? "message event" : definition.Name.LocalName;
            problems.Add(DefinitionProblem.Incomplete(
                id, "message.no-ref", $"the {what} names no message: set messageRef to a bpmn:message"));
            return new MessageTrigger("", key);
        }

        if (!messages.TryGetValue(messageRef, out var message))
        {
            problems.Add(new DefinitionProblem(id, $"messageRef {DefinitionProblem.Quote(messageRef)} names no bpmn:message of this file"));
            return new MessageTrigger("", key);
        }

        var name = message.Attribute("name")?.Value.Trim();
        if (string.IsNullOrEmpty(name))
        {
            problems.Add(DefinitionProblem.Incomplete(
                messageRef, "message.no-name", "the message has no name: the name is what a sender correlates on"));
        }

        key ??= ExpressionSyntax.Normalize(QadamVocabulary.Read(message, QadamVocabulary.CorrelationKey));
        return new MessageTrigger(name ?? "", key) { Payload = ReadPayload(definition) };
    }

    private static List<string>? ReadPayload(XElement xml)
    {
        var raw = xml.Attribute(Qadam + QadamVocabulary.Payload)?.Value;
        return raw is null ? null : SplitList(raw);
    }

    private SignalTrigger ReadSignal(XElement definition, string id)
    {
        var scope = ExpressionSyntax.Normalize(QadamVocabulary.Read(definition, QadamVocabulary.CorrelationKey));
        var signalRef = definition.Attribute("signalRef")?.Value.Trim();
        string? name = null;
        if (string.IsNullOrEmpty(signalRef))
        {
            problems.Add(DefinitionProblem.Incomplete(
                id, "signal.no-ref", "the signal event names no signal: set signalRef to a bpmn:signal"));
        }
        else if (!Signals.TryGetValue(signalRef, out var signal))
        {
            problems.Add(new DefinitionProblem(id, $"signalRef {DefinitionProblem.Quote(signalRef)} names no bpmn:signal of this file"));
        }
        else
        {
            name = signal.Attribute("name")?.Value.Trim();
            if (string.IsNullOrEmpty(name))
            {
                problems.Add(DefinitionProblem.Incomplete(
                    signalRef, "signal.no-name", "the signal has no name: the name is what a broadcast reaches"));
            }
        }

        return new SignalTrigger(name ?? "", scope) { Payload = ReadPayload(definition) };
    }

    private string? ReadEscalationCode(XElement definition, string id)
    {
        var escalationRef = definition.Attribute("escalationRef")?.Value.Trim();
        if (string.IsNullOrEmpty(escalationRef))
        {
            // As for errors: a catch without a reference catches every escalation.
            return null;
        }

        if (!Escalations.TryGetValue(escalationRef, out var escalation))
        {
            problems.Add(new DefinitionProblem(
                id, $"escalationRef {DefinitionProblem.Quote(escalationRef)} names no bpmn:escalation of this file"));
            return null;
        }

        return Trimmed(escalation.Attribute("escalationCode"));
    }

    private string ReadEventCondition(XElement definition, string id)
    {
        if (definition.Element(Bpmn + "condition") is not { } condition)
        {
            return "";
        }

        var language = condition.Attribute("language")?.Value.Trim();
        if (!string.IsNullOrEmpty(language) && !IsJavaScript(language))
        {
            problems.Add(new DefinitionProblem(
                id, $"the condition is in {DefinitionProblem.Quote(language)}: conditions are JavaScript expressions"));
        }

        return ExpressionSyntax.Normalize(condition.Value) ?? "";
    }

    /// <summary>
    /// A compensation boundary leads to its handler by an association, not a sequence flow (BPMN 2.0, 10.7.2): the handler is
    /// the activity marked isForCompensation at the other end.
    /// </summary>
    private void LinkCompensationHandlers(XElement process)
    {
        foreach (var association in process.Descendants(Bpmn + "association"))
        {
            var source = association.Attribute("sourceRef")?.Value.Trim();
            var target = association.Attribute("targetRef")?.Value.Trim();
            if (source is null || target is null
                || !_elements.TryGetValue(source, out var from) || from is not BoundaryEvent { Trigger: CompensateTrigger } boundary)
            {
                continue;
            }

            if (!_elements.TryGetValue(target, out var to) || to is not FlowNode handler || !handler.IsForCompensation)
            {
                problems.Add(new DefinitionProblem(
                    boundary.Id,
                    $"the compensation boundary is associated with {DefinitionProblem.Quote(target)}, "
                    + "which is not an activity marked isForCompensation=\"true\""));
                continue;
            }

            boundary.CompensationHandler = handler;
        }
    }

    private TimerTrigger ReadTimer(XElement definition, string id)
    {
        var values = new List<(TimerKind Kind, string Text)>();
        foreach (var (kind, element) in TimerElements)
        {
            var text = definition.Element(Bpmn + element)?.Value;
            if (!string.IsNullOrWhiteSpace(text))
            {
                values.Add((kind, text));
            }
        }

        if (values.Count > 1)
        {
            problems.Add(new DefinitionProblem(id, "the timer has more than one of timeDate, timeDuration and timeCycle: keep one"));
        }

        // An empty timer reads as an empty duration; the validator names what is missing.
        return values.Count == 0
            ? new TimerTrigger(TimerKind.Duration, "")
            : new TimerTrigger(values[0].Kind, ExpressionSyntax.NormalizeLiteralOrExpression(values[0].Text) ?? "");
    }

    private string? ReadErrorCode(XElement definition, string id)
    {
        var errorRef = definition.Attribute("errorRef")?.Value.Trim();
        if (string.IsNullOrEmpty(errorRef))
        {
            // No error named: a boundary catches every error; an end event throws one without a code.
            return null;
        }

        if (!errors.TryGetValue(errorRef, out var error))
        {
            problems.Add(new DefinitionProblem(id, $"errorRef {DefinitionProblem.Quote(errorRef)} names no bpmn:error of this file"));
            return null;
        }

        var code = error.Attribute("errorCode")?.Value.Trim();
        return string.IsNullOrEmpty(code) ? null : code;
    }

    /// <summary>The namespaces of other engines whose multi-instance attributes mean what ours do.</summary>
    private static readonly XNamespace[] EngineNamespaces =
        ["http://camunda.org/schema/1.0/bpmn", "http://flowable.org/bpmn", "http://activiti.org/bpmn"];

    private static readonly XNamespace Zeebe = "http://camunda.org/schema/zeebe/1.0";

    /// <summary>
    /// Multi-instance characteristics as Qadam, Camunda 7, Flowable and Activiti write them (collection, elementVariable),
    /// as Camunda 8 writes them (zeebe:loopCharacteristics inputCollection, inputElement), or in standard BPMN
    /// (loopDataInputRef naming a data input or property whose name is the collection variable, inputDataItem naming
    /// the element variable). qadam attributes win when both are present.
    /// </summary>
    private MultiInstance? ReadMultiInstance(XElement xml, string id)
    {
        if (xml.Element(Bpmn + "multiInstanceLoopCharacteristics") is not { } loop)
        {
            return null;
        }

        var zeebe = loop.Element(Bpmn + "extensionElements")?.Element(Zeebe + "loopCharacteristics");
        var collection = QadamVocabulary.Read(loop, QadamVocabulary.Collection)
                         ?? EngineAttribute(loop, "collection")
                         ?? Trimmed(zeebe?.Attribute("inputCollection"))
                         ?? StandardCollection(loop);
        var element = QadamVocabulary.Read(loop, QadamVocabulary.ElementVariable)
                      ?? EngineAttribute(loop, "elementVariable")
                      ?? Trimmed(zeebe?.Attribute("inputElement"))
                      ?? Trimmed(loop.Element(Bpmn + "inputDataItem")?.Attribute("name"))
                      ?? BpmnParser.IdOf(loop.Element(Bpmn + "inputDataItem") ?? loop);
        foreach (var expression in new[] { loop.Element(Bpmn + "loopCardinality"), loop.Element(Bpmn + "completionCondition") })
        {
            if (expression is not null)
            {
                CheckLanguage(expression, id, $"{expression.Name.LocalName}");
            }
        }

        return new MultiInstance
        {
            IsSequential = string.Equals(loop.Attribute("isSequential")?.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase),
            Collection = ExpressionSyntax.Normalize(collection),
            Cardinality = ExpressionSyntax.Normalize(loop.Element(Bpmn + "loopCardinality")?.Value),
            ElementVariable = loop.Element(Bpmn + "inputDataItem") is null && QadamVocabulary.Read(loop, QadamVocabulary.ElementVariable) is null
                              && EngineAttribute(loop, "elementVariable") is null && zeebe?.Attribute("inputElement") is null
                ? "item"
                : element ?? "item",
            CompletionCondition = ExpressionSyntax.Normalize(loop.Element(Bpmn + "completionCondition")?.Value),
            OutputCollection = QadamVocabulary.Read(loop, QadamVocabulary.OutputCollection),
        };
    }

    private static string? EngineAttribute(XElement loop, string name) =>
        EngineNamespaces.Select(ns => Trimmed(loop.Attribute(ns + name))).FirstOrDefault(v => v is not null);

    /// <summary>The variable a standard loopDataInputRef names: the name of the data input or property it refers to, else the reference.</summary>
    private static string? StandardCollection(XElement loop)
    {
        var reference = loop.Element(Bpmn + "loopDataInputRef")?.Value.Trim();
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var referenced = loop.AncestorsAndSelf().Last().Descendants().FirstOrDefault(e => BpmnParser.IdOf(e) == reference);
        return Trimmed(referenced?.Attribute("name")) ?? reference;
    }

    private static List<string>? ReadOutputs(XElement xml)
    {
        // Absent copies every variable back; present but empty copies none.
        var raw = xml.Attribute(Qadam + QadamVocabulary.Outputs)?.Value;
        return raw is null ? null : SplitList(raw);
    }

    private QadamAttributes ReadExtension(XElement xml, string id) => new()
    {
        CandidateRoles = SplitList(QadamVocabulary.Read(xml, QadamVocabulary.CandidateRoles)),
        OrganisationScope = QadamVocabulary.Read(xml, QadamVocabulary.OrganisationScope),
        Assignee = QadamVocabulary.Read(xml, QadamVocabulary.Assignee),
        FormKey = QadamVocabulary.Read(xml, QadamVocabulary.FormKey),
        TemplateKey = QadamVocabulary.Read(xml, QadamVocabulary.TemplateKey),
        Signs = SplitList(QadamVocabulary.Read(xml, QadamVocabulary.Signs)),
        Deadline = ExpressionSyntax.NormalizeLiteralOrExpression(QadamVocabulary.Read(xml, QadamVocabulary.Deadline)),
        LabelKk = QadamVocabulary.Read(xml, QadamVocabulary.LabelKk),
        LabelRu = QadamVocabulary.Read(xml, QadamVocabulary.LabelRu),
        LegalBasis = ReadLegalBasis(xml, id),
    };

    private LegalBasis? ReadLegalBasis(XElement xml, string id)
    {
        var citations = xml.Elements(Bpmn + "extensionElements").Elements(Qadam + QadamVocabulary.LegalBasisElement).ToList();
        if (citations.Count == 0)
        {
            return null;
        }

        if (citations.Count > 1)
        {
            problems.Add(new DefinitionProblem(id, "more than one qadam:legalBasis: cite the one paragraph this step carries out"));
        }

        var citation = citations[0];
        foreach (var attribute in citation.Attributes().Where(a => !a.IsNamespaceDeclaration))
        {
            if (attribute.Name.Namespace != XNamespace.None
                || !QadamVocabulary.LegalBasisAttributes.Contains(attribute.Name.LocalName, StringComparer.Ordinal))
            {
                problems.Add(new DefinitionProblem(
                    id,
                    $"qadam:legalBasis has no attribute {DefinitionProblem.Quote(attribute.Name.LocalName)} (act, edition, paragraph)"));
            }
        }

        var act = Trimmed(citation.Attribute(QadamVocabulary.Act));
        if (act is null)
        {
            problems.Add(new DefinitionProblem(id, "qadam:legalBasis needs act: the legal act this step carries out"));
            return null;
        }

        return new LegalBasis(
            act,
            Trimmed(citation.Attribute(QadamVocabulary.Edition)),
            Trimmed(citation.Attribute(QadamVocabulary.Paragraph)));
    }

    private void LinkFlow(XElement xml, FlowScope scope)
    {
        var id = BpmnParser.IdOf(xml);
        var scopeId = scope.Owner?.Id ?? _processId;
        if (id is null)
        {
            problems.Add(new DefinitionProblem(scopeId, "a sequenceFlow inside has no id: every element needs one"));
            return;
        }

        if (_elements.ContainsKey(id))
        {
            return;
        }

        var source = Endpoint(xml, id, "sourceRef");
        var target = Endpoint(xml, id, "targetRef");
        if (source is null || target is null)
        {
            return;
        }

        if (source.Scope != scope || target.Scope != scope)
        {
            problems.Add(new DefinitionProblem(id, $"the flow from {source.Id} to {target.Id} crosses a sub-process boundary: "
                                                   + "a sequence flow stays inside one process or sub-process"));
            return;
        }

        var flow = new SequenceFlow(id, xml.Attribute("name")?.Value, source, target, ReadCondition(xml, id)) { Scope = scope };
        scope.Flows.Add(flow);
        source.Outgoing.Add(flow);
        target.Incoming.Add(flow);
        _elements[id] = flow;
    }

    private FlowNode? Endpoint(XElement xml, string id, string attribute)
    {
        var reference = xml.Attribute(attribute)?.Value.Trim();
        if (string.IsNullOrEmpty(reference))
        {
            problems.Add(DefinitionProblem.Incomplete(
                id, "flow." + (attribute == "sourceRef" ? "no-source" : "no-target"), $"the sequence flow has no {attribute}"));
            return null;
        }

        if (_elements.TryGetValue(reference, out var element) && element is FlowNode node)
        {
            return node;
        }

        problems.Add(new DefinitionProblem(id, $"{attribute} {DefinitionProblem.Quote(reference)} names no flow node of this process"));
        return null;
    }

    private string? ReadCondition(XElement xml, string id)
    {
        if (xml.Element(Bpmn + "conditionExpression") is not { } condition)
        {
            return null;
        }

        var language = condition.Attribute("language")?.Value.Trim();
        CheckLanguage(condition, id, "the condition");

        return ExpressionSyntax.Normalize(condition.Value);
    }

    /// <summary>
    /// An expression in another language than JavaScript cannot run here: FEEL (Camunda 8, DMN) and XPath (the BPMN 2.0
    /// default) are named as such, so the modeler knows what to rewrite.
    /// </summary>
    private void CheckLanguage(XElement expression, string id, string what)
    {
        var language = expression.Attribute("language")?.Value.Trim();
        if (string.IsNullOrEmpty(language) || IsJavaScript(language))
        {
            return;
        }

        var named = language.Contains("feel", StringComparison.OrdinalIgnoreCase) ? "FEEL"
            : language.Contains("xpath", StringComparison.OrdinalIgnoreCase) ? "XPath"
            : DefinitionProblem.Quote(language);
        problems.Add(new DefinitionProblem(id,
            $"{what} is in {named} (language={DefinitionProblem.Quote(language)}), which Qadam does not run: "
            + "write it as a JavaScript expression and remove the language attribute"));
    }

    private static bool IsJavaScript(string language) =>
        language.ToLowerInvariant() is "javascript" or "js" or "ecmascript" or "text/javascript" or "application/javascript";

    private void Attach(XElement xml, FlowNode boundary)
    {
        var reference = xml.Attribute("attachedToRef")?.Value.Trim();
        if (string.IsNullOrEmpty(reference))
        {
            problems.Add(new DefinitionProblem(boundary.Id, "the boundary event has no attachedToRef: attach it to an activity"));
            return;
        }

        if (!_elements.TryGetValue(reference, out var element) || element is not FlowNode activity)
        {
            problems.Add(new DefinitionProblem(
                boundary.Id,
                $"attachedToRef {DefinitionProblem.Quote(reference)} names no activity of this process"));
            return;
        }

        if (activity.Scope != boundary.Scope)
        {
            problems.Add(new DefinitionProblem(
                boundary.Id,
                $"the boundary event sits in another scope than {reference}, the activity it is attached to"));
            return;
        }

        if (activity is not (UserTask or ServiceTask or BusinessRuleTask or SubProcess or CallActivity or SendTask or ReceiveTask
            or PassThroughTask or ScriptTask or UnsupportedNode))
        {
            problems.Add(new DefinitionProblem(
                boundary.Id,
                $"it is attached to {activity.Kind} {reference}: boundary events attach to tasks, sub-processes and call activities"));
            return;
        }

        switch (boundary)
        {
            case BoundaryEvent supported:
                supported.AttachedTo = activity;
                activity.Boundaries.Add(supported);
                break;
            case UnsupportedNode refused:
                refused.AttachedTo = activity;
                break;
        }
    }

    private void SetDefault(XElement xml, FlowNode node)
    {
        var reference = xml.Attribute("default")!.Value.Trim();
        if (node is not (ExclusiveGateway or InclusiveGateway))
        {
            problems.Add(new DefinitionProblem(
                node.Id,
                $"{node.Kind} names a default flow: default flows are honoured on exclusive and inclusive gateways only"));
            return;
        }

        if (!_elements.TryGetValue(reference, out var element) || element is not SequenceFlow flow || flow.Source != node)
        {
            problems.Add(new DefinitionProblem(
                node.Id,
                $"the default flow {DefinitionProblem.Quote(reference)} is not a sequence flow leaving this gateway"));
            return;
        }

        flow.IsDefault = true;
        switch (node)
        {
            case ExclusiveGateway exclusive:
                exclusive.Default = flow;
                break;
            case InclusiveGateway inclusive:
                inclusive.Default = flow;
                break;
        }
    }

    /// <summary>Refuses qadam attributes and elements where the descriptor does not declare them.</summary>
    private void CheckExtensionUse(XElement process)
    {
        var scanned = process.DescendantsAndSelf()
            .Where(e => !e.AncestorsAndSelf().Any(_refused.Contains))
            .Concat(messages.Values);
        foreach (var element in scanned)
        {
            if (element.Name.Namespace == Qadam)
            {
                var owner = element.Parent?.Parent;
                var allowed = element.Name.LocalName == QadamVocabulary.LegalBasisElement
                              && element.Parent?.Name == Bpmn + "extensionElements"
                              && owner?.Name.Namespace == Bpmn
                              && QadamVocabulary.AllowsLegalBasis(owner.Name.LocalName);
                if (!allowed)
                {
                    problems.Add(new DefinitionProblem(
                        NearestId(element),
                        $"qadam:{element.Name.LocalName} is not allowed here (see qadam.moddle.json)"));
                }

                continue;
            }

            foreach (var attribute in element.Attributes().Where(a => a.Name.Namespace == Qadam))
            {
                if (element.Name.Namespace != Bpmn || !QadamVocabulary.Allows(element.Name.LocalName, attribute.Name.LocalName))
                {
                    problems.Add(new DefinitionProblem(
                        NearestId(element),
                        $"qadam:{attribute.Name.LocalName} is not an attribute of {element.Name.LocalName} (see qadam.moddle.json)"));
                }
            }
        }
    }

    private static string NearestId(XElement element) =>
        element.AncestorsAndSelf().Select(BpmnParser.IdOf).FirstOrDefault(id => id is not null) ?? "definitions";

    private static List<string> SplitList(string? value) =>
        value is null ? [] : [.. value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private static string? Trimmed(XAttribute? attribute)
    {
        var value = attribute?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
