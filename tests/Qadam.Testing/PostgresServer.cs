using System.Diagnostics;
using Testcontainers.PostgreSql;

namespace Qadam.Testing;

/// <summary>
/// The PostgreSQL server the tests run on, found once per test assembly (docs/style.md 13):
/// <c>QADAM_TEST_DB</c> when set; else the machine's own PostgreSQL, started by
/// <c>scripts/local-postgres</c>; else a Testcontainers container when a Docker engine answers.
/// </summary>
public static class PostgresServer
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _connectionString;
    private static PostgreSqlContainer? _container;

    /// <summary>A connection string to a database on the server whose role may create databases.</summary>
    public static async Task<string> GetConnectionStringAsync()
    {
        if (_connectionString is not null)
        {
            return _connectionString;
        }

        await Gate.WaitAsync();
        try
        {
            _connectionString ??= await ResolveAsync();
            return _connectionString;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> ResolveAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("QADAM_TEST_DB");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        var problems = new List<string>();
        var local = await TryLocalPostgresAsync(problems);
        if (local is not null)
        {
            return local;
        }

        try
        {
            _container = new PostgreSqlBuilder("postgres:15").Build();
            await _container.StartAsync();
            return _container.GetConnectionString();
        }
        catch (Exception ex)
        {
            problems.Add("Testcontainers: " + ex.Message);
        }

        throw new InvalidOperationException(
            "No PostgreSQL for the tests. Set QADAM_TEST_DB to a connection string whose role may create databases. Tried: "
            + string.Join("; ", problems));
    }

    private static async Task<string?> TryLocalPostgresAsync(List<string> problems)
    {
        var script = FindRepositoryFile("scripts/local-postgres");
        if (script is null)
        {
            problems.Add("scripts/local-postgres not found above " + AppContext.BaseDirectory);
            return null;
        }

        var start = new ProcessStartInfo("bash", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            problems.Add("scripts/local-postgres: " + (await error).Trim());
            return null;
        }

        return (await output).Trim();
    }

    /// <summary>Finds a file by its path relative to the repository root, walking up from the test binaries.</summary>
    public static string? FindRepositoryFile(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
