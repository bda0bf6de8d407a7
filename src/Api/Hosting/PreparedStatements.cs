using System.Collections.Concurrent;
using Npgsql;

namespace Qadam.Api.Hosting;

/// <summary>
/// Npgsql prepares a statement on its physical connection once the statement has run twice there, so PostgreSQL parses and
/// plans each of the API's fixed-shape queries once per connection instead of once per request
/// (https://www.npgsql.org/doc/prepare.html#automatic-preparation). Measured on the HTTP benchmark, one run each on a quiet
/// machine: parent crowd 1,596 → 1,761 reads/s, filings 181 → 228/s (bench/Http/README.md). A connection string that names
/// <c>Max Auto Prepare</c> keeps its own value: 0 turns this off (a pooler that cannot keep prepared statements, such as
/// PgBouncer in transaction mode before 1.21).
/// </summary>
internal static class PreparedStatements
{
    public const int MaxAutoPrepare = 64;

    // Keyed by the configured string: there are one or two (primary, replica) in a process.
    private static readonly ConcurrentDictionary<string, string> Amended = new(StringComparer.Ordinal);

    public static string? Apply(string? connectionString) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? connectionString
            : Amended.GetOrAdd(connectionString, static configured =>
                configured.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)
                    ? configured
                    : new NpgsqlConnectionStringBuilder(configured) { MaxAutoPrepare = MaxAutoPrepare, AutoPrepareMinUsages = 2 }.ConnectionString);
}
