using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Qadam.Testing;

namespace Qadam.Browser.Tests;

/// <summary>
/// The API on a real loopback port (Kestrel) on a fresh database with demo users, and Debian's Chromium driven by
/// Playwright (never a downloaded browser). The built front-end (<c>src/Designer/dist</c>) is served at <c>/app/</c>
/// and <c>/signin-callback</c> of the API's own origin by the API itself (<c>Qadam:FrontEndDirectory</c>).
/// (Playwright's request routing cannot stand in: the browser follows OpenIddict's redirect to the callback itself.)
/// </summary>
public sealed class BrowserFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run",
    ];

    private readonly TestDatabase _database = new();
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private IPlaywright? _playwright;

    public int Port { get; } = FreePort();

    public string Origin => $"http://127.0.0.1:{Port}";

    public string StateDirectory { get; } = Path.Combine(Path.GetTempPath(), "qadam-browser-state-" + Guid.NewGuid().ToString("N")[..12]);

    public string WorkflowsDirectory { get; } = Directory.CreateTempSubdirectory("qadam-browser-workflows-").FullName;

    public IBrowser Browser { get; private set; } = null!;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string DistDirectory => Path.Combine(RepositoryRoot, "src", "Designer", "dist");

    public static string ScreenshotDirectory => Path.Combine(RepositoryRoot, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(DistDirectory, "index.html")))
        {
            throw new InvalidOperationException(
                $"The built front-end is missing ({DistDirectory}/index.html). Build it first: cd src/Designer && npm ci && npm run build " +
                "(scripts/test does this).");
        }

        await _database.InitializeAsync();
        // The repository's pathways are seeded at start (parent-application among them); the tests' own pathway's form sits beside
        // them with no manifest, so only FormCatalog reads it and the tests publish its BPMN themselves.
        CopyDirectory(Path.Combine(RepositoryRoot, "workflows"), WorkflowsDirectory);
        var forms = Directory.CreateDirectory(Path.Combine(WorkflowsDirectory, BrowserApplication.Key, "forms"));
        await File.WriteAllTextAsync(Path.Combine(forms.FullName, "review-application.form.json"), BrowserApplication.ReviewForm);
        UseKestrel(Port);
        StartServer();
        Directory.CreateDirectory(ScreenshotDirectory);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Qadam", _database.ConnectionString);
        builder.UseSetting("Qadam:Demo", "true");
        builder.UseSetting("Qadam:StateDirectory", StateDirectory);
        builder.UseSetting("Qadam:PublicOrigins:0", Origin);
        builder.UseSetting("Qadam:WorkflowsDirectory", WorkflowsDirectory);
        builder.UseSetting("Qadam:FrontEndDirectory", DistDirectory);
        // A demo district's transfer takes milliseconds; paced (one school a chunk, a pause after each), the officer's
        // screen can be seen running before it completes.
        builder.UseSetting("Qadam:MassTransfer:ChunkStudents", "1");
        builder.UseSetting("Qadam:MassTransfer:Parallelism", "1");
        builder.UseSetting("Qadam:MassTransfer:PauseBetweenChunks", "00:00:02");
    }

    /// <summary>
    /// A browser page on a fresh context, with the front-end served at /app/ and /signin-callback; a phone's or a
    /// laptop's viewport and any browser locale on demand. <paramref name="injectScripts"/> lets a test add axe-core
    /// as a script tag past the app's Content-Security-Policy (the app itself never needs it).
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 1440, int height = 900, string locale = "kk-KZ", bool injectScripts = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Origin,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            BypassCSP = injectScripts,
        });
        var page = await context.NewPageAsync();
        // The browser's console and uncaught errors go to artifacts/screenshots/browser-console.log, to read after a failure.
        var log = Path.Combine(ScreenshotDirectory, "browser-console.log");
        page.Console += (_, message) => AppendLog(log, $"{message.Type}: {message.Text}");
        page.PageError += (_, error) => AppendLog(log, $"pageerror: {error}");
        return page;
    }

    /// <summary>An access token of a demo user by the Demo profile's password grant, for arranging data over HTTP.</summary>
    public async Task<HttpClient> ClientForAsync(string userName)
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(Origin) };
        using var response = await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "demo-cli",
            ["username"] = userName,
            ["password"] = "demo",
            ["scope"] = "profile roles",
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"token for {userName}: {(int)response.StatusCode} {body}");
        var token = JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString();
        var client = new HttpClient { BaseAddress = new Uri(Origin) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Signs a demo user in through the API's sign-in page (code + PKCE) and waits for the app's header.</summary>
    public static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/app/");
        await page.Locator("#sign-in").ClickAsync();
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync("demo");
        await page.Locator("#password").PressAsync("Enter");
        await page.Locator("[data-testid='user-name']").WaitForAsync();
    }

    /// <summary>Publishes the tests' own pathway as version 1 (effective 2025-09-01) unless it exists.</summary>
    public async Task EnsureBrowserApplicationAsync()
    {
        await _publishing.WaitAsync();
        try
        {
            using var client = await ClientForAsync("legal.r1");
            using var existing = await client.GetAsync($"/api/definitions/{BrowserApplication.Key}/versions/1");
            if (existing.IsSuccessStatusCode)
            {
                return;
            }

            using var draft = await client.PostAsync($"/api/definitions/{BrowserApplication.Key}/drafts",
                new StringContent(BrowserApplication.Bpmn, Encoding.UTF8, "application/xml"));
            Assert.True(draft.IsSuccessStatusCode, await draft.Content.ReadAsStringAsync());
            using var publish = await client.PostAsJsonAsync($"/api/definitions/{BrowserApplication.Key}/versions/1/publish", new
            {
                effectiveFrom = "2025-09-01",
                legalBasis = new { act = BrowserApplication.Act, edition = "2025-103", paragraph = "Прил. 2" },
            });
            Assert.True(publish.IsSuccessStatusCode, await publish.Content.ReadAsStringAsync());
        }
        finally
        {
            _publishing.Release();
        }
    }

    public static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"{name}.png"), FullPage = true });

    private static void AppendLog(string path, string line)
    {
        lock (ChromiumArgs)
        {
            File.AppendAllText(path, $"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {line}{Environment.NewLine}");
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Qadam.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Qadam.slnx not found above " + AppContext.BaseDirectory);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        _publishing.Dispose();
        await DisposeAsync();
        await _database.DisposeAsync();
        if (Directory.Exists(StateDirectory))
        {
            Directory.Delete(StateDirectory, recursive: true);
        }

        Directory.Delete(WorkflowsDirectory, recursive: true);
    }
}
