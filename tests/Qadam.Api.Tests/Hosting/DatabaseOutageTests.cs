using System.Net;
using Npgsql;

namespace Qadam.Api.Tests.Hosting;

/// <summary>A database that stops taking connections makes the API answer 503 with Retry-After, not 500.</summary>
public sealed class DatabaseOutageTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    [Fact]
    public async Task A_database_outage_is_a_503_problem_with_Retry_After()
    {
        using var clerk = await api.ClientForAsync("clerk.s1");
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/api/cases")).StatusCode);

        var database = new NpgsqlConnectionStringBuilder(api.ConnectionString).Database!;
        var admin = new NpgsqlConnectionStringBuilder(api.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await ExecuteAsync(admin, $"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS false");
        await ExecuteAsync(admin, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()");
        NpgsqlConnection.ClearAllPools();
        try
        {
            using var response = await clerk.GetAsync("/api/cases");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
        }
        finally
        {
            await ExecuteAsync(admin, $"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS true");
        }

        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/api/cases")).StatusCode);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
