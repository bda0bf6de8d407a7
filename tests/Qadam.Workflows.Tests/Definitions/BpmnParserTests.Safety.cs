using System.Globalization;
using System.Text;
using Qadam.Workflows.Definitions;
using static Qadam.Workflows.Tests.Definitions.BpmnDocument;

namespace Qadam.Workflows.Tests.Definitions;

/// <summary>Hostile or broken files are one problem each, never an exception (an upload is untrusted input).</summary>
public sealed partial class BpmnParserTests
{
    private const string BillionLaughs =
        """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
        ]>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D">&lol4;</bpmn:definitions>
        """;

    private const string ExternalEntity =
        """
        <?xml version="1.0"?>
        <!DOCTYPE d [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D">
          <bpmn:process id="P" name="&secret;" />
        </bpmn:definitions>
        """;

    [Theory]
    [InlineData(BillionLaughs)]
    [InlineData(ExternalEntity)]
    public void A_dtd_is_refused_before_any_entity_expands(string xml)
    {
        var problem = SingleProblem(xml, BpmnParser.FileElementId);

        Assert.Equal("the file has a DTD (<!DOCTYPE>): DTDs and entities are not allowed in BPMN files", problem.Message);
    }

    [Fact]
    public void An_oversized_text_is_refused_without_reading_it()
    {
        var xml = Around(UserTaskStep).Replace("<bpmn:endEvent id=\"End\" />", "<bpmn:endEvent id=\"End\" />" + new string(' ', BpmnParser.MaxCharacters), StringComparison.Ordinal);

        var problem = SingleProblem(xml, BpmnParser.FileElementId);

        Assert.StartsWith("the file is larger than", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_oversized_stream_is_refused()
    {
        var comment = "<!--" + new string('x', BpmnParser.MaxCharacters) + "-->";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Around(UserTaskStep).Replace("<bpmn:process", comment + "<bpmn:process", StringComparison.Ordinal)));

        var result = BpmnParser.Parse(stream);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(BpmnParser.FileElementId, problem.ElementId);
        Assert.StartsWith("the file is larger than", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stream_is_read_with_the_encoding_its_declaration_names()
    {
        var xml = Around("""<bpmn:userTask id="Step" qadam:candidateRoles="head" qadam:labelRu="Рассмотрение" />""")
            .Replace("encoding=\"UTF-8\"", "encoding=\"windows-1251\"", StringComparison.Ordinal);
        using var stream = new MemoryStream(CodePagesEncodingProvider.Instance.GetEncoding(1251)!.GetBytes(xml));

        var result = BpmnParser.Parse(stream);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal("Рассмотрение", result.Model!.Node("Step").Extension.LabelRu);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml at all")]
    [InlineData("<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"D\"><bpmn:process id=\"P\">")]
    [InlineData("<a><b></a>")]
    public void Malformed_xml_is_one_problem(string xml)
    {
        var problem = SingleProblem(xml, BpmnParser.FileElementId);

        Assert.StartsWith("the file is not well-formed XML: ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Elements_nested_deeper_than_the_limit_are_one_problem_not_a_stack_overflow()
    {
        const int depth = 50_000;
        var nested = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            nested.Append(CultureInfo.InvariantCulture, $"<bpmn:subProcess id=\"S{i}\">");
        }

        nested.Insert(nested.Length, "</bpmn:subProcess>", depth);

        var problem = SingleProblem(Around(UserTaskStep + nested), BpmnParser.FileElementId);

        Assert.Equal($"elements are nested more than {BpmnParser.MaxNesting} levels deep", problem.Message);
    }

    [Fact]
    public void An_expression_nested_too_deeply_is_a_problem_quoted_short()
    {
        var condition = new string('(', 100_000) + "1" + new string(')', 100_000);
        var xml = Process(
            $"""
            <bpmn:startEvent id="Start" />
            <bpmn:exclusiveGateway id="G" default="B" />
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F" sourceRef="Start" targetRef="G" />
            <bpmn:sequenceFlow id="A" sourceRef="G" targetRef="End"><bpmn:conditionExpression>{condition}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="B" sourceRef="G" targetRef="End" />
            """);

        var problem = SingleProblem(xml, "A");

        Assert.EndsWith("…' is nested too deeply to parse", problem.Message, StringComparison.Ordinal);
        Assert.True(problem.Message.Length < 200, problem.Message);
    }

    [Fact]
    public void A_root_that_is_not_bpmn_definitions_is_refused()
    {
        var problem = SingleProblem("""<definitions xmlns="http://www.omg.org/spec/DMN/20191111/MODEL/" id="Dmn1" />""", "Dmn1");

        Assert.Contains("not BPMN 2.0 definitions", problem.Message, StringComparison.Ordinal);
    }
}
