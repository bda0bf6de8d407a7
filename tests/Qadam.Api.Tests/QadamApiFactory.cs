using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Qadam.Testing;

namespace Qadam.Api.Tests;

/// <summary>
/// The API under test on its own fresh database, in the Development environment (demo data on), with its own
/// state directory for keys and client secrets so tests never touch the developer's.
/// </summary>
public class QadamApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);

    public string ConnectionString => _database.ConnectionString;

    public string StateDirectory { get; } = Path.Combine(Path.GetTempPath(), "qadam-test-state-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The <c>workflows/</c> folder of this API (forms under <c>*/forms/*.form.json</c>); tests write forms into it.</summary>
    public string WorkflowsDirectory { get; } = Directory.CreateTempSubdirectory("qadam-test-workflows-").FullName;

    protected virtual string EnvironmentName => "Development";

    protected virtual bool Demo => true;

    /// <summary>Certificate files trusted as signature roots (Qadam:Signatures:TrustedRoots); none: the demo CA.</summary>
    protected virtual IReadOnlyList<string> TrustedRoots => [];

    public async Task InitializeAsync() => await _database.InitializeAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("ConnectionStrings:Qadam", _database.ConnectionString);
        builder.UseSetting("Qadam:Demo", Demo ? "true" : "false");
        builder.UseSetting("Qadam:StateDirectory", StateDirectory);
        builder.UseSetting("Qadam:PublicOrigins:0", "http://localhost");
        builder.UseSetting("Qadam:PublicOrigins:1", "https://localhost");
        builder.UseSetting("Qadam:MaxRosterBytes", "200000");
        builder.UseSetting("Qadam:WorkflowsDirectory", WorkflowsDirectory);
        for (var i = 0; i < TrustedRoots.Count; i++)
        {
            builder.UseSetting($"Qadam:Signatures:TrustedRoots:{i}", TrustedRoots[i]);
        }
    }

    /// <summary>
    /// The tests of rules assert the handlers' own (developer, English) wording, asked for as a script would; what a
    /// person reads in Kazakh and Russian is asserted where it is asked for (ProblemLanguageTests).
    /// </summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
    }

    /// <summary>An access token for a demo user, by the password grant (cached per user for the class).</summary>
    public async Task<string> TokenForAsync(string userName)
    {
        if (_tokens.TryGetValue(userName, out var cached))
        {
            return cached;
        }

        using var client = CreateClient();
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "demo-cli",
            ["username"] = userName,
            ["password"] = "demo",
            ["scope"] = "profile roles",
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"token for {userName}: {(int)response.StatusCode} {body}");
        var token = JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
        _tokens[userName] = token;
        return token;
    }

    /// <summary>A client that sends a demo user's bearer token.</summary>
    public async Task<HttpClient> ClientForAsync(string userName)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenForAsync(userName));
        return client;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _database.DisposeAsync();
        if (Directory.Exists(StateDirectory))
        {
            Directory.Delete(StateDirectory, recursive: true);
        }

        Directory.Delete(WorkflowsDirectory, recursive: true);
    }
}

/// <summary>The API as in production: Demo off, keys generated in the state directory, HTTPS required, a configured signature root.</summary>
public sealed class ProductionApiFactory : QadamApiFactory
{
    private readonly string _root = Hosting.TrustedRootFile.Create();

    public ProductionApiFactory()
    {
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    protected override string EnvironmentName => "Production";

    protected override bool Demo => false;

    protected override IReadOnlyList<string> TrustedRoots => [_root];
}
