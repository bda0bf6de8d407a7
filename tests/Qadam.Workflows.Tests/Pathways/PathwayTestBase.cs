using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>Drives a pathway through the engine as the real roles: tasks checked for role and organisation, jobs run to rest.</summary>
public abstract class PathwayTestBase(EngineFixture fixture) : EngineTestBase(fixture)
{
    protected const string School = "s-astana-017";

    /// <summary>
    /// The open tasks of a case: the instance's own and those of the instances it called (the distance regime runs as a called
    /// definition under the same business key, as the API's case page shows it).
    /// </summary>
    protected new async Task<List<ProcessTask>> OpenTasksAsync(Guid instanceId)
    {
        await using var db = Fixture.NewContext();
        var key = await db.Instances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => i.BusinessKey).SingleAsync();
        return await db.Tasks.AsNoTracking().Open()
            .Where(t => t.InstanceId == instanceId || (key != null && t.BusinessKey == key))
            .OrderBy(t => t.ElementId).ThenBy(t => t.LoopIndex).ToListAsync();
    }

    protected new async Task<ProcessTask> OpenTaskAsync(Guid instanceId, string elementId) =>
        Assert.Single(await OpenTasksAsync(instanceId), t => t.ElementId == elementId);

    protected new async Task<List<string>> OpenTaskIdsAsync(Guid instanceId) =>
        [.. (await OpenTasksAsync(instanceId)).Select(t => t.ElementId)];

    protected static Actor As(string role, string organisation = School, string? user = null) =>
        new(user ?? $"{role}.{organisation}", role, organisation);

    protected async Task RunJobsAsync()
    {
        for (var round = 0; round < 50; round++)
        {
            await using var host = Fixture.NewHost(FakeActivities.All());
            if (await host.Engine.RunDueJobsAsync() == 0)
            {
                return;
            }
        }

        throw new InvalidOperationException("jobs keep coming: a loop of service tasks?");
    }

    protected async Task FireTimersAsync()
    {
        await using (var host = Fixture.NewHost(FakeActivities.All()))
        {
            await host.Engine.FireDueTimersAsync();
        }

        await RunJobsAsync();
    }

    protected async Task<CommandResult> StartFiledAsync(string key, JsonObject variables, DateOnly filed)
    {
        variables["filedOn"] = filed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var result = await StartAsync(key, variables, filed);
        await RunJobsAsync();
        return result;
    }

    /// <summary>Completes the one open task of <paramref name="elementId"/> as <paramref name="actor"/>, who must hold one of its roles in its organisation.</summary>
    protected async Task<ProcessTask> CompleteAsAsync(Guid instanceId, string elementId, Actor actor, JsonObject? output = null)
    {
        var task = await OpenTaskAsync(instanceId, elementId);
        await CompleteTaskAsAsync(task, actor, output);
        return task;
    }

    protected async Task CompleteTaskAsAsync(ProcessTask task, Actor actor, JsonObject? output)
    {
        Assert.Contains(actor.Role!, task.CandidateRoles);
        Assert.Equal(actor.Organisation, task.Organisation);
        await using (var host = Fixture.NewHost(FakeActivities.All()))
        {
            await host.Engine.CompleteTaskAsync(new CompleteTask(task.Id, actor, output));
        }

        await RunJobsAsync();
    }

    /// <summary>Casts the ballot of one member of a multi-instance vote.</summary>
    protected async Task VoteAsync(Guid instanceId, string elementId, string user, string role, string vote)
    {
        var ballot = Assert.Single(await OpenTasksAsync(instanceId),
            t => t.ElementId == elementId && t.LoopElement!["user"]!.GetValue<string>() == user);
        await CompleteTaskAsAsync(ballot, new Actor(user, role, ballot.Organisation), new JsonObject { ["vote"] = vote, ["member"] = user });
    }

    protected static JsonArray Members(string prefix, int count, string organisation = School) =>
        [.. Enumerable.Range(1, count).Select(i => (JsonNode)new JsonObject { ["user"] = $"{prefix}{i}.{organisation}", ["organisation"] = organisation })];

    protected async Task<List<string>> StringsAsync(Guid instanceId, string variable) =>
        [.. ((await VariablesAsync(instanceId))[variable] as JsonArray ?? []).Select(n => n!.GetValue<string>())];

    protected async Task<List<string>> NotifiedElementsAsync(Guid instanceId)
    {
        await using var db = Fixture.NewContext();
        var messages = await db.Outbox.AsNoTracking().Where(o => o.InstanceId == instanceId && o.Topic == "notify").OrderBy(o => o.Id).ToListAsync();
        return [.. messages.Select(m => m.Payload["element"]!.GetValue<string>())];
    }

    /// <summary>The outbox messages of a topic (notify, mass-transfer): which step, for which school, at what time.</summary>
    protected async Task<List<(string Element, string? School, DateTimeOffset At)>> OutboxAsync(Guid instanceId, string topic)
    {
        await using var db = Fixture.NewContext();
        var messages = await db.Outbox.AsNoTracking().Where(o => o.InstanceId == instanceId && o.Topic == topic).OrderBy(o => o.Id).ToListAsync();
        return [.. messages.Select(m => (m.Payload["element"]!.GetValue<string>(), m.Payload["school"]?.GetValue<string>(), m.CreatedAt))];
    }

    /// <summary>Jobs that failed and the last journal entries, for a failure message.</summary>
    protected async Task<string> DiagnoseAsync(Guid instanceId)
    {
        await using var db = Fixture.NewContext();
        var jobs = await db.Jobs.AsNoTracking().Where(j => j.InstanceId == instanceId && j.LastError != null).ToListAsync();
        var journal = await db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderByDescending(j => j.Id).Take(8).ToListAsync();
        return string.Join(Environment.NewLine, jobs.Select(j => $"job {j.ElementId}: {j.LastError}")
            .Concat(journal.Select(j => $"{j.Event} {j.ElementId} {j.Data?.ToJsonString()}")));
    }

    protected async Task<InstanceStatus> StatusAsync(Guid instanceId) => (await InstanceAsync(instanceId)).Status;

    protected DateOnly Today => DateOnly.FromDateTime(Fixture.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(5)).DateTime);

    protected static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
