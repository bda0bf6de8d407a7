using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Tests;

/// <summary>Shortcuts for engine tests: start, list open tasks, complete, read the instance and its journal.</summary>
public abstract class EngineTestBase(EngineFixture fixture)
{
    protected static readonly Actor Clerk = new("clerk.s1", "clerk", "s1");

    protected EngineFixture Fixture { get; } = fixture;

    protected static DateOnly Filed => new(2025, 9, 1);

    protected async Task<CommandResult> StartAsync(string key, JsonObject? variables = null, DateOnly? filed = null, string? idempotencyKey = null)
    {
        await using var host = Fixture.NewHost();
        return await host.Engine.StartAsync(new StartProcess(key, filed ?? Filed, Clerk, variables, "case-" + Guid.NewGuid(), idempotencyKey));
    }

    protected async Task<List<ProcessTask>> OpenTasksAsync(Guid instanceId)
    {
        await using var db = Fixture.NewContext();
        return await db.Tasks.AsNoTracking().Open()
            .Where(t => t.InstanceId == instanceId)
            .OrderBy(t => t.ElementId).ThenBy(t => t.LoopIndex).ToListAsync();
    }

    protected async Task<ProcessTask> OpenTaskAsync(Guid instanceId, string elementId) =>
        Assert.Single(await OpenTasksAsync(instanceId), t => t.ElementId == elementId);

    protected async Task<CommandResult> CompleteAsync(Guid instanceId, string elementId, JsonObject? output = null, Actor? actor = null)
    {
        var task = await OpenTaskAsync(instanceId, elementId);
        await using var host = Fixture.NewHost();
        return await host.Engine.CompleteTaskAsync(new CompleteTask(task.Id, actor ?? Clerk, output));
    }

    protected async Task<ProcessInstance> InstanceAsync(Guid id)
    {
        await using var db = Fixture.NewContext();
        return await db.Instances.AsNoTracking().SingleAsync(i => i.Id == id);
    }

    protected async Task<JsonObject> VariablesAsync(Guid id)
    {
        var instance = await InstanceAsync(id);
        return (JsonObject)JsonNode.Parse(instance.StateJson)!["variables"]!;
    }

    protected async Task<List<string>> OpenTaskIdsAsync(Guid instanceId) =>
        [.. (await OpenTasksAsync(instanceId)).Select(t => t.ElementId)];
}
