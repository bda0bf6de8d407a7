using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Qadam.Api.Tests.Hosting;

/// <summary>
/// A scratch PostgreSQL 15 primary and a hot standby made from it with <c>pg_basebackup -R</c>
/// (https://www.postgresql.org/docs/15/hot-standby.html), each on a free port of 127.0.0.1, in a temporary folder,
/// torn down on dispose. PostgreSQL refuses to run as root, so as root the clusters run as the <c>postgres</c> user
/// (as scripts/local-postgres does).
/// </summary>
internal sealed class ScratchReplication : IAsyncDisposable
{
    public const string Binaries = "/usr/lib/postgresql/15/bin";

    private readonly string _folder;
    private readonly int _primaryPort;
    private readonly int _standbyPort;
    private bool _standbyRunning;

    private ScratchReplication(string folder, int primaryPort, int standbyPort)
    {
        _folder = folder;
        _primaryPort = primaryPort;
        _standbyPort = standbyPort;
    }

    public static bool Available => File.Exists(Path.Combine(Binaries, "initdb")) && File.Exists(Path.Combine(Binaries, "pg_basebackup"));

    public string PrimaryConnectionString => ConnectionString(_primaryPort);

    public string StandbyConnectionString => ConnectionString(_standbyPort);

    private string Primary => Path.Combine(_folder, "primary");

    private string Standby => Path.Combine(_folder, "standby");

    public static async Task<ScratchReplication> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("qadam-replica-").FullName;
        var clusters = new ScratchReplication(folder, FreePort(), FreePort());
        try
        {
            await clusters.StartPrimaryAsync();
            await clusters.StartStandbyAsync();
            return clusters;
        }
        catch
        {
            await clusters.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the standby at once, as a replica lost to a crash.</summary>
    public async Task StopStandbyAsync()
    {
        await RunAsync("pg_ctl", "stop", "-D", Standby, "-m", "immediate", "-w");
        _standbyRunning = false;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_standbyRunning)
        {
            await RunAsync("pg_ctl", "stop", "-D", Standby, "-m", "immediate", "-w", "--timeout=20");
        }

        if (File.Exists(Path.Combine(Primary, "postmaster.pid")))
        {
            await RunAsync("pg_ctl", "stop", "-D", Primary, "-m", "immediate", "-w", "--timeout=20");
        }

        Directory.Delete(_folder, recursive: true);
    }

    private async Task StartPrimaryAsync()
    {
        if (IsRoot)
        {
            await RunProcessAsync("chown", "postgres:postgres", _folder);
        }

        await RunAsync("initdb", "-D", Primary, "-U", "qadam", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        // Replication settings for a hot standby; fsync off because the clusters live only for the test.
        await AppendAsync(Path.Combine(Primary, "postgresql.conf"), $"""

            port = {_primaryPort}
            listen_addresses = '127.0.0.1'
            unix_socket_directories = '{_folder}'
            wal_level = replica
            max_wal_senders = 4
            hot_standby = on
            fsync = off
            """);
        await RunAsync("pg_ctl", "start", "-D", Primary, "-w", "-l", Path.Combine(_folder, "primary.log"));
        await using var admin = new NpgsqlConnection(ConnectionString(_primaryPort, "postgres"));
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand("CREATE DATABASE qadam", admin);
        await create.ExecuteNonQueryAsync();
    }

    // A fast checkpoint: the default spread one makes pg_basebackup wait minutes after CREATE DATABASE.
    private async Task StartStandbyAsync()
    {
        await RunAsync("pg_basebackup", "-h", "127.0.0.1", "-p", _primaryPort.ToString(CultureInfo), "-U", "qadam", "-D", Standby, "-R", "-X", "stream", "-c", "fast");
        await AppendAsync(Path.Combine(Standby, "postgresql.conf"), $"""

            port = {_standbyPort}
            """);
        await RunAsync("pg_ctl", "start", "-D", Standby, "-w", "-l", Path.Combine(_folder, "standby.log"));
        _standbyRunning = true;
    }

    private static System.Globalization.CultureInfo CultureInfo => System.Globalization.CultureInfo.InvariantCulture;

    private static string ConnectionString(int port, string database = "qadam") =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "qadam", Database = database }.ConnectionString;

    private static bool IsRoot => Environment.UserName == "root";

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task AppendAsync(string file, string text)
    {
        await File.AppendAllTextAsync(file, text);
    }

    private static Task RunAsync(string binary, params string[] arguments) =>
        IsRoot
            ? RunProcessAsync("runuser", ["-u", "postgres", "--", Path.Combine(Binaries, binary), .. arguments])
            : RunProcessAsync(Path.Combine(Binaries, binary), arguments);

    private static async Task RunProcessAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)}: exit {process.ExitCode}\n{await output}\n{await error}");
        }
    }
}
