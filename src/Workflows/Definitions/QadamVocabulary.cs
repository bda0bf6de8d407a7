using System.Xml.Linq;
using Qadam.Workflows.Definitions.Model;

namespace Qadam.Workflows.Definitions;

/// <summary>
/// The attributes and elements of our extension namespace that the parser reads, and on which
/// BPMN types. <c>qadam.moddle.json</c> declares the same pairs for the modeler's properties panel;
/// a test keeps the two equal, and the parser refuses any other qadam attribute so that a typo in a
/// modeler never passes silently.
/// </summary>
internal static class QadamVocabulary
{
    public const string LabelKk = "labelKk";
    public const string LabelRu = "labelRu";
    public const string CandidateRoles = "candidateRoles";
    public const string OrganisationScope = "organisationScope";
    public const string Assignee = "assignee";
    public const string FormKey = "formKey";
    public const string Deadline = "deadline";
    public const string TemplateKey = "templateKey";
    public const string Signs = "signs";
    public const string Activity = "activity";
    public const string Table = "table";
    public const string ResultVariable = "resultVariable";
    public const string TableDate = "tableDate";
    public const string Outputs = "outputs";
    public const string Collection = "collection";
    public const string ElementVariable = "elementVariable";
    public const string OutputCollection = "outputCollection";
    public const string CorrelationKey = "correlationKey";
    public const string Payload = "payload";

    /// <summary>The extension element <c>&lt;qadam:legalBasis act edition paragraph/&gt;</c>.</summary>
    public const string LegalBasisElement = "legalBasis";
    public const string Act = "act";
    public const string Edition = "edition";
    public const string Paragraph = "paragraph";

    private const string FlowNode = "bpmn:FlowNode";

    /// <summary>(moddle type, attribute) pairs, as the descriptor's <c>extends</c> types declare them.</summary>
    public static readonly IReadOnlyList<(string BpmnType, string Attribute)> Attributes =
    [
        (FlowNode, LabelKk),
        (FlowNode, LabelRu),
        ("bpmn:UserTask", CandidateRoles),
        ("bpmn:UserTask", OrganisationScope),
        ("bpmn:UserTask", Assignee),
        ("bpmn:UserTask", FormKey),
        ("bpmn:UserTask", Deadline),
        ("bpmn:UserTask", TemplateKey),
        ("bpmn:UserTask", Signs),
        ("bpmn:ServiceTask", TemplateKey),
        ("bpmn:ServiceTask", Activity),
        ("bpmn:BusinessRuleTask", Table),
        ("bpmn:BusinessRuleTask", ResultVariable),
        ("bpmn:ScriptTask", ResultVariable),
        ("bpmn:BusinessRuleTask", TableDate),
        ("bpmn:CallActivity", Outputs),
        ("bpmn:MultiInstanceLoopCharacteristics", Collection),
        ("bpmn:MultiInstanceLoopCharacteristics", ElementVariable),
        ("bpmn:MultiInstanceLoopCharacteristics", OutputCollection),
        ("bpmn:MessageEventDefinition", CorrelationKey),
        ("bpmn:Message", CorrelationKey),
        ("bpmn:SendTask", CorrelationKey),
        ("bpmn:ReceiveTask", CorrelationKey),
        ("bpmn:SignalEventDefinition", CorrelationKey),
        ("bpmn:SendTask", Payload),
        ("bpmn:MessageEventDefinition", Payload),
        ("bpmn:SignalEventDefinition", Payload),
    ];

    /// <summary>Where the legal basis extension element may appear.</summary>
    public static readonly IReadOnlyList<string> LegalBasisAllowedIn = [FlowNode, "bpmn:Process"];

    /// <summary>Attributes of the legal basis extension element.</summary>
    public static readonly IReadOnlyList<string> LegalBasisAttributes = [Act, Edition, Paragraph];

    /// <summary>True when qadam:<paramref name="attribute"/> is declared for the BPMN element <paramref name="localName"/>.</summary>
    public static bool Allows(string localName, string attribute)
    {
        var types = TypesOf(localName);
        return Attributes.Any(a => string.Equals(a.Attribute, attribute, StringComparison.Ordinal) && types.Contains(a.BpmnType));
    }

    /// <summary>True when a legal basis may be attached to the BPMN element <paramref name="localName"/>.</summary>
    public static bool AllowsLegalBasis(string localName) => TypesOf(localName).Any(LegalBasisAllowedIn.Contains);

    /// <summary>Moddle type names of an element: its own, plus bpmn:FlowNode for the node kinds we run.</summary>
    private static List<string> TypesOf(string localName)
    {
        var own = "bpmn:" + char.ToUpperInvariant(localName[0]) + localName[1..];
        return BpmnSubset.IsSupportedNode(localName) ? [own, FlowNode] : [own];
    }

    /// <summary>The attribute as the parser reads it: trimmed, null when absent or blank.</summary>
    public static string? Read(XElement element, string attribute)
    {
        var value = element.Attribute(XName.Get(attribute, QadamNamespace.Uri))?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
