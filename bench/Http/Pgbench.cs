using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Qadam.Bench.Http;

/// <summary>
/// pgbench (PostgreSQL's own client) on the same server in the same run: select-only (<c>-S</c>) and TPC-B, so each
/// HTTP figure can be read against what this machine's PostgreSQL does at that moment of the run.
/// </summary>
internal sealed partial class Pgbench(string connectionString, int clients, int seconds)
{
    private readonly NpgsqlConnectionStringBuilder server = new(connectionString);

    public void Initialise() => Run("-i", "-q", "-s", "10");

    public (double SelectOnly, double TpcB) Measure()
    {
        if (seconds <= 0)
        {
            return (double.NaN, double.NaN);
        }

        var c = clients.ToString(CultureInfo.InvariantCulture);
        var t = seconds.ToString(CultureInfo.InvariantCulture);
        return (Tps(Run("-S", "-c", c, "-j", "2", "-T", t)), Tps(Run("-c", c, "-j", "2", "-T", t)));
    }

    private static double Tps(string output)
    {
        var match = TpsLine().Match(output);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
    }

    private string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("pgbench",
            ["-h", server.Host!, "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", server.Username!, .. arguments, server.Database!])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PGPASSWORD"] = server.Password ?? string.Empty;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output + error.Result;
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsLine();
}
