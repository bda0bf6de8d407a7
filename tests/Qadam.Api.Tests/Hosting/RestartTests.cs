using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Qadam.Api.Features.Identity;

namespace Qadam.Api.Tests.Hosting;

public sealed class RestartTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    [Fact]
    public async Task A_second_start_on_the_same_database_does_not_rerun_migrations_or_reseed()
    {
        // Regression: with the role named like the schema (qadam), the unqualified history table resolved to an
        // empty qadam.__EFMigrationsHistory on the second start, which then failed with "organisations already exists".
        _ = api.Server;
        var secretBefore = await File.ReadAllTextAsync(OidcClients.SecretPath(api.StateDirectory, api.ConnectionString, OidcClients.RegionIntegration));

        await using var second = new SameDatabase(api.ConnectionString, api.StateDirectory);
        using var client = second.CreateClient();
        using var health = await client.GetAsync("/health");

        Assert.True(health.IsSuccessStatusCode);
        var organisations = await client.GetFromJsonAsync<List<Qadam.Api.Features.Organisations.OrganisationResponse>>("/api/organisations");
        Assert.Single(organisations!, o => o.Code == "s1");
        Assert.Equal(secretBefore, await File.ReadAllTextAsync(OidcClients.SecretPath(api.StateDirectory, api.ConnectionString, OidcClients.RegionIntegration)));
    }

    [Fact]
    public async Task A_restart_at_a_moved_address_signs_in_back_there_and_one_at_the_same_address_rewrites_nothing()
    {
        _ = api.Server;
        var (urisBefore, tokenBefore) = await WebClientAsync();

        await using (var same = new SameDatabase(api.ConnectionString, api.StateDirectory, "http://localhost", "https://localhost"))
        {
            _ = same.Server;
        }

        Assert.Equal((urisBefore, tokenBefore), await WebClientAsync());

        await using (var moved = new SameDatabase(api.ConnectionString, api.StateDirectory, "https://qadam.example.kz", "https://localhost"))
        {
            _ = moved.Server;
        }

        var (urisAfter, tokenAfter) = await WebClientAsync();
        Assert.Contains("https://qadam.example.kz/signin-callback", urisAfter, StringComparison.Ordinal);
        Assert.NotEqual(tokenBefore, tokenAfter);
    }

    private async Task<(string RedirectUris, string ConcurrencyToken)> WebClientAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT redirect_uris, concurrency_token FROM qadam.oidc_applications WHERE client_id = @id", connection);
        command.Parameters.AddWithValue("id", OidcClients.Web);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetString(1));
    }

    private sealed class SameDatabase(string connectionString, string stateDirectory, params string[] origins) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Qadam", connectionString);
            builder.UseSetting("Qadam:StateDirectory", stateDirectory);
            for (var i = 0; i < origins.Length; i++)
            {
                builder.UseSetting($"Qadam:PublicOrigins:{i}", origins[i]);
            }
        }
    }
}
