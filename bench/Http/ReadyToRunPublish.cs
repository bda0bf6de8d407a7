using System.Diagnostics;

namespace Qadam.Bench.Http;

/// <summary>
/// The API as it is deployed: <c>dotnet publish src/Api -c Release -r linux-x64</c>, which the API's csproj makes a
/// ReadyToRun publish (precompiled code, so a restart JITs far less). The cold-start benchmark times it beside this
/// project's own build, which runs on JIT alone.
/// </summary>
internal static class ReadyToRunPublish
{
    public static async Task<string> PublishAsync(string outputDirectory)
    {
        var apiProject = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Api/Qadam.Api.csproj"));
        var start = new ProcessStartInfo("dotnet",
            ["publish", apiProject, "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-o", outputDirectory, "-v", "quiet", "-nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var publish = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start");
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):\n{await output}\n{await errors}");
        }

        return Path.Combine(outputDirectory, "Qadam.Api.dll");
    }
}
