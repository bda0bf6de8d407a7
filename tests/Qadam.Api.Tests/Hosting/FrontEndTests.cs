using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Qadam.Api.Tests.Hosting;

/// <summary>The built front-end is served from the API's own port, so one command serves everything.</summary>
public sealed class FrontEndTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>, IDisposable
{
    private readonly string _dist = Directory.CreateTempSubdirectory("qadam-dist-").FullName;

    public void Dispose() => Directory.Delete(_dist, recursive: true);

    [Fact]
    public async Task The_app_its_client_routes_and_the_sign_in_callback_get_the_front_end_and_the_root_redirects_to_it()
    {
        await File.WriteAllTextAsync(Path.Combine(_dist, "index.html"), "<!doctype html><title>Qadam</title>");
        Directory.CreateDirectory(Path.Combine(_dist, "assets"));
        await File.WriteAllTextAsync(Path.Combine(_dist, "assets", "main.js"), "console.log('qadam')");
        using var factory = api.WithWebHostBuilder(b => b.UseSetting("Qadam:FrontEndDirectory", _dist));
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var root = await client.GetAsync("/");
        var script = await client.GetStringAsync("/app/assets/main.js");
        var route = await client.GetStringAsync("/app/cases/42");
        var callback = await client.GetStringAsync("/signin-callback?code=x&state=y");

        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/app/", root.Headers.Location?.ToString());
        Assert.Equal("console.log('qadam')", script);
        Assert.Contains("<title>Qadam</title>", route, StringComparison.Ordinal);
        Assert.Contains("<title>Qadam</title>", callback, StringComparison.Ordinal);
    }
}
