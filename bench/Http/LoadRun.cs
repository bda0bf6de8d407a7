using System.Diagnostics;

namespace Qadam.Bench.Http;

/// <summary>What one scenario measured: rate, latency percentiles, errors and CPU per request on both sides.</summary>
internal sealed record LoadResult(
    string Name, int Connections, long Requests, long Errors, TimeSpan Elapsed, double P50, double P95, double P99,
    double ApiCpuMsPerRequest, double ClientCpuMsPerRequest, string? FirstError)
{
    public double PerSecond => Requests / Elapsed.TotalSeconds;
}

/// <summary>
/// A closed-loop load generator on <see cref="SocketsHttpHandler"/>: <c>connections</c> workers, each with a request in
/// flight at all times on its own connection, until the time is up or the work runs out. A non-2xx answer, a timeout or a
/// broken connection is an error.
/// </summary>
internal static class LoadRun
{
    public static HttpClient Client(Uri address, int connections) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            AllowAutoRedirect = false,
        })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(10),
        };

    public static Task<LoadResult> RunAsync(
        string name, ApiServer api, HttpClient client, int connections, TimeSpan duration, Func<long, HttpRequestMessage?> next) =>
        RunAsync(name, [api], client, connections, duration, next);

    /// <summary>The same against several API processes (nodes behind a proxy): their CPU time is added up.</summary>
    public static async Task<LoadResult> RunAsync(
        string name, IReadOnlyList<ApiServer> apis, HttpClient client, int connections, TimeSpan duration, Func<long, HttpRequestMessage?> next)
    {
        using var self = Process.GetCurrentProcess();
        TimeSpan ApiCpu() => apis.Aggregate(TimeSpan.Zero, (sum, api) => sum + api.CpuTime());
        var apiCpu = ApiCpu();
        var clientCpu = self.TotalProcessorTime;
        var sequence = -1L;
        var errors = 0L;
        string? firstError = null;
        var latencies = new List<double>[connections];
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(async worker =>
        {
            var mine = latencies[worker] = new List<double>(4096);
            while (watch.Elapsed < duration)
            {
                using var request = next(Interlocked.Increment(ref sequence));
                if (request is null)
                {
                    break;
                }

                var started = Stopwatch.GetTimestamp();
                string? error;
                try
                {
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                    error = response.IsSuccessStatusCode
                        ? null
                        : $"{(int)response.StatusCode} {request.Method} {request.RequestUri}: {await response.Content.ReadAsStringAsync()}";
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    error = $"{request.Method} {request.RequestUri}: {ex.GetType().Name} {ex.Message}";
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (error is not null)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, error.Length > 300 ? error[..300] : error, null);
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        watch.Stop();
        self.Refresh();
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var count = all.Length;
        double Percentile(double p) => count == 0 ? double.NaN : all[Math.Min(count - 1, (int)Math.Ceiling(p * count) - 1)];
        return new LoadResult(
            name, connections, count, errors, watch.Elapsed, Percentile(0.50), Percentile(0.95), Percentile(0.99),
            count == 0 ? double.NaN : (ApiCpu() - apiCpu).TotalMilliseconds / count,
            count == 0 ? double.NaN : (self.TotalProcessorTime - clientCpu).TotalMilliseconds / count,
            firstError);
    }
}
