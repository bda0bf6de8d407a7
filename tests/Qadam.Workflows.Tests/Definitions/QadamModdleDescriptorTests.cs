using System.Text.Json;
using Qadam.Workflows.Definitions;
using Qadam.Workflows.Definitions.Model;
using static Qadam.Workflows.Tests.Definitions.BpmnDocument;

namespace Qadam.Workflows.Tests.Definitions;

/// <summary>
/// The moddle descriptor the designer loads and the attributes the parser reads never drift apart:
/// the same (type, attribute) pairs on both sides, and each of them lands in the model.
/// </summary>
public sealed class QadamModdleDescriptorTests
{
    private static readonly JsonElement Descriptor = Load();

    [Fact]
    public void Descriptor_names_our_namespace()
    {
        Assert.Equal("Qadam", Descriptor.GetProperty("name").GetString());
        Assert.Equal(QadamNamespace.Prefix, Descriptor.GetProperty("prefix").GetString());
        Assert.Equal(QadamNamespace.Uri, Descriptor.GetProperty("uri").GetString());
    }

    [Fact]
    public void Embedded_descriptor_is_the_file_in_the_repository()
    {
        using var stream = QadamModdleDescriptor.Open();
        using var reader = new StreamReader(stream);

        var onDisk = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "src", "Workflows", "Definitions", "qadam.moddle.json"));

        Assert.Equal(onDisk, reader.ReadToEnd());
    }

    [Fact]
    public void Descriptor_declares_exactly_the_attributes_the_parser_reads()
    {
        var declared = Descriptor.GetProperty("types").EnumerateArray()
            .Where(t => t.TryGetProperty("extends", out _))
            .SelectMany(t => t.GetProperty("extends").EnumerateArray().SelectMany(e => AttributesOf(t).Select(a => (e.GetString()!, a))))
            .Order()
            .ToList();

        Assert.Equal(QadamVocabulary.Attributes.Order().ToList(), declared);
    }

    [Fact]
    public void Descriptor_declares_the_legal_basis_element_as_the_parser_reads_it()
    {
        var legalBasis = Assert.Single(Descriptor.GetProperty("types").EnumerateArray(), t => t.GetProperty("name").GetString() == "LegalBasis");

        Assert.Equal(QadamVocabulary.LegalBasisAttributes.Order(StringComparer.Ordinal), AttributesOf(legalBasis).Order(StringComparer.Ordinal));
        Assert.Equal(
            QadamVocabulary.LegalBasisAllowedIn.Order(StringComparer.Ordinal),
            legalBasis.GetProperty("meta").GetProperty("allowedIn").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["Element"],
            legalBasis.GetProperty("superClass").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal("lowerCase", Descriptor.GetProperty("xml").GetProperty("tagAlias").GetString());
    }

    public static TheoryData<string, string> DeclaredAttributes()
    {
        var data = new TheoryData<string, string>();
        foreach (var (type, attribute) in QadamVocabulary.Attributes)
        {
            data.Add(type, attribute);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DeclaredAttributes))]
    public void Each_declared_attribute_is_read_into_the_model(string bpmnType, string attribute)
    {
        var (value, expected) = SampleOf(attribute);
        var on = $"""qadam:{attribute}="{value}" """;
        var xml = bpmnType switch
        {
            "bpmn:FlowNode" or "bpmn:UserTask" => Around($"""<bpmn:userTask id="Step" {(attribute == "candidateRoles" ? "" : """qadam:candidateRoles="x" """)}{on}/>"""),
            "bpmn:ServiceTask" => Around($"""<bpmn:serviceTask id="Step" {(attribute == "activity" ? "" : """qadam:activity="a" """)}{on}/>"""),
            "bpmn:BusinessRuleTask" => Around($"""<bpmn:businessRuleTask id="Step" {attribute switch
            {
                "table" => """qadam:resultVariable="r" """,
                "tableDate" => """qadam:table="t" qadam:resultVariable="r" """,
                _ => """qadam:table="t" """,
            }}{on}/>"""),
            "bpmn:CallActivity" => Around($"""<bpmn:callActivity id="Step" calledElement="c" {on}/>"""),
            "bpmn:ScriptTask" => Around($"""<bpmn:scriptTask id="Step" scriptFormat="javascript" {on}><bpmn:script>1</bpmn:script></bpmn:scriptTask>"""),
            "bpmn:MultiInstanceLoopCharacteristics" => Around(
                $"""<bpmn:userTask id="Step" qadam:candidateRoles="x"><bpmn:multiInstanceLoopCharacteristics {(attribute == "collection" ? "" : """qadam:collection="c" """)}{on}/></bpmn:userTask>"""),
            "bpmn:MessageEventDefinition" => Around(
                $"""<bpmn:intermediateCatchEvent id="Step"><bpmn:messageEventDefinition messageRef="M" {on}/></bpmn:intermediateCatchEvent>""",
                """<bpmn:message id="M" name="m" />"""),
            "bpmn:Message" => Around(
                """<bpmn:intermediateCatchEvent id="Step"><bpmn:messageEventDefinition messageRef="M" /></bpmn:intermediateCatchEvent>""",
                $"""<bpmn:message id="M" name="m" {on}/>"""),
            "bpmn:SendTask" => Around($"""<bpmn:sendTask id="Step" messageRef="M" {on}/>""", """<bpmn:message id="M" name="m" />"""),
            "bpmn:ReceiveTask" => Around($"""<bpmn:receiveTask id="Step" messageRef="M" {on}/>""", """<bpmn:message id="M" name="m" />"""),
            "bpmn:SignalEventDefinition" => Around(
                $"""<bpmn:intermediateThrowEvent id="Step"><bpmn:signalEventDefinition signalRef="S" {on}/></bpmn:intermediateThrowEvent>""",
                """<bpmn:signal id="S" name="s" />"""),
            _ => throw new InvalidOperationException($"No sample element for {bpmnType}: add one here."),
        };

        var node = Valid(xml).Node("Step");

        Assert.Equal(expected, ReadBack(node, attribute));
    }

    private static (string Value, string Expected) SampleOf(string attribute) => attribute switch
    {
        "candidateRoles" or "outputs" => ("a, b", "a|b"),
        "deadline" => ("P3D", "P3D"),
        "tableDate" => ("=today()", "=today()"),
        "organisationScope" => ("parent", "parent"),
        _ => ("value1", "value1"),
    };

    private static string? ReadBack(FlowNode node, string attribute) => attribute switch
    {
        "labelKk" => node.Extension.LabelKk,
        "labelRu" => node.Extension.LabelRu,
        "candidateRoles" => string.Join('|', node.Extension.CandidateRoles),
        "organisationScope" => node.Extension.OrganisationScope,
        "assignee" => node.Extension.Assignee,
        "formKey" => node.Extension.FormKey,
        "deadline" => node.Extension.Deadline,
        "templateKey" => node.Extension.TemplateKey,
        "signs" => string.Join('|', node.Extension.Signs),
        "activity" => ((ServiceTask)node).Activity,
        "table" => ((BusinessRuleTask)node).TableKey,
        "resultVariable" => node is ScriptTask script ? script.ResultVariable : ((BusinessRuleTask)node).ResultVariable,
        "tableDate" => ((BusinessRuleTask)node).TableDate,
        "outputs" => string.Join('|', ((CallActivity)node).Outputs!),
        "collection" => ((UserTask)node).MultiInstance!.Collection,
        "elementVariable" => ((UserTask)node).MultiInstance!.ElementVariable,
        "outputCollection" => ((UserTask)node).MultiInstance!.OutputCollection,
        "correlationKey" or "payload" => ReadEvent(node, attribute),
        _ => throw new InvalidOperationException($"The test cannot read {attribute} back: add it here."),
    };

    private static string? ReadEvent(FlowNode node, string attribute)
    {
        var trigger = node switch
        {
            IntermediateCatchEvent c => c.Trigger,
            IntermediateThrowEvent t => t.Trigger,
            SendTask s => s.Message,
            ReceiveTask r => r.Message,
            _ => throw new InvalidOperationException($"No event trigger on {node.Kind}."),
        };
        return (attribute, trigger) switch
        {
            ("correlationKey", MessageTrigger m) => m.CorrelationKey,
            ("correlationKey", SignalTrigger s) => s.Scope,
            ("payload", MessageTrigger m) => string.Join('|', m.Payload!),
            ("payload", SignalTrigger s) => string.Join('|', s.Payload!),
            _ => throw new InvalidOperationException($"The test cannot read {attribute} back from {trigger}."),
        };
    }

    private static IEnumerable<string> AttributesOf(JsonElement type) =>
        type.GetProperty("properties").EnumerateArray()
            .Where(p => p.TryGetProperty("isAttr", out var isAttr) && isAttr.GetBoolean())
            .Select(p => p.GetProperty("name").GetString()!);

    private static JsonElement Load()
    {
        using var stream = QadamModdleDescriptor.Open();
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    }
}
