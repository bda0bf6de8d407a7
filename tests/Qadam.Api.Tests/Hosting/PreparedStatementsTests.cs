using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;

namespace Qadam.Api.Tests.Hosting;

/// <summary>
/// The API's queries are prepared on their connection after their second run, so PostgreSQL stops parsing and planning the
/// same query for every parent of the morning crowd; an operator who names Max Auto Prepare keeps their own value.
/// </summary>
public sealed class PreparedStatementsTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    [Fact]
    public async Task A_query_run_twice_on_the_api_s_connection_is_prepared_there()
    {
        _ = api.Server;
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                _ = await db.Organisations.AsNoTracking().Where(o => o.Code == "s1").Select(o => o.Id).ToListAsync();
            }

            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var prepared = new NpgsqlCommand(
                "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%organisations%'", connection);
            Assert.True((long)(await prepared.ExecuteScalarAsync())! >= 1, "the organisations query was not prepared on its connection");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public void An_operator_s_own_setting_is_kept_and_others_get_the_default()
    {
        const string Plain = "Host=db;Database=qadam;Username=qadam";

        var amended = new NpgsqlConnectionStringBuilder(PreparedStatements.Apply(Plain));
        var off = new NpgsqlConnectionStringBuilder(PreparedStatements.Apply(Plain + ";Max Auto Prepare=0"));

        Assert.Equal(PreparedStatements.MaxAutoPrepare, amended.MaxAutoPrepare);
        Assert.Equal("db", amended.Host);
        Assert.Equal(0, off.MaxAutoPrepare);
        Assert.Null(PreparedStatements.Apply(null));
    }
}
