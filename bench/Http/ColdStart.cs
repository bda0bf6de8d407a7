using System.Globalization;

namespace Qadam.Bench.Http;

/// <summary>
/// Cold start as an operator meets it after a deployment or a node restart: the API process started afresh (Production
/// profile, a database already migrated and seeded by an earlier start) and timed from <c>Process.Start</c> to the first
/// 200 on <c>/health</c>, with its resident memory at that moment. The first start, on an empty database, is reported
/// apart: it applies the migrations and loads the pathways.
/// </summary>
internal static class ColdStart
{
    public static async Task<int> RunAsync(string connectionString, string scratch, int starts, IReadOnlyDictionary<string, string>? settings)
    {
        var state = Directory.CreateDirectory(Path.Combine(scratch, "state")).FullName;
        var times = new List<double>();
        var memory = new List<double>();
        var cpu = new List<double>();
        for (var i = 0; i <= starts; i++)
        {
            var (api, started) = await ApiServer.StartAsync(connectionString, state, 5181, Path.Combine(scratch, $"api-{i}.log"), settings);
            await using (api)
            {
                // CPU time is what the start costs the machine; on a shared machine the wall time mostly measures the others.
                var (rss, _) = api.MemoryMb();
                var used = api.CpuTime().TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"start {i}{(i == 0 ? " (empty database)" : string.Empty)}: /health 200 after {started.TotalSeconds:F2} s, API CPU {used:F2} s, RSS {rss:F0} MB"));
                if (i > 0)
                {
                    times.Add(started.TotalSeconds);
                    memory.Add(rss);
                    cpu.Add(used);
                }
            }
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| cold start to /health (migrated database) | {starts} starts | median {times[times.Count / 2]:F2} s | min {times[0]:F2} s | max {times[^1]:F2} s | API CPU median {cpu.Order().ElementAt(cpu.Count / 2):F2} s | RSS median {memory.Order().ElementAt(memory.Count / 2):F0} MB |"));
        return 0;
    }
}
