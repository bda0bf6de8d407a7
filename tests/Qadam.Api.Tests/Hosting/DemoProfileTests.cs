using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Duende.IdentityModel.OidcClient.Browser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Features.Identity;
using Qadam.Api.Persistence;
using Qadam.Api.Tests.Features.Identity;
using Qadam.Api.Tests.Features.MassTransfers;
using Qadam.Testing;

namespace Qadam.Api.Tests.Hosting;

/// <summary>
/// The Demo profile publishes its passwords (README): Production refuses it unless told on purpose, and once the profile is
/// off the demo accounts no longer sign in through the web sign-in page.
/// </summary>
public sealed class DemoProfileTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Production_with_the_demo_profile_refuses_to_start_and_names_the_override()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Qadam.Api.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ConnectionStrings__Qadam"] = database.ConnectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Qadam__Demo"] = "true";
        start.Environment["Qadam__StateDirectory"] = Directory.CreateTempSubdirectory("qadam-demo-refused-").FullName;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var all = (await output) + (await error);

        Assert.NotEqual(0, process.ExitCode);
        var line = Assert.Single(all.Split('\n'), l => l.Contains("Refusing to start: Qadam:Demo is true in Production", StringComparison.Ordinal));
        Assert.Contains("Qadam:AllowDemoInProduction", line, StringComparison.Ordinal);
        Assert.Contains("\"@l\":\"Fatal\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_the_explicit_override_starts_and_says_so_in_a_critical_line()
    {
        var state = Directory.CreateTempSubdirectory("qadam-demo-override-").FullName;
        await using var api = await ApiProcess.StartAsync(database.ConnectionString, state, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Qadam__Demo"] = "true",
            ["Qadam__AllowDemoInProduction"] = "true",
        });

        var line = Assert.Single(api.Output.Split('\n'), l => l.Contains("DEMO PROFILE IN PRODUCTION", StringComparison.Ordinal));
        Assert.Contains("\"@l\":\"Fatal\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_users_cannot_sign_in_once_the_demo_profile_is_off_and_may_again_when_it_is_back_on()
    {
        var state = Directory.CreateTempSubdirectory("qadam-demo-switch-").FullName;
        await using (var demo = new DemoSwitchFactory(database.ConnectionString, state, demo: true))
        {
            Assert.True(await SignsInAsync(demo, "admin.mon"), "admin.mon signs in with the Demo profile on");
        }

        await using (var off = new DemoSwitchFactory(database.ConnectionString, state, demo: false))
        {
            var browser = new SignInPageBrowser(off, "admin.mon", "demo");
            Assert.False(await SignsInAsync(off, browser), "admin.mon still signs in with the published password");
            Assert.False(await SignsInAsync(off, "clerk.s1"), "clerk.s1 still signs in with the published password");
            await using var scope = off.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
            var demoNames = Qadam.Api.Hosting.DemoData.Users().Select(u => u.UserName).ToList();
            Assert.Equal(demoNames.Count, await db.Users.CountAsync(u => demoNames.Contains(u.UserName!) && u.LockoutEnd == DateTimeOffset.MaxValue));
            Assert.Equal(demoNames.Count, await db.UserClaims.CountAsync(c => c.ClaimType == DemoAccounts.MarkerClaim));
        }

        await using (var again = new DemoSwitchFactory(database.ConnectionString, state, demo: true))
        {
            Assert.True(await SignsInAsync(again, "admin.mon"), "admin.mon signs in once the Demo profile is back on");
        }
    }

    private static Task<bool> SignsInAsync(WebApplicationFactory<Program> api, string userName) =>
        SignsInAsync(api, new SignInPageBrowser(api, userName, "demo"));

    /// <summary>Walks the web sign-in (authorize, sign-in page, back to the callback with a code) as a browser does.</summary>
    private static async Task<bool> SignsInAsync(WebApplicationFactory<Program> api, SignInPageBrowser browser)
    {
        _ = api.Server;
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var start = "http://localhost/connect/authorize?client_id=qadam-web&response_type=code&scope=openid%20profile"
                    + "&redirect_uri=http%3A%2F%2Flocalhost%2Fsignin-callback&state=s&code_challenge_method=S256&code_challenge=" + challenge;
        var result = await browser.InvokeAsync(new BrowserOptions(start, "http://localhost/signin-callback"));
        return result.ResultType == BrowserResultType.Success && result.Response.Contains("code=", StringComparison.Ordinal);
    }

    private sealed class DemoSwitchFactory(string connectionString, string stateDirectory, bool demo) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Qadam", connectionString);
            builder.UseSetting("Qadam:Demo", demo ? "true" : "false");
            builder.UseSetting("Qadam:StateDirectory", stateDirectory);
            builder.UseSetting("Qadam:PublicOrigins:0", "http://localhost");
            builder.UseSetting("Qadam:WorkflowsDirectory", Directory.CreateTempSubdirectory("qadam-demo-workflows-").FullName);
        }
    }
}
