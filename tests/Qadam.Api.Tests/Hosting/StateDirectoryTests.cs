using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Qadam.Api.Features.Identity;
using Qadam.Api.Tests.Features.Identity;
using Qadam.Testing;

namespace Qadam.Api.Tests.Hosting;

/// <summary>Two instances on two databases that share the default state directory each keep a working client secret.</summary>
public sealed class StateDirectoryTests : IAsyncLifetime
{
    private readonly TestDatabase _first = new();
    private readonly TestDatabase _second = new();
    private readonly string _state = Directory.CreateTempSubdirectory("qadam-shared-state-").FullName;

    public async Task InitializeAsync()
    {
        await _first.InitializeAsync();
        await _second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        Directory.Delete(_state, recursive: true);
    }

    [Fact]
    public async Task Each_instance_keeps_its_own_integration_secret_in_a_shared_state_directory()
    {
        await using var first = new SharedStateFactory(_first.ConnectionString, _state);
        _ = first.Server;
        await using var second = new SharedStateFactory(_second.ConnectionString, _state);
        _ = second.Server;

        foreach (var (api, connectionString) in new[] { (first, _first.ConnectionString), (second, _second.ConnectionString) })
        {
            var secret = await File.ReadAllTextAsync(OidcClients.SecretPath(_state, connectionString, OidcClients.RegionIntegration));
            using var client = api.CreateClient();
            using var token = await client.PostAsync("/connect/token", TokenTests.Form(("grant_type", "client_credentials"),
                ("client_id", OidcClients.RegionIntegration), ("client_secret", secret)));
            Assert.True(token.StatusCode == HttpStatusCode.OK, await token.Content.ReadAsStringAsync());
            Assert.NotNull((await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
        }
    }

    private sealed class SharedStateFactory(string connectionString, string state) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Qadam", connectionString);
            builder.UseSetting("Qadam:Demo", "true");
            builder.UseSetting("Qadam:StateDirectory", state);
            builder.UseSetting("Qadam:PublicOrigins:0", "http://localhost");
            builder.UseSetting("Qadam:WorkflowsDirectory", Directory.CreateTempSubdirectory("qadam-shared-workflows-").FullName);
        }
    }
}
