using Qadam.Workflows.Definitions;
using Qadam.Workflows.Definitions.Model;

namespace Qadam.Workflows.Tests.Definitions;

/// <summary>
/// A diagram as Camunda Modeler exports it (CamundaModeler/plain-process.bpmn: camunda attributes, ${...} conditions,
/// bpmndi, a sub-process, gateways, timers, plain and manual tasks) is accepted as a draft: what stops it from being
/// published is only what Qadam binds by name, listed as warnings. Conditions in another language are refused by name.
/// </summary>
public sealed class CamundaModelerExportTests
{
    private static readonly string Export =
        File.ReadAllText(Path.Combine(RepositoryFiles.Root, "tests", "Qadam.Workflows.Tests", "Definitions", "CamundaModeler", "plain-process.bpmn"));

    [Fact]
    public void A_Camunda_Modeler_export_runs_and_lacks_only_what_publishing_needs()
    {
        var result = BpmnParser.Parse(Export);

        Assert.True(result.CanRun, string.Join(Environment.NewLine, result.Problems));
        Assert.All(result.Problems, p => Assert.Equal(ProblemSeverity.Warning, p.Severity));
        Assert.Equal(
            [
                ("Activity_decision", "the userTask has no qadam:candidateRoles: name the roles that may claim it"),
                ("Activity_interview", "the userTask has no qadam:candidateRoles: name the roles that may claim it"),
                ("Activity_order", "the serviceTask has no qadam:activity: name the registered activity it runs, e.g. render-document"),
                ("Activity_remind", "the serviceTask has no qadam:activity: name the registered activity it runs, e.g. render-document"),
                ("Activity_review", "the userTask has no qadam:candidateRoles: name the roles that may claim it"),
                ("Activity_teacher", "the userTask has no qadam:candidateRoles: name the roles that may claim it"),
            ],
            result.Problems.Select(p => (p.ElementId, p.Message)).Order());
        var model = result.Model!;
        Assert.Equal("distance_learning_request", model.Id);
        Assert.Equal("complete", model.Elements["Flow_complete"] is SequenceFlow flow ? flow.Condition : null);
        Assert.IsType<PassThroughTask>(model.Node("Activity_request_documents"));
        Assert.IsType<PassThroughTask>(model.Node("Activity_file"));
    }

    [Theory]
    [InlineData("http://www.omg.org/spec/FEEL/20140401", "FEEL")]
    [InlineData("feel", "FEEL")]
    [InlineData("http://www.w3.org/1999/XPath", "XPath")]
    [InlineData("groovy", "'groovy'")]
    public void A_condition_in_another_expression_language_is_refused_naming_the_flow_and_the_language(string language, string named)
    {
        var xml = Export.Replace("""<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" """,
            $"""<bpmn:conditionExpression language="{language}" xsi:type="bpmn:tFormalExpression" """, StringComparison.Ordinal);

        var result = BpmnParser.Parse(xml);

        var refused = Assert.Single(result.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Equal("Flow_complete", refused.ElementId);
        Assert.StartsWith($"the condition is in {named} (language=", refused.Message, StringComparison.Ordinal);
        Assert.Null(result.Model);
    }
}
