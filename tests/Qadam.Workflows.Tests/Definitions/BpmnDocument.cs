using Qadam.Workflows.Definitions;

namespace Qadam.Workflows.Tests.Definitions;

/// <summary>Small inline BPMN documents for the definition tests.</summary>
internal static class BpmnDocument
{
    public const string DefinitionsOpen =
        """<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:qadam="http://qadam.kz/schema/bpmn" id="Definitions_1">""";

    /// <summary>A file with one executable process "Process_1" holding <paramref name="body"/>.</summary>
    public static string Process(string body, string rootElements = "") =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        {DefinitionsOpen}
          {rootElements}
          <bpmn:process id="Process_1" isExecutable="true">
            {body}
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>Start → <paramref name="step"/> (a node with id "Step") → end, plus whatever else <paramref name="step"/> holds.</summary>
    public static string Around(string step, string rootElements = "") =>
        Process(
            $"""
            <bpmn:startEvent id="Start" />
            {step}
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="ToStep" sourceRef="Start" targetRef="Step" />
            <bpmn:sequenceFlow id="FromStep" sourceRef="Step" targetRef="End" />
            """,
            rootElements);

    /// <summary>A user task that passes every rule.</summary>
    public const string UserTaskStep = """<bpmn:userTask id="Step" qadam:candidateRoles="head" />""";

    public static BpmnParseResult Parse(string xml, DefinitionCatalog? catalog = null) => BpmnParser.Parse(xml, catalog);

    /// <summary>Parses a document that must be valid, showing its problems otherwise.</summary>
    public static Workflows.Definitions.Model.ProcessModel Valid(string xml)
    {
        var result = BpmnParser.Parse(xml);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        return result.Model!;
    }

    /// <summary>The one problem of a document, which must name <paramref name="elementId"/>.</summary>
    public static DefinitionProblem SingleProblem(string xml, string elementId, DefinitionCatalog? catalog = null)
    {
        var result = BpmnParser.Parse(xml, catalog);
        Assert.False(result.IsValid);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(elementId, problem.ElementId);
        // An error leaves nothing to run, nor does a drawing not finished; a warning (what only publishing needs) leaves a
        // draft that runs in a dry run.
        if (problem.Severity == ProblemSeverity.Error || problem.Unfinished)
        {
            Assert.Null(result.Model);
        }
        else
        {
            Assert.NotNull(result.Model);
        }

        return problem;
    }
}
