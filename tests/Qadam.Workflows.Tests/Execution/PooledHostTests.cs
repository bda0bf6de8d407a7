using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Persistence;

namespace Qadam.Workflows.Tests.Execution;

/// <summary>
/// A host of its own (AddQadamWorkflows with a connection string) pools the engine's contexts: a context that served a
/// failed command serves the next one clean.
/// </summary>
public sealed class PooledHostTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task A_pooled_context_after_a_failed_start_carries_nothing_into_the_next_command()
    {
        await fixture.PublishAsync("pooled", Bpmn.Process("pooled", $"""
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="gate" default="toApply" />
            {Bpmn.UserTask("apply")}
            {Bpmn.UserTask("special")}
            {Bpmn.Flow("f1", "start", "gate")}
            {Bpmn.Flow("toSpecial", "gate", "special", "student.level === 'x'")}
            {Bpmn.Flow("toApply", "gate", "apply")}
            {Bpmn.Ends("apply", "special")}
            """));
        await using var host = new ServiceCollection().AddLogging().AddQadamWorkflows(fixture.ConnectionString).BuildServiceProvider();
        var actor = new Actor("clerk.s1", "clerk", "s1");
        var filed = new DateOnly(2025, 9, 1);

        // Used one after the other, the pool hands the failed command's context to the next command.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using (var failing = host.CreateAsyncScope())
            {
                await Assert.ThrowsAnyAsync<Exception>(() => failing.ServiceProvider.GetRequiredService<ProcessEngine>()
                    .StartAsync(new StartProcess("pooled", filed, actor, new JsonObject { ["organisation"] = "s1" }, "failing-" + attempt)));
            }

            await using var next = host.CreateAsyncScope();
            var started = await next.ServiceProvider.GetRequiredService<ProcessEngine>()
                .StartAsync(new StartProcess("pooled", filed, actor, new JsonObject { ["organisation"] = "s1", ["student"] = new JsonObject() }, "ok-" + attempt));
            Assert.Equal(["apply"], started.WaitingAt);
        }

        await using var check = host.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        Assert.Equal(3, await db.Instances.CountAsync(i => i.DefinitionKey == "pooled"));
        Assert.False(await db.Instances.AnyAsync(i => i.BusinessKey!.StartsWith("failing-")));
    }
}
