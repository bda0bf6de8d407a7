using System.Globalization;
using System.Text.RegularExpressions;

namespace Qadam.Bench.Http;

/// <summary>
/// Cold start as an operator meets it after a deployment or a node restart: the API process started afresh (Production
/// profile, a database already migrated and seeded by an earlier start) and timed from <c>Process.Start</c> to the first
/// 200 on <c>/health</c>, with its CPU time and resident memory at that moment. The first start, on an empty database, is
/// reported apart: it applies the migrations and loads the pathways.
/// </summary>
/// <remarks>
/// Several builds of the API (<see cref="Variant"/>: this project's own build, a ReadyToRun publish, runtime settings such
/// as <c>DOTNET_TieredPGO=0</c>) are started in turn within each round, so a shared machine's load falls on all of them alike.
/// </remarks>
internal static partial class ColdStart
{
    /// <summary>A build of the API and the environment it starts with; <paramref name="Dll"/> null is this project's build.</summary>
    public sealed record Variant(string Label, string? Dll, IReadOnlyDictionary<string, string> Environment)
    {
        /// <summary><c>label=path/to/Qadam.Api.dll[,NAME=VALUE...]</c>; an empty path is this project's build.</summary>
        public static Variant Parse(string text)
        {
            var (label, rest) = text.IndexOf('=', StringComparison.Ordinal) is var at and > 0 ? (text[..at], text[(at + 1)..]) : (text, string.Empty);
            var parts = rest.Split(',', StringSplitOptions.RemoveEmptyEntries);
            var dll = parts.Length > 0 && !parts[0].Contains('=', StringComparison.Ordinal) ? Path.GetFullPath(parts[0]) : null;
            var environment = parts.Where(p => p.Contains('=', StringComparison.Ordinal))
                .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
            return new Variant(label, dll, environment);
        }
    }

    private sealed record Sample(double Wall, double Cpu, double Rss, string Phases);

    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string> connectionStrings, string scratch, int starts, IReadOnlyList<Variant> variants, int port)
    {
        var state = Directory.CreateDirectory(Path.Combine(scratch, "state")).FullName;
        var samples = variants.ToDictionary(v => v.Label, _ => new List<Sample>(), StringComparer.Ordinal);
        for (var round = 0; round <= starts; round++)
        {
            foreach (var variant in variants)
            {
                var log = Path.Combine(scratch, $"api-{variant.Label}-{round}.log");
                double used, rss;
                TimeSpan started;
                {
                    var (api, took) = await ApiServer.StartAsync(connectionStrings[variant.Label], state, port, log, variant.Environment, variant.Dll);
                    await using (api)
                    {
                        // CPU time is what the start costs the machine; on a shared machine the wall time mostly measures the others.
                        started = took;
                        (rss, _) = api.MemoryMb();
                        used = api.CpuTime().TotalSeconds;
                    }
                }

                var phases = Phases(log);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round}{(round == 0 ? " (first start of this build)" : string.Empty)}, {variant.Label}: /health 200 after {started.TotalSeconds:F2} s, API CPU {used:F2} s, RSS {rss:F0} MB; {phases}"));
                if (round > 0)
                {
                    samples[variant.Label].Add(new Sample(started.TotalSeconds, used, rss, phases));
                }
            }
        }

        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine("| build | wall to /health, median (min-max) | API CPU to /health, median | RSS at /health, median |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var variant in variants)
        {
            var list = samples[variant.Label];
            var wall = list.Select(s => s.Wall).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {variant.Label} | {Median(wall):F2} s ({wall[0]:F2}-{wall[^1]:F2}) | {Median(list.Select(s => s.Cpu)):F2} s | {Median(list.Select(s => s.Rss)):F0} MB |"));
        }

        return 0;

        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted[sorted.Count / 2];
        }
    }

    /// <summary>The phases the API's ready line names (StartupChecks), from its compact JSON log.</summary>
    private static string Phases(string logFile)
    {
        foreach (var line in File.ReadLines(logFile))
        {
            if (line.Contains("MigrationsMs", StringComparison.Ordinal))
            {
                var values = ReadyFields().Matches(line).Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value}");
                return string.Join(", ", values);
            }
        }

        return "no ready line";
    }

    [GeneratedRegex("\"(HostMs|MigrationsMs|AccountsMs|PathwaysMs)\":(\\d+)")]
    private static partial Regex ReadyFields();
}
