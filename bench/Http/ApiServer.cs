using System.Diagnostics;
using System.Globalization;

namespace Qadam.Bench.Http;

/// <summary>
/// The API as an operator runs it: its own process (<c>dotnet Qadam.Api.dll</c>), the Production profile, the default log
/// level (Information, compact JSON to standard output, kept in a file here as journald would keep it), a scratch database
/// and state directory. Its CPU time and peak RSS are read from <c>/proc</c> (proc(5): utime + stime, VmHWM).
/// </summary>
internal sealed class ApiServer : IAsyncDisposable
{
    private static readonly long TicksPerSecond = 100; // sysconf(_SC_CLK_TCK) on Linux

    private readonly Process process;
    private readonly Task logCopy;

    private ApiServer(Process process, Task logCopy, Uri address)
    {
        this.process = process;
        this.logCopy = logCopy;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => process.Id;

    public static async Task<(ApiServer Server, TimeSpan Started)> StartAsync(
        string connectionString, string stateDirectory, int port, string logFile, IReadOnlyDictionary<string, string>? settings = null,
        string? apiDll = null)
    {
        var apiDirectory = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Api"));
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
        // Another build of the API (a ReadyToRun publish, say) runs from the same working directory: the same appsettings and workflows/.
        // QADAM_BENCH_API_DLL: the same for a whole HTTP run (an earlier build, to compare before and after).
        var dll = apiDll ?? (Environment.GetEnvironmentVariable("QADAM_BENCH_API_DLL") is { Length: > 0 } chosen
            ? Path.GetFullPath(chosen)
            : Path.Combine(apiDirectory, "bin", configuration, "net10.0", "Qadam.Api.dll"));
        var address = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = apiDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = address.AbsoluteUri.TrimEnd('/');
        start.Environment["ConnectionStrings__Qadam"] = connectionString;
        start.Environment["Qadam__StateDirectory"] = stateDirectory;
        start.Environment["Qadam__PublicOrigins__0"] = address.AbsoluteUri.TrimEnd('/');
        // Production refuses to trust the demo certificate authority (SignatureTrustGuard); the benchmark signs nothing, so a
        // throwaway root stands in for the NCA RK certificates an operator configures.
        start.Environment["Qadam__Signatures__TrustedRoots__0"] = StandInRoot(stateDirectory);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var watch = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        var log = new StreamWriter(logFile) { AutoFlush = false };
        var logCopy = CopyAll(process, log);
        var server = new ApiServer(process, logCopy, address);
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The API stopped with exit code {process.ExitCode}; see {logFile}");
            }

            try
            {
                using var health = await client.GetAsync("/health");
                if (health.IsSuccessStatusCode)
                {
                    return (server, watch.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (watch.Elapsed > TimeSpan.FromMinutes(3))
            {
                throw new TimeoutException($"The API did not answer /health within 3 minutes; see {logFile}");
            }

            await Task.Delay(50);
        }

        // The file is complete once the process has gone: the cold-start benchmark reads the ready line from it.
        static async Task CopyAll(Process process, StreamWriter log)
        {
            await Task.WhenAll(Copy(process.StandardOutput, log), Copy(process.StandardError, log));
            await log.DisposeAsync();
        }

        static async Task Copy(StreamReader from, StreamWriter to)
        {
            var buffer = new char[16384];
            int read;
            while ((read = await from.ReadAsync(buffer)) > 0)
            {
                lock (to)
                {
                    to.Write(buffer, 0, read);
                }
            }
        }
    }

    private static string StandInRoot(string stateDirectory)
    {
        var path = Path.Combine(stateDirectory, "..", "bench-trusted-root.pem");
        if (!File.Exists(path))
        {
            using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
                "CN=Qadam benchmark stand-in root", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new System.Security.Cryptography.X509Certificates.X509BasicConstraintsExtension(true, false, 0, true));
            using var root = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllText(path, root.ExportCertificatePem());
        }

        return Path.GetFullPath(path);
    }

    /// <summary>User + system CPU time of the API process so far.</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");
        // Fields after the command name (which may hold spaces) start after the last ')'; utime and stime are fields 14 and 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / (double)TicksPerSecond);
    }

    /// <summary>Resident set size now and its peak (VmRSS, VmHWM), in MB.</summary>
    public (double Now, double Peak) MemoryMb()
    {
        double now = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                now = Kb(line) / 1024.0;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kb(line) / 1024.0;
            }
        }

        return (now, peak);

        static double Kb(string line) => double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    /// <summary>SIGKILL, as a crashed or unplugged node: no shutdown, no flush, in-flight requests cut.</summary>
    public void KillHard() => process.Kill();

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        await logCopy;
        process.Dispose();
    }
}
