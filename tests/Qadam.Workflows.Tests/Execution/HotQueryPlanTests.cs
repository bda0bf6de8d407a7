using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Persistence;

namespace Qadam.Workflows.Tests.Execution;

/// <summary>
/// The queries every engine node runs every second stay on their indexes as tables grow (docs/style.md 14): a
/// sequential scan here would cost every node a full table read per pass. Each test runs the engine's own pickup (the
/// statement and parameters it sends are captured as they go to PostgreSQL) and explains that statement, so a change
/// to the engine's SQL is a change to what is tested.
/// </summary>
public sealed class HotQueryPlanTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task Timer_pickup_reads_the_due_at_index_not_the_whole_table()
    {
        await FillAsync("""
            INSERT INTO workflows.timers (id, instance_id, token_id, element_id, due_at)
            SELECT gen_random_uuid(), gen_random_uuid(), 't1', 'wait', now() + (n || ' minutes')::interval
            FROM generate_series(1, 20000) AS n;
            ANALYZE workflows.timers;
            """);

        var plan = await PlanOfPickupAsync(db => new EngineHost(db, fixture.Clock, []).Engine.FireDueTimersAsync());

        Assert.Contains("ix_timers_due_at", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Job_pickup_reads_the_stalled_due_at_index()
    {
        await FillAsync("""
            INSERT INTO workflows.jobs (id, instance_id, token_id, element_id, activity, due_at, attempts, stalled)
            SELECT gen_random_uuid(), gen_random_uuid(), 't1', 'number', 'render-document', now() + (n || ' minutes')::interval, 0,
                   n % 50 = 0
            FROM generate_series(1, 20000) AS n;
            ANALYZE workflows.jobs;
            """);

        var plan = await PlanOfPickupAsync(db => new EngineHost(db, fixture.Clock, []).Engine.RunDueJobsAsync());

        Assert.Contains("ix_jobs_stalled_due_at", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }

    private async Task FillAsync(string sql)
    {
        await using var db = fixture.NewContext();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    /// <summary>Runs one pickup of the engine on a context that records its SKIP LOCKED statement, then explains it.</summary>
    private async Task<string> PlanOfPickupAsync(Func<WorkflowsDbContext, Task<int>> pickup)
    {
        var recorder = new PickupRecorder();
        var options = new DbContextOptionsBuilder<WorkflowsDbContext>();
        WorkflowsDbContext.Configure(options, fixture.ConnectionString);
        options.AddInterceptors(recorder);
        await using (var db = new WorkflowsDbContext(options.Options))
        {
            Assert.Equal(0, await pickup(db));
        }

        var statement = Assert.Single(recorder.Statements);
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN " + statement.CommandText, connection);
        explain.Parameters.AddRange(statement.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()).ToArray());
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    /// <summary>Keeps a copy of each claiming statement the engine sends, with its parameters.</summary>
    private sealed class PickupRecorder : DbCommandInterceptor
    {
        public List<NpgsqlCommand> Statements { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command,
            CommandEventData eventData,
            InterceptionResult<DbDataReader> result,
            CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Record(command);
            return base.ReaderExecuting(command, eventData, result);
        }

        private void Record(DbCommand command)
        {
            if (command.CommandText.Contains("SKIP LOCKED", StringComparison.Ordinal))
            {
                Statements.Add(((NpgsqlCommand)command).Clone());
            }
        }
    }
}
