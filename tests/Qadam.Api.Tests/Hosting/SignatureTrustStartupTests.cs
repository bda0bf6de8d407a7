using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Tests.Features.MassTransfers;
using Qadam.Documents.Pki;
using Qadam.Documents.Signatures;
using Qadam.Testing;

namespace Qadam.Api.Tests.Hosting;

/// <summary>
/// Whom signatures are verified against comes from configuration (Qadam:Signatures:TrustedRoots); Production does not start
/// trusting the demo certificate authority, whose root key lies in the server's own state directory.
/// </summary>
public sealed class SignatureTrustStartupTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Production_without_configured_roots_refuses_to_start_and_names_the_setting()
    {
        var (exitCode, output) = await RunToExitAsync(new Dictionary<string, string>());

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(output.Split('\n'), l => l.Contains("demo certificate authority in Production", StringComparison.Ordinal));
        Assert.Contains("Qadam:Signatures:TrustedRoots", line, StringComparison.Ordinal);
        Assert.Contains("\"@l\":\"Fatal\"", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_the_demo_root_configured_as_a_file_refuses_too()
    {
        var state = Directory.CreateTempSubdirectory("qadam-trust-demo-file-").FullName;
        using var pki = DemoPki.LoadOrCreate(Path.Combine(state, "pki"));
        var demoRoot = Path.Combine(state, "demo-root.cer");
        await File.WriteAllBytesAsync(demoRoot, pki.RootCertificate.RawData);

        var (exitCode, output) = await RunToExitAsync(new Dictionary<string, string>
        {
            ["Qadam__Signatures__TrustedRoots__0"] = demoRoot,
        }, state);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("demo certificate authority in Production", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_path_without_a_certificate_stops_start_up_naming_the_path()
    {
        var missing = Path.Combine(Path.GetTempPath(), "qadam-no-such-root-" + Guid.NewGuid().ToString("N"), "root_gost_2022.cer");

        var (exitCode, output) = await RunToExitAsync(new Dictionary<string, string>
        {
            ["Qadam__Signatures__TrustedRoots__0"] = missing,
        });

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(output.Split('\n'), l => l.Contains("Refusing to start: Qadam:Signatures:TrustedRoots", StringComparison.Ordinal));
        Assert.Contains("root_gost_2022.cer", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_configured_roots_starts()
    {
        var state = Directory.CreateTempSubdirectory("qadam-trust-configured-").FullName;
        await using var api = await ApiProcess.StartAsync(database.ConnectionString, state, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Qadam__Signatures__TrustedRoots__0"] = Path.GetDirectoryName(TrustedRootFile.Create())!,
        });

        Assert.DoesNotContain("Refusing to start", api.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_configured_roots_are_what_signatures_are_verified_against_and_the_demo_root_is_not()
    {
        var production = new ProductionApiFactory();
        await ((IAsyncLifetime)production).InitializeAsync();
        try
        {
            using var client = production.CreateClient();
            var roots = production.Services.GetRequiredService<SignatureVerifier>().Trust.Roots;
            var demo = production.Services.GetRequiredService<DemoPki>();

            Assert.Contains(roots, r => r.Subject.Contains("ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (TEST)", StringComparison.Ordinal));
            Assert.DoesNotContain(roots, r => r.Thumbprint == demo.RootCertificate.Thumbprint);
            // and NCALayer's GOST signatures (GOST R 34.10-2015 512, GOST 34.310-2004) are verified, not reported unsupported
            var algorithms = production.Services.GetServices<ISignatureAlgorithmVerifier>().ToList();
            Assert.Contains(algorithms, a => a.CanVerify("1.2.398.3.10.1.1.2.3.2"));
            Assert.Contains(algorithms, a => a.CanVerify("1.2.398.3.10.1.1.1.2"));
        }
        finally
        {
            await ((IAsyncLifetime)production).DisposeAsync();
        }
    }

    private async Task<(int ExitCode, string Output)> RunToExitAsync(IReadOnlyDictionary<string, string> settings, string? state = null)
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
        start.Environment["Qadam__StateDirectory"] = state ?? Directory.CreateTempSubdirectory("qadam-trust-refused-").FullName;
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await output) + (await error));
    }
}
