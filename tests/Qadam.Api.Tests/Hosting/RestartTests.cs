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

    private sealed class SameDatabase(string connectionString, string stateDirectory) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Qadam", connectionString);
            builder.UseSetting("Qadam:StateDirectory", stateDirectory);
        }
    }
}
