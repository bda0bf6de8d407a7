using System.Text.Json.Nodes;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Versions;
using static Qadam.Workflows.Tests.Bpmn;

namespace Qadam.Workflows.Tests.Execution;

/// <summary>
/// What Camunda 7 runs and a modeler's file often holds: a JavaScript script task (in the expression sandbox, with its
/// limits), a task or event without outgoing flow (an implicit end of its path), and an exclusive gateway whose flows have
/// no condition (the first in the file's order is taken).
/// </summary>
public sealed class ScriptTaskTests(EngineFixture fixture) : EngineTestBase(fixture), IClassFixture<EngineFixture>
{
    private static string ScriptProcess(string key, string script, string resultVariable = "") => Process(key, $"""
        <bpmn:startEvent id="start" />
        <bpmn:scriptTask id="score" scriptFormat="javascript" {resultVariable}><bpmn:script><![CDATA[{script}]]></bpmn:script></bpmn:scriptTask>
        <bpmn:exclusiveGateway id="gw" default="toReview" />
        {UserTask("priority")}{UserTask("review")}{Ends("priority", "review")}
        {Flow("f1", "start", "score")}{Flow("f2", "score", "gw")}
        {Flow("toPriority", "gw", "priority", "points >= 10")}
        {Flow("toReview", "gw", "review")}
        """);

    [Fact]
    public async Task A_script_task_writes_case_data_through_execution_and_its_result_variable_and_the_case_moves_on()
    {
        await Fixture.PublishAsync("script", ScriptProcess("script", """
            var points = (disability ? 8 : 0) + (siblings > 1 ? 4 : 0);
            execution.setVariable('points', points);
            execution.setVariable('reasons', [disability ? 'disability' : null].filter(function (r) { return r; }));
            'scored ' + execution.getVariable('points')
            """, "camunda:resultVariable=\"summary\" xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\""));

        var high = await StartAsync("script", new JsonObject { ["disability"] = true, ["siblings"] = 2 });
        var low = await StartAsync("script", new JsonObject { ["disability"] = false, ["siblings"] = 2 });

        Assert.Equal(["priority"], high.WaitingAt);
        Assert.Equal(["review"], low.WaitingAt);
        var variables = await VariablesAsync(high.InstanceId);
        Assert.Equal(12, variables["points"]!.GetValue<int>());
        Assert.Equal("""["disability"]""", variables["reasons"]!.ToJsonString());
        Assert.Equal("scored 12", variables["summary"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_script_that_never_ends_is_stopped_by_the_expression_limits_and_the_case_is_not_started()
    {
        await Fixture.PublishAsync("script-loop", ScriptProcess("script-loop", "while (true) { }"));

        var error = await Assert.ThrowsAsync<ExpressionException>(() => StartAsync("script-loop"));

        Assert.Equal("score", error.ElementId);
        Assert.Contains("too many statements", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_may_not_write_a_variable_whose_name_is_not_a_name()
    {
        await Fixture.PublishAsync("script-name", ScriptProcess("script-name", "execution.setVariable('a b', 1)"));

        var error = await Assert.ThrowsAsync<ExpressionException>(() => StartAsync("script-name"));

        Assert.Contains("'a b' is not a variable name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_in_another_language_is_refused_at_upload_naming_the_task()
    {
        await using var host = Fixture.NewHost();
        var xml = ScriptProcess("script-groovy", "points = 1").Replace("scriptFormat=\"javascript\"", "scriptFormat=\"groovy\"", StringComparison.Ordinal);

        var refused = await Assert.ThrowsAsync<DefinitionRejectedException>(
            () => host.Definitions.SaveDraftAsync(DefinitionKind.Bpmn, "script-groovy", xml, "legal.r1"));

        var problem = Assert.Single(refused.Problems);
        Assert.Equal("score", problem.ElementId);
        Assert.Equal("the scriptTask is in 'groovy': scripts run in JavaScript only (scriptFormat javascript)", problem.Message);
    }

    [Fact]
    public async Task A_task_without_outgoing_flow_ends_its_path_and_the_case_ends_with_its_last_path()
    {
        await Fixture.PublishAsync("implicit-end", Process("implicit-end", $"""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="split" />
            {UserTask("archive")}{UserTask("notify")}
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "split")}{Flow("f2", "split", "archive")}{Flow("f3", "split", "notify")}{Flow("f4", "notify", "end")}
            """));

        var started = await StartAsync("implicit-end");
        await CompleteAsync(started.InstanceId, "archive");
        Assert.Equal(InstanceStatus.Active, (await InstanceAsync(started.InstanceId)).Status);
        var done = await CompleteAsync(started.InstanceId, "notify");

        Assert.Equal(InstanceStatus.Completed, done.Status);
    }

    [Theory]
    [InlineData(true, "scanned")]
    [InlineData(false, "scanned")]
    public async Task An_exclusive_gateway_takes_its_first_flow_without_condition_in_the_files_order_as_Camunda_7_does(bool ok, string expected)
    {
        // As overlays-qr-code.bpmn draws it: two flows without conditions; the first one drawn wins, whatever the data.
        var xml = Process("xor-order", $"""
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="gw" />
            {UserTask("scanned")}{UserTask("retry")}{Ends("scanned", "retry")}
            {Flow("f1", "start", "gw")}{Flow("first", "gw", "scanned")}{Flow("second", "gw", "retry")}
            """);
        await using var host = Fixture.NewHost();
        var (draft, warnings) = await host.Definitions.SaveDraftCheckedAsync(DefinitionKind.Bpmn, "xor-order", xml, "legal.r1");
        Assert.Equal(["first", "second"], warnings.Select(w => w.ElementId));

        await using var transaction = await host.Db.Database.BeginTransactionAsync();
        var run = await host.Engine.StartVersionForDryRunAsync("xor-order", draft.Version, Filed, Clerk, new JsonObject { ["ok"] = ok });
        await transaction.RollbackAsync();

        Assert.Equal([expected], run.WaitingAt);
    }

    [Fact]
    public async Task A_draft_whose_drawing_is_not_finished_is_saved_with_its_warnings_and_its_dry_run_names_what_is_missing()
    {
        var xml = Process("unfinished", $"""
            <bpmn:startEvent id="start" />
            {UserTask("wait")}
            <bpmn:intermediateCatchEvent id="letter"><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>
            {Flow("f1", "start", "wait")}{Flow("f2", "wait", "letter")}
            """);
        await using var host = Fixture.NewHost();

        var (draft, warnings) = await host.Definitions.SaveDraftCheckedAsync(DefinitionKind.Bpmn, "unfinished", xml, "legal.r1");

        var warning = Assert.Single(warnings);
        Assert.Equal("letter", warning.ElementId);
        Assert.True(warning.Unfinished);
        await using var transaction = await host.Db.Database.BeginTransactionAsync();
        var refused = await Assert.ThrowsAsync<DefinitionRejectedException>(
            () => host.Engine.StartVersionForDryRunAsync("unfinished", draft.Version, Filed, Clerk, null));
        Assert.Contains(refused.Problems, p => p.ElementId == "letter");
    }
}
