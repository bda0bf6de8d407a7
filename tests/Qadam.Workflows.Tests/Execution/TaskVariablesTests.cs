using System.Text.Json.Nodes;
using Qadam.Workflows.Execution;
using static Qadam.Workflows.Tests.Bpmn;

namespace Qadam.Workflows.Tests.Execution;

/// <summary>
/// A waiting task is read with the values of its own activity instance: in a per-school body each school's task sees its
/// own school and loop counter over the instance's variables, so a form can be prefilled with what that school's steps
/// found (the head's frost order with its table's proposal, order 103 para 15).
/// </summary>
public sealed class TaskVariablesTests(EngineFixture fixture) : EngineTestBase(fixture), IClassFixture<EngineFixture>
{
    private static string PerSchool(string key) => Process(key, $"""
        <bpmn:startEvent id="start" />
        <bpmn:subProcess id="school">
          <bpmn:multiInstanceLoopCharacteristics isSequential="false" qadam:collection="organisations" qadam:elementVariable="school" />
          <bpmn:startEvent id="schoolStart" />
          <bpmn:userTask id="sign" qadam:candidateRoles="head" qadam:organisationScope="=school.code" />
          <bpmn:endEvent id="schoolDone" />
          {Flow("s0", "schoolStart", "sign")}{Flow("s1", "sign", "schoolDone")}
        </bpmn:subProcess>
        {UserTask("report", "regionalOfficer")}{Ends("report")}
        {Flow("f0", "start", "school")}{Flow("f1", "school", "report")}
        """);

    [Fact]
    public async Task Each_schools_task_reads_its_own_school_over_the_instance_variables_and_a_task_after_the_body_reads_none()
    {
        await Fixture.PublishAsync("task-variables", PerSchool("task-variables"));
        var schools = new JsonArray([.. new[] { "s1", "s2", "s3" }.Select(code => (JsonNode)new JsonObject { ["code"] = code, ["shifts"] = new JsonArray(1) })]);
        var started = await StartAsync("task-variables", new JsonObject { ["organisations"] = schools, ["forDate"] = "2026-12-07" });

        var tasks = await OpenTasksAsync(started.InstanceId);
        var instance = await InstanceAsync(started.InstanceId);
        foreach (var task in tasks)
        {
            var variables = instance.VariablesAt(task.TokenId);
            Assert.Equal(task.Organisation, variables["school"]!["code"]!.GetValue<string>());
            Assert.Equal("2026-12-07", variables["forDate"]!.GetValue<string>());
            Assert.Equal(3, variables["nrOfInstances"]!.GetValue<int>());
        }

        Assert.Equal([0, 1, 2], tasks.Select(t => instance.VariablesAt(t.TokenId)["loopCounter"]!.GetValue<int>()).Order());

        foreach (var task in tasks)
        {
            await using var host = Fixture.NewHost();
            await host.Engine.CompleteTaskAsync(new CompleteTask(task.Id, Clerk, null));
        }

        var report = Assert.Single(await OpenTasksAsync(started.InstanceId));
        var after = (await InstanceAsync(started.InstanceId)).VariablesAt(report.TokenId);
        Assert.False(after.ContainsKey("school"));
        Assert.Equal("2026-12-07", after["forDate"]!.GetValue<string>());
    }
}
