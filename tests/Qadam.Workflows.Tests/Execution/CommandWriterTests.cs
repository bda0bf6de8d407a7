using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Qadam.Workflows.Execution;
using static Qadam.Workflows.Tests.Bpmn;

namespace Qadam.Workflows.Tests.Execution;

/// <summary>
/// The hot path's database work stays one batch per command (bench/Engine/README.md): a start writes instance,
/// task and journal in one round trip; a completion locks the task and reads the instance in one, then writes in one.
/// Counted with Npgsql's own tracing, one activity per command or batch sent.
/// </summary>
public sealed class CommandWriterTests(EngineFixture fixture) : EngineTestBase(fixture), IClassFixture<EngineFixture>
{
    private static readonly string TwoSteps = Process("steps", $"""
        <bpmn:startEvent id="start" />
        {UserTask("first")}{UserTask("second")}{Ends("second")}
        {Flow("f0", "start", "first")}{Flow("f1", "first", "second")}
        """);

    [Fact]
    public async Task A_start_writes_its_instance_task_and_journal_in_one_batch()
    {
        await Fixture.PublishAsync("steps", TwoSteps);
        await StartAsync("steps");

        var (sent, started) = await CountAsync(host => host.Engine.StartAsync(new StartProcess("steps", Filed, Clerk, new JsonObject { ["n"] = 1 })));

        // The version in force is remembered for a second; on a slow machine it may be read again, which is not a write.
        var batch = Assert.Single(sent, s => !s.Contains("FROM \"workflows\".\"definitions\"", StringComparison.Ordinal)
                                               && !s.Contains("FROM workflows.definitions", StringComparison.Ordinal));
        Assert.Contains("INSERT INTO workflows.instances", batch, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO workflows.tasks", batch, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO workflows.journal", batch, StringComparison.Ordinal);
        await using var db = Fixture.NewContext();
        Assert.Equal(["started", "entered", "left", "entered", "task-created"],
            await db.Journal.Where(j => j.InstanceId == started.InstanceId).OrderBy(j => j.Id).Select(j => j.Event).ToListAsync());
    }

    [Fact]
    public async Task A_completion_reads_in_one_round_trip_and_writes_in_one()
    {
        await Fixture.PublishAsync("steps", TwoSteps);
        var started = await StartAsync("steps");
        var task = await OpenTaskAsync(started.InstanceId, "first");

        var (sent, _) = await CountAsync(host => host.Engine.CompleteTaskAsync(new CompleteTask(task.Id, Clerk, new JsonObject { ["ok"] = true })));

        Assert.Equal(2, sent.Count);
        Assert.Contains("FOR UPDATE", sent[0], StringComparison.Ordinal);
        Assert.Contains("FROM workflows.instances", sent[0], StringComparison.Ordinal);
        Assert.Contains("UPDATE workflows.instances", sent[1], StringComparison.Ordinal);
        Assert.Contains("UPDATE workflows.tasks", sent[1], StringComparison.Ordinal);
        Assert.Contains("INSERT INTO workflows.tasks", sent[1], StringComparison.Ordinal);
        Assert.Equal(["second"], await OpenTaskIdsAsync(started.InstanceId));
    }

    [Fact]
    public async Task A_completion_of_a_task_its_host_locked_for_its_checks_reads_the_task_once()
    {
        await Fixture.PublishAsync("steps", TwoSteps);
        var started = await StartAsync("steps");
        var task = await OpenTaskAsync(started.InstanceId, "first");

        var (sent, locked) = await CountAsync(async host =>
        {
            var engine = host.Engine;
            await using var transaction = await host.Db.Database.BeginTransactionAsync();
            var read = await engine.LockTaskAsync(task.Id);
            await engine.CompleteTaskAsync(new CompleteTask(task.Id, Clerk, new JsonObject { ["ok"] = true }));
            await transaction.CommitAsync();
            return read;
        });

        Assert.Equal("first", locked?.ElementId);
        Assert.Equal(2, sent.Count);
        Assert.Contains("FOR UPDATE", sent[0], StringComparison.Ordinal);
        Assert.Contains("UPDATE workflows.tasks", sent[1], StringComparison.Ordinal);
        Assert.Equal(["second"], await OpenTaskIdsAsync(started.InstanceId));
    }

    [Fact]
    public async Task A_keyed_completion_of_a_task_its_host_locked_reads_its_key_with_the_task_and_a_retry_replays_it()
    {
        await Fixture.PublishAsync("steps", TwoSteps);
        var started = await StartAsync("steps");
        var task = await OpenTaskAsync(started.InstanceId, "first");

        async Task<CommandResult> CompleteLockedAsync(EngineHost host)
        {
            var engine = host.Engine;
            await using var transaction = await host.Db.Database.BeginTransactionAsync();
            await engine.LockTaskAsync(task.Id, "visit-1");
            var result = await engine.CompleteTaskAsync(new CompleteTask(task.Id, Clerk, new JsonObject { ["ok"] = true }, "visit-1"));
            await transaction.CommitAsync();
            return result;
        }

        var (first, completed) = await CountAsync(CompleteLockedAsync);
        var (retry, replayed) = await CountAsync(CompleteLockedAsync);

        // The key's record is read in the round trip that locks the task, not in one of its own.
        Assert.Equal(2, first.Count);
        Assert.Contains("FROM workflows.commands", first[0], StringComparison.Ordinal);
        Assert.False(completed.Replayed);
        // The retry finds the first completion's record there and answers with it, writing nothing.
        Assert.Single(retry);
        Assert.True(replayed.Replayed);
        Assert.Equal(completed.OpenedTasks, replayed.OpenedTasks);
        Assert.Equal(["second"], await OpenTaskIdsAsync(started.InstanceId));
    }

    [Fact]
    public async Task A_task_is_locked_for_a_completion_only_inside_the_callers_transaction()
    {
        await Fixture.PublishAsync("steps", TwoSteps);
        var started = await StartAsync("steps");
        var task = await OpenTaskAsync(started.InstanceId, "first");
        await using var host = Fixture.NewHost();

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Engine.LockTaskAsync(task.Id));
        Assert.Equal(["first"], await OpenTaskIdsAsync(started.InstanceId));
    }

    /// <summary>The statements sent to this class's database while the command ran (the commit is not a command).</summary>
    private async Task<(List<string> Sent, T Result)> CountAsync<T>(Func<EngineHost, Task<T>> command)
    {
        var database = new NpgsqlConnectionStringBuilder(Fixture.ConnectionString).Database;
        var sent = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("db.namespace") ?? activity.GetTagItem("db.name"), database))
                {
                    sent.Enqueue((activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement"))?.ToString() ?? activity.DisplayName);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var host = Fixture.NewHost();
        var result = await command(host);
        return ([.. sent], result);
    }
}
