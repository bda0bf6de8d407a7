using System.Diagnostics;
using Npgsql;

namespace Qadam.Bench;

/// <summary>
/// What every benchmark needs of PostgreSQL: the server (<c>QADAM_BENCH_DB</c>, else <c>scripts/local-postgres</c>), a
/// scratch database made afresh, and plain SQL. Linked into each benchmark project (they are separate programs).
/// </summary>
internal static class BenchDatabase
{
    /// <summary>The admin connection string: <c>QADAM_BENCH_DB</c>, else the local PostgreSQL the scripts start.</summary>
    public static string Server()
    {
        if (Environment.GetEnvironmentVariable("QADAM_BENCH_DB") is { Length: > 0 } configured)
        {
            return configured;
        }

        var script = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../scripts/local-postgres"));
        using var process = Process.Start(new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }

    /// <summary>Drops and creates <paramref name="database"/>; its connection string.</summary>
    public static async Task<string> RecreateAsync(string server, string database)
    {
        // An autovacuum worker still summarising the last run's BRIN ranges (autosummarize) belongs to no role the bench may
        // signal, so FORCE is refused (42501) until it finishes: wait for it, up to a minute.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
                break;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 60)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }

        await ExecuteAsync(server, $"CREATE DATABASE {database}");
        return new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
