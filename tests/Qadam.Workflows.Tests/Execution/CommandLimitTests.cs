using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Versions;
using static Qadam.Workflows.Tests.Bpmn;

namespace Qadam.Workflows.Tests.Execution;

/// <summary>
/// A multi-instance count is a whole number up to the engine's maximum, refused at upload when written as a number and
/// refused as a command when it comes from case data, before anything is allocated; one command creates a bounded
/// number of tokens and tasks and takes a bounded number of steps.
/// </summary>
public sealed class CommandLimitTests(EngineFixture fixture) : EngineTestBase(fixture), IClassFixture<EngineFixture>
{
    private static string Loop(string key, string characteristics) => Process(key, $"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="school" qadam:candidateRoles="head">{characteristics}</bpmn:userTask>
        {Ends("school")}{Flow("f0", "start", "school")}
        """);

    private static string Cardinality(string key, string cardinality) =>
        Loop(key, $"<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>{cardinality}</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>");

    [Theory]
    [InlineData("1e10", "asks for 10,000,000,000 instances; at most 10,000 are allowed")]
    [InlineData("10001", "asks for 10,001 instances; at most 10,000 are allowed")]
    [InlineData("-5", "is not a whole number from 0")]
    [InlineData("2.5", "is not a whole number from 0")]
    public async Task A_literal_count_outside_the_limits_is_refused_at_upload_naming_the_task(string cardinality, string message)
    {
        await using var host = Fixture.NewHost();

        var refused = await Assert.ThrowsAsync<DefinitionRejectedException>(() =>
            host.Definitions.SaveDraftAsync(DefinitionKind.Bpmn, "literal-count", Cardinality("literal-count", cardinality), "legal.r1"));

        var problem = Assert.Single(refused.Problems);
        Assert.Equal("school", problem.ElementId);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_literal_count_at_the_configured_maximum_is_accepted()
    {
        await using var host = Fixture.NewHost(EngineLimits.Default with { MaxMultiInstances = 20_000 });

        var saved = await host.Definitions.SaveDraftAsync(DefinitionKind.Bpmn, "big-count", Cardinality("big-count", "20000"), "legal.r1");

        Assert.Equal(DefinitionStatus.Draft, saved.Status);
    }

    [Theory]
    [InlineData("1e10", "would have 10,000,000,000 instances; at most 10,000 are allowed")]
    [InlineData("-5", "the number of instances is a whole number from 0")]
    [InlineData("2.5", "the number of instances is a whole number from 0")]
    [InlineData("'many'", "the number of instances is a whole number from 0")]
    public async Task A_count_from_case_data_outside_the_limits_refuses_the_command_without_allocating(string count, string message)
    {
        var key = "data-count-" + Math.Abs(count.GetHashCode(StringComparison.Ordinal));
        await Fixture.PublishAsync(key, Cardinality(key, "data.count"));
        var allocated = GC.GetTotalAllocatedBytes();

        var refused = await Assert.ThrowsAnyAsync<EngineException>(() =>
            StartAsync(key, new JsonObject { ["data"] = JsonNode.Parse($$"""{"count": {{count.Replace('\'', '"')}}}""") }));

        Assert.Equal(EngineErrorKind.Unprocessable, refused.Kind);
        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
        Assert.StartsWith("school: ", refused.Message, StringComparison.Ordinal);
        // Other test classes allocate meanwhile; ten billion tokens would be hundreds of gigabytes, not this.
        Assert.True(GC.GetTotalAllocatedBytes() - allocated < 1L << 30);
        await using var db = Fixture.NewContext();
        Assert.False(await db.Instances.AnyAsync(i => i.DefinitionKey == key));
    }

    [Fact]
    public async Task A_collection_from_case_data_above_the_maximum_refuses_the_command()
    {
        await Fixture.PublishAsync("schools", Loop("schools",
            """<bpmn:multiInstanceLoopCharacteristics qadam:collection="organisations" qadam:elementVariable="school" />"""));
        await using var host = Fixture.NewHost(EngineLimits.Default with { MaxMultiInstances = 300 });
        JsonObject Schools(int count) => new() { ["organisations"] = new JsonArray([.. Enumerable.Range(1, count).Select(i => (JsonNode)$"s{i}")]) };

        var refused = await Assert.ThrowsAsync<CommandLimitException>(() =>
            host.Engine.StartAsync(new StartProcess("schools", Filed, Clerk, Schools(301), "order-301")));
        var started = await host.Engine.StartAsync(new StartProcess("schools", Filed, Clerk, Schools(300), "order-300"));

        Assert.Contains("would have 301 instances; at most 300 are allowed", refused.Message, StringComparison.Ordinal);
        Assert.Equal(300, (await OpenTasksAsync(started.InstanceId)).Count);
    }

    [Fact]
    public async Task One_command_creates_no_more_tokens_and_tasks_than_its_budget()
    {
        await Fixture.PublishAsync("budget", Cardinality("budget", "data.count"));
        await using var host = Fixture.NewHost(EngineLimits.Default with { MaxNewTokensPerCommand = 100 });

        // 60 instances are 60 tokens and 60 tasks: 120 new things.
        var refused = await Assert.ThrowsAsync<CommandLimitException>(() => host.Engine.StartAsync(
            new StartProcess("budget", Filed, Clerk, new JsonObject { ["data"] = new JsonObject { ["count"] = 60 } }, "budget-60")));
        var started = await host.Engine.StartAsync(
            new StartProcess("budget", Filed, Clerk, new JsonObject { ["data"] = new JsonObject { ["count"] = 40 } }, "budget-40"));

        Assert.Contains("more than 100 tokens and tasks", refused.Message, StringComparison.Ordinal);
        Assert.Equal(40, (await OpenTasksAsync(started.InstanceId)).Count);
    }

    [Fact]
    public async Task A_loop_without_a_wait_state_is_stopped_at_the_step_limit()
    {
        await Fixture.PublishAsync("spins", Process("spins", $"""
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="again" />
            <bpmn:exclusiveGateway id="back" />
            {Flow("f0", "start", "again")}{Flow("f1", "again", "back")}{Flow("toAgain", "back", "again")}
            """));

        var refused = await Assert.ThrowsAsync<CommandLimitException>(() => StartAsync("spins"));

        Assert.Contains("100,000 steps without reaching a wait state", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_whose_command_passes_a_limit_becomes_an_incident_at_once()
    {
        var activity = new SetCount();
        await Fixture.PublishAsync("job-count", Process("job-count", $"""
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="count" qadam:activity="set-count" />
            <bpmn:userTask id="school" qadam:candidateRoles="head">
              <bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>n</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>
            </bpmn:userTask>
            {Ends("school")}{Flow("f0", "start", "count")}{Flow("f1", "count", "school")}
            """), null, activity);
        var started = await StartAsync("job-count");

        await using (var host = Fixture.NewHost(activity))
        {
            await host.Engine.RunDueJobsAsync();
        }

        await using var db = Fixture.NewContext();
        var incident = await db.Incidents.SingleAsync(i => i.InstanceId == started.InstanceId);
        Assert.Equal("count", incident.ElementId);
        Assert.Contains("at most 10,000 are allowed", incident.Error, StringComparison.Ordinal);
        Assert.Equal(InstanceStatus.Active, (await InstanceAsync(started.InstanceId)).Status);
    }

    private sealed class SetCount : IProcessActivity
    {
        public string Name => "set-count";

        public Task ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
        {
            context.SetVariable("n", 50_000);
            return Task.CompletedTask;
        }
    }
}
