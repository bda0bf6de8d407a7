using System.Diagnostics;

namespace Qadam.Api.Tests.Hosting;

/// <summary>Runs the built API as its own process, as an operator would, with a broken configuration.</summary>
public sealed class StartupFailureTests
{
    [Theory]
    [InlineData("Host=127.0.0.1;Port=1;Username=nobody;Password=x;Database=nowhere;Timeout=3", "Cannot use PostgreSQL at 127.0.0.1:1/nowhere")]
    [InlineData("Hots=127.0.0.1", "The connection string 'Qadam' is malformed")]
    [InlineData("", "No connection string 'Qadam' is configured")]
    public async Task Start_with_a_wrong_connection_string_exits_non_zero_with_one_line_naming_the_problem(
        string connectionString, string expected)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Qadam.Api.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ConnectionStrings__Qadam"] = connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Qadam__Signatures__TrustedRoots__0"] = TrustedRootFile.Create();

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var all = (await output) + (await error);

        Assert.NotEqual(0, process.ExitCode);
        var lines = all.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var problem = Assert.Single(lines, l => l.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
        Assert.Contains("\"@l\":\"Fatal\"", problem, StringComparison.Ordinal);
    }
}
