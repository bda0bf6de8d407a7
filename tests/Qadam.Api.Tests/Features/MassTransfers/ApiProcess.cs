using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Qadam.Api.Tests.Features.MassTransfers;

/// <summary>
/// The built API run as its own operating-system process on a test database, with the repository's workflows/, so a test
/// can kill it as a crash would (SIGKILL: no shutdown hooks, open transactions cut) and start it again.
/// </summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ApiProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    /// <summary>Everything the process logged so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<ApiProcess> StartAsync(string connectionString, string stateDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "Qadam.Api.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ConnectionStrings__Qadam"] = connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Qadam__StateDirectory"] = stateDirectory;
        start.Environment["Qadam__WorkflowsDirectory"] = Path.Combine(EndToEnd.WorkflowsApiFactory.RepositoryRoot(), "workflows");
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var api = new ApiProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        using var client = new HttpClient { BaseAddress = api.Address };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (api._process.HasExited)
            {
                throw new InvalidOperationException("The API exited at start:\n" + api.Output);
            }

            try
            {
                using var health = await client.GetAsync("/health");
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return api;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        await api.DisposeAsync();
        throw new TimeoutException("The API did not become healthy in 90 s:\n" + api.Output);
    }

    /// <summary>Kills the process at once, as a power cut or an OOM kill would.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
