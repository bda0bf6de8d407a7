using Npgsql;
using Xunit;

namespace Qadam.Testing;

/// <summary>
/// A fresh, empty database for one test class (use as <c>IClassFixture&lt;TestDatabase&gt;</c>),
/// so test classes run in parallel without seeing each other's rows. Dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    private string? _adminConnectionString;

    /// <summary>Connection string to this class's own database.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    public string Name { get; } = "qadam_t_" + Guid.NewGuid().ToString("N")[..16];

    public async Task InitializeAsync()
    {
        _adminConnectionString = await PostgresServer.GetConnectionStringAsync();
        await using (var admin = new NpgsqlConnection(_adminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = Name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_adminConnectionString is null)
        {
            return;
        }

        // Pooled connections of this class's database are useless once it is gone.
        await using (var own = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(own);
        }

        await using var admin = new NpgsqlConnection(_adminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                // An autovacuum worker (a superuser process) is in the database; FORCE may not end it, but it ends soon.
                await Task.Delay(250);
            }
        }
    }
}
