using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Qadam.Workflows.Tests.Execution;

/// <summary>
/// The queries every engine node runs every second stay on their indexes as tables grow
/// (style.md 14): a sequential scan here would cost every node a full table read per pass.
/// </summary>
public sealed class HotQueryPlanTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private async Task<string> PlanAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("EXPLAIN " + sql, connection);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    [Fact]
    public async Task Timer_pickup_reads_the_due_at_index_not_the_whole_table()
    {
        await using (var db = fixture.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO workflows.timers (id, instance_id, token_id, element_id, due_at)
                SELECT gen_random_uuid(), gen_random_uuid(), 't1', 'wait', now() + (n || ' minutes')::interval
                FROM generate_series(1, 20000) AS n;
                ANALYZE workflows.timers;
                """);
        }

        var plan = await PlanAsync("SELECT * FROM workflows.timers WHERE due_at <= now() ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED");

        Assert.Contains("ix_timers_due_at", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Job_pickup_reads_the_stalled_due_at_index()
    {
        await using (var db = fixture.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO workflows.jobs (id, instance_id, token_id, element_id, activity, due_at, attempts, stalled)
                SELECT gen_random_uuid(), gen_random_uuid(), 't1', 'number', 'render-document', now() + (n || ' minutes')::interval, 0, n % 50 = 0
                FROM generate_series(1, 20000) AS n;
                ANALYZE workflows.jobs;
                """);
        }

        var plan = await PlanAsync("SELECT * FROM workflows.jobs WHERE NOT stalled AND due_at <= now() ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED");

        Assert.Contains("ix_jobs_stalled_due_at", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }
}
