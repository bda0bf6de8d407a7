using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using Qadam.Bench;
using Qadam.Bench.Http;

// HTTP benchmark: the API in its own process (Production profile), driven from this one over loopback HTTP, each scenario
// followed by pgbench select-only and TPC-B on the same PostgreSQL in the same run.
//   dotnet run -c Release --project bench/Http -- [parents=10000] [connections=200] [seconds=10] [filings=2000] [pgbench-seconds=5]
// Scenarios, in the order they run: case filings by clerks (for every (parents / filings)-th parent's child); the 07:00
// parent crowd (each request a different parent of `parents`, alternating their cases and their notices); staff inboxes (500 clerks); task completions (each client on its
// own open task, the first step of the cases just filed, with an Idempotency-Key).
//   dotnet run -c Release --project bench/Http -- cold-start [starts=5] [label=path/to/Qadam.Api.dll[,NAME=VALUE...] ...]
// times N starts of the API process to its first 200 on /health (after one start that migrates the scratch database); with
// no further builds named, this project's build (JIT) and a ReadyToRun publish of the API (as deployed) in turn.
// QADAM_BENCH_INSTANCE=N: a run of its own beside others on the same machine (database, scratch folder and port suffixed by N).
var instance = Environment.GetEnvironmentVariable("QADAM_BENCH_INSTANCE") is { Length: > 0 } n ? int.Parse(n, CultureInfo.InvariantCulture) : 0;
var suffix = instance == 0 ? string.Empty : $"_{instance}";
if (args.Length > 0 && args[0] == "cold-start")
{
    var coldScratch = Path.Combine(Path.GetTempPath(), "qadam-bench-cold-start" + suffix.Replace('_', '-'));
    if (Directory.Exists(coldScratch))
    {
        Directory.Delete(coldScratch, recursive: true);
    }

    // Further arguments are other builds to start in turn with this one: label=path/to/Qadam.Api.dll[,NAME=VALUE...]. Each
    // has a database of its own: the seed fingerprint holds the build's module id, so builds sharing one would reseed each other.
    // By default this project's build (JIT) and the API as deployed (a ReadyToRun publish, made here first).
    var variants = new List<ColdStart.Variant> { new("build", null, new Dictionary<string, string>()) };
    variants.AddRange(args.Skip(2).Select(ColdStart.Variant.Parse));
    if (args.Length <= 2)
    {
        Console.WriteLine("Publishing the API for linux-x64 (ReadyToRun) ...");
        var published = await ReadyToRunPublish.PublishAsync(Path.Combine(Path.GetTempPath(), "qadam-bench-r2r" + suffix.Replace('_', '-')));
        variants.Add(new ColdStart.Variant("ready-to-run publish", published, new Dictionary<string, string>()));
    }

    var coldDatabases = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var v = 0; v < variants.Count; v++)
    {
        coldDatabases[variants[v].Label] = await BenchDatabase.RecreateAsync(
            BenchDatabase.Server(), (v == 0 ? "qadam_bench_cold_start" : $"qadam_bench_cold_start_{v}") + suffix);
    }

    return await ColdStart.RunAsync(coldDatabases, coldScratch, args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5, variants, 5181 + (10 * instance));
}

var parents = Argument(0, 10_000);
var connections = Argument(1, 200);
var seconds = Argument(2, 10);
var filings = Argument(3, 2_000);
var pgbenchSeconds = Argument(4, 5);
const int Clerks = 500;
const int Schools = 50;
// Filings and completions made before each is measured (QADAM_BENCH_WARMUP): enough that the JIT has stopped tiering up
// the write path's code (see bench/Http/README.md, "Session 13"); 200 measured the first minutes after a start instead.
var warmUp = int.Parse(Environment.GetEnvironmentVariable("QADAM_BENCH_WARMUP") ?? "200", CultureInfo.InvariantCulture);
// The server's access tokens are signed JWTs for the API's audience (RFC 9068); this must follow IdentityServiceCollectionExtensions.
const bool ServerEncryptsAccessTokens = false;
const string? Audience = "qadam-api";

var loadAverage = File.ReadAllText("/proc/loadavg").Split(' ')[..3];
var connectionString = await BenchDatabase.RecreateAsync(BenchDatabase.Server(), "qadam_bench_http" + suffix);
var scratch = Path.Combine(Path.GetTempPath(), "qadam-bench-http" + suffix.Replace('_', '-'));
if (Directory.Exists(scratch))
{
    Directory.Delete(scratch, recursive: true);
}

var state = Directory.CreateDirectory(Path.Combine(scratch, "state")).FullName;
var logFile = Path.Combine(scratch, "api.log");
// PostgreSQL allows 100 connections here, shared with pgbench and everything else on the machine; under 200 concurrent
// requests Npgsql's default pool (100) would take them all and the surplus fail. An operator sizes the pool the same way.
var apiConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 30 }.ConnectionString;
var (api, firstStart) = await ApiServer.StartAsync(apiConnectionString, state, 5180 + (10 * instance), logFile);
await using var running = api;
Console.WriteLine($"API (pid {api.ProcessId}) answered /health {firstStart.TotalSeconds:F1} s after its start (empty database: migrations, pathways)");

var seedWatch = Stopwatch.StartNew();
// The measured filings are for children of the crowd, the warm-up's for students after them (see Filed below).
var filedStudents = Math.Max(parents, filings);
var population = await BenchPopulation.SeedAsync(connectionString, filedStudents + warmUp, Clerks, Schools);
Console.WriteLine($"Seeded {population.Parents.Count:N0} students with a parent each and {Clerks} clerks in {Schools} schools in {seedWatch.Elapsed.TotalSeconds:F1} s");

var tokenWatch = Stopwatch.StartNew();
// One signer per thread: an RSA key object is not documented as safe to share between threads.
using var signers = new ThreadLocal<AccessTokens>(() => new AccessTokens(state, api.Address, ServerEncryptsAccessTokens, Audience));
var parentTokens = population.Parents.Take(parents).AsParallel().AsOrdered().Select(p => signers.Value!.For(p)).ToArray();
var clerkTokens = population.Clerks.AsParallel().AsOrdered().Select(c => signers.Value!.For(c)).ToArray();
var tokens = signers.Value!;
Console.WriteLine($"Issued {parentTokens.Length + clerkTokens.Length:N0} access tokens ({(tokens.Encrypted ? "JWE" : "JWS")}) in {tokenWatch.Elapsed.TotalSeconds:F1} s");

var pgbench = new Pgbench(connectionString, 16, pgbenchSeconds);
pgbench.Initialise();

using var client = LoadRun.Client(api.Address, connections);
var results = new List<(LoadResult Result, (double SelectOnly, double TpcB) Pgbench)>();
var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(5)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

// The measured filings are for every (parents / filings)-th child of the crowd, so the crowd reads parents with a case
// (children, cases, the engine's tasks and timers, documents) among those without, evenly spread; the warm-up's filings are
// for students after the crowd, outside every measured set. (Before 2026-12-07 the measured filings were outside the crowd
// too, and the crowd never read a case.)
int Filed(int filing) => filings <= parents ? (int)((long)filing * parents / filings) : filing;

HttpRequestMessage? Filing(int student)
{
    var (iin, school) = population.Students[student];
    var clerk = school + (Schools * (student / Schools % (Clerks / Schools)));
    return Authorised(HttpMethod.Post, "/api/cases", clerkTokens[clerk],
        $$"""{"pathway":"parent-application","studentIin":"{{iin}}","ground":"parent","filedOn":"{{today}}","language":"kk"}""",
        "file-" + iin);
}

await LoadRun.RunAsync("warm-up", api, client, Math.Min(connections, 50), TimeSpan.FromMinutes(3),
    i => i < warmUp ? Filing(filedStudents + (int)i) : null);
await Measure("(4) case filings", TimeSpan.FromMinutes(5), i => i < filings ? Filing(Filed((int)i)) : null);

await LoadRun.RunAsync("warm-up", api, client, connections, TimeSpan.FromSeconds(2), ParentRead);
await Measure("(1) parent crowd", TimeSpan.FromSeconds(seconds), ParentRead);

HttpRequestMessage Inbox(long i) => Authorised(HttpMethod.Get, "/api/tasks", clerkTokens[i % Clerks]);
await LoadRun.RunAsync("warm-up", api, client, connections, TimeSpan.FromSeconds(2), Inbox);
await Measure("(2) staff inboxes", TimeSpan.FromSeconds(seconds), Inbox);

// QADAM_BENCH_PROFILE=folder: after the measured runs (so their figures are not the profilers'), the parents' case list and
// the inbox each run again for `seconds` under dotnet-trace (thread-time samples) and dotnet-counters (runtime, Npgsql,
// ASP.NET Core), from QADAM_BENCH_TOOLS (where `dotnet tool install --tool-path` put them; PATH otherwise).
if (Environment.GetEnvironmentVariable("QADAM_BENCH_PROFILE") is { Length: > 0 } profiles)
{
    Directory.CreateDirectory(profiles);
    await Profile("parent-cases", i => Authorised(HttpMethod.Get, "/api/parents/me/cases", parentTokens[i % parents]));
    await Profile("inbox", Inbox);
    // Filings for the parents' own students (the crowd is measured, and they have no case yet), then completions of
    // exactly the tasks those filings opened, so the measured completions below keep their own tasks.
    var profileStart = DateTimeOffset.UtcNow;
    await Profile("filings", i => i < parents ? Filing((int)i) : null);
    var profileOpen = await OpenTasksAsync(profileStart);
    await Profile("completions", i => i < profileOpen.Count ? CompletionOf(profileOpen, (int)i) : null);

    async Task Profile(string name, Func<long, HttpRequestMessage?> next)
    {
        var tools = Environment.GetEnvironmentVariable("QADAM_BENCH_TOOLS") ?? string.Empty;
        var duration = TimeSpan.FromSeconds(seconds).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
        using var trace = Process.Start(Path.Combine(tools, "dotnet-trace"),
            ["collect", "-p", api.ProcessId.ToString(CultureInfo.InvariantCulture), "--profile", "dotnet-sampled-thread-time",
             "--duration", duration, "-o", Path.Combine(profiles, name + ".nettrace")]);
        using var counters = Process.Start(Path.Combine(tools, "dotnet-counters"),
            ["collect", "-p", api.ProcessId.ToString(CultureInfo.InvariantCulture), "--counters", "System.Runtime,Npgsql,Microsoft.AspNetCore.Hosting",
             "--format", "csv", "--refresh-interval", "1", "--duration", duration, "-o", Path.Combine(profiles, name + ".counters.csv")]);
        await Task.Delay(TimeSpan.FromSeconds(2)); // the sessions attach
        var result = await LoadRun.RunAsync("profile " + name, api, client, connections, TimeSpan.FromSeconds(seconds - 2), next);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"profile {name}: {result.PerSecond:N0}/s, API CPU {result.ApiCpuMsPerRequest:F2} ms/request under the profilers; {profiles}/{name}.*"));
        await trace!.WaitForExitAsync();
        await counters!.WaitForExitAsync();
    }
}

var open = await OpenTasksAsync(null);

// The first step of each case filed (since `since`, when given), oldest first.
async Task<List<(Guid Id, string School)>> OpenTasksAsync(DateTimeOffset? since)
{
    var tasks = new List<(Guid Id, string School)>();
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(
        "SELECT id, organisation FROM workflows.tasks WHERE element_id = 'exclusionCheck' AND lower(status) = 'open'"
        + " AND ($1::timestamptz IS NULL OR created_at >= $1) ORDER BY created_at",
        connection);
    command.Parameters.Add(new NpgsqlParameter { Value = since.HasValue ? since.Value : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        tasks.Add((reader.GetGuid(0), reader.GetString(1)));
    }

    return tasks;
}

HttpRequestMessage? Completion(int index) => index < open.Count ? CompletionOf(open, index) : null;

HttpRequestMessage CompletionOf(List<(Guid Id, string School)> tasks, int index)
{
    var (id, school) = tasks[index];
    var clerk = int.Parse(school["bench-s".Length..], CultureInfo.InvariantCulture) + (Schools * (index % (Clerks / Schools)));
    return Authorised(HttpMethod.Post, $"/api/tasks/{id}/complete", clerkTokens[clerk],
        """{"data":{"departsAbroad":false,"destination":"Астана"}}""", "complete-" + id);
}

await LoadRun.RunAsync("warm-up", api, client, Math.Min(connections, 50), TimeSpan.FromMinutes(3), i => i < warmUp ? Completion((int)i) : null);
await Measure("(3) task completions", TimeSpan.FromMinutes(5), i => Completion(warmUp + (int)i));

var (rss, peak) = api.MemoryMb();
Console.WriteLine();
Console.WriteLine($"HTTP benchmark, {Environment.ProcessorCount} cores, load average {string.Join(' ', loadAverage)} at the start; "
                  + $"API in Production profile, log level Information (log: {logFile}); {parents:N0} parents, {Clerks} clerks, "
                  + $"access tokens {(tokens.Encrypted ? "JWE (RSA-OAEP + A256CBC-HS512)" : "JWS (RS256)")}");
Console.WriteLine("| scenario | connections | requests | requests/s | p50 ms | p95 ms | p99 ms | errors | API CPU ms/request | client CPU ms/request | pgbench -S tps | pgbench TPC-B tps |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
foreach (var (r, pg) in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {r.Name} | {r.Connections} | {r.Requests:N0} | {r.PerSecond:N0} | {r.P50:F1} | {r.P95:F1} | {r.P99:F1} | {r.Errors} | {r.ApiCpuMsPerRequest:F2} | {r.ClientCpuMsPerRequest:F2} | {pg.SelectOnly:N0} | {pg.TpcB:N0} |"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"API RSS {rss:F0} MB at the end, peak {peak:F0} MB"));
foreach (var (r, _) in results.Where(r => r.Result.FirstError is not null))
{
    Console.WriteLine($"first error of {r.Name}: {r.FirstError}");
}

return results.Sum(r => r.Result.Errors) == 0 ? 0 : 1;

HttpRequestMessage ParentRead(long i) => Authorised(
    HttpMethod.Get, i % 2 == 0 ? "/api/parents/me/cases" : "/api/parents/me/notifications", parentTokens[i / 2 % parents]);

async Task Measure(string name, TimeSpan duration, Func<long, HttpRequestMessage?> next)
{
    var result = await LoadRun.RunAsync(name, api, client, connections, duration, next);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name}: {result.Requests:N0} in {result.Elapsed.TotalSeconds:F1} s = {result.PerSecond:N0}/s, p50 {result.P50:F1} ms, p99 {result.P99:F1} ms, {result.Errors} errors"));
    results.Add((result, pgbench.Measure()));
}

static HttpRequestMessage Authorised(HttpMethod method, string path, string token, string? json = null, string? idempotencyKey = null)
{
    var request = new HttpRequestMessage(method, path);
    request.Headers.Authorization = new("Bearer", token);
    if (json is not null)
    {
        request.Content = new StringContent(json, Encoding.UTF8, "application/json");
    }

    if (idempotencyKey is not null)
    {
        request.Headers.Add("Idempotency-Key", idempotencyKey);
    }

    return request;
}

int Argument(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
