using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Qadam.Bench;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Persistence;
using Qadam.Workflows;
using Qadam.Workflows.Versions;

// Engine benchmark (issue 3): instance starts and task completions per second through the engine
// API (no HTTP), journal on, on PostgreSQL; then pgbench TPC-B on the same server in the same run,
// so the figures can be read as a ratio to what this machine's PostgreSQL does.
//   dotnet run -c Release --project bench/Engine -- [instances=20000] [concurrency=8] [pgbench-seconds=15]
var instances = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
var pgbenchSeconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 15;
// "pooled": the engine as AddQadamWorkflows(connectionString) registers it for a host of its own (pooled contexts, a DI
// scope per command). "fresh": a new context per command, as the API builds one per request on the connection it
// shares with its own rows.
var contexts = args.Length > 3 ? args[3] : "pooled";
if (contexts is not ("pooled" or "fresh"))
{
    Console.Error.WriteLine("contexts is 'pooled' or 'fresh'");
    return 2;
}

var connectionString = new NpgsqlConnectionStringBuilder(await BenchDatabase.RecreateAsync(BenchDatabase.Server(), "qadam_bench_engine"))
{
    MaxPoolSize = concurrency * 2,
}.ConnectionString;

WorkflowsDbContext NewContext()
{
    var options = new DbContextOptionsBuilder<WorkflowsDbContext>();
    WorkflowsDbContext.Configure(options, connectionString);
    return new WorkflowsDbContext(options.Options);
}

var registry = new ActivityRegistry([]);
// "fresh" as the API wires it: a context per command, one definition cache per process.
var definitions = new DefinitionCache();
await using var host = new ServiceCollection().AddLogging().AddQadamWorkflows(connectionString).BuildServiceProvider();
await using (var db = NewContext())
{
    await db.Database.MigrateAsync();
    var store = new DefinitionStore(db, registry, TimeProvider.System, definitions: definitions);
    var draft = await store.SaveDraftAsync(DefinitionKind.Bpmn, "bench", """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:qadam="http://qadam.kz/schema/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="bench" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="apply" qadam:candidateRoles="clerk" qadam:formKey="application" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="apply" />
            <bpmn:sequenceFlow id="f2" sourceRef="apply" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """, "bench");
    await store.PublishAsync("bench", draft.Version, new DateOnly(2020, 1, 1), new LegalBasis("bench", null, null), "bench");
}

var actor = new Actor("clerk.s1", "clerk", "s1");
var filed = new DateOnly(2025, 9, 1);

// Warm-up: JIT and tiered compilation of EF Core and Npgsql take a few thousand commands; measuring
// before that would report the compiler, not the engine.
await RunParallel(Math.Min(instances, 3000), async (engine, _) =>
    await engine.StartAsync(new StartProcess("bench", filed, actor, new JsonObject { ["organisation"] = "s1" })));

// CPU and allocations of this process per command beside the rate: on a 2-core machine shared with PostgreSQL the client's
// CPU caps the rate, and the bytes allocated do not move with what else the machine is doing.
using var self = Process.GetCurrentProcess();
var startCpu = self.TotalProcessorTime;
var startAllocated = GC.GetTotalAllocatedBytes();
var startWatch = Stopwatch.StartNew();
await RunParallel(instances, async (engine, i) =>
    await engine.StartAsync(new StartProcess("bench", filed, actor, new JsonObject { ["organisation"] = "s1", ["n"] = i }, "case-" + i)));
startWatch.Stop();
self.Refresh();
var startCpuMs = (self.TotalProcessorTime - startCpu).TotalMilliseconds;
var startKb = (GC.GetTotalAllocatedBytes() - startAllocated) / 1024.0;

List<Guid> taskIds;
await using (var db = NewContext())
{
    taskIds = await db.Tasks.Where(t => t.Status == Qadam.Workflows.Execution.UserTaskStatus.Open).Select(t => t.Id).ToListAsync();
}

self.Refresh();
var completeCpu = self.TotalProcessorTime;
var completeAllocated = GC.GetTotalAllocatedBytes();
var completeWatch = Stopwatch.StartNew();
await RunParallel(taskIds.Count, async (engine, i) =>
    await engine.CompleteTaskAsync(new CompleteTask(taskIds[i], actor, new JsonObject { ["decision"] = "approve" })));
completeWatch.Stop();
self.Refresh();
var completeCpuMs = (self.TotalProcessorTime - completeCpu).TotalMilliseconds;
var completeKb = (GC.GetTotalAllocatedBytes() - completeAllocated) / 1024.0;

long journalRows;
await using (var db = NewContext())
{
    journalRows = await db.Journal.LongCountAsync();
}

var startsPerSecond = instances / startWatch.Elapsed.TotalSeconds;
var completionsPerSecond = taskIds.Count / completeWatch.Elapsed.TotalSeconds;
var tps = RunPgbench(connectionString, concurrency, pgbenchSeconds);

Console.WriteLine();
Console.WriteLine($"Engine benchmark on {Environment.ProcessorCount} cores, {concurrency} concurrent commands, {contexts} contexts, journal on ({journalRows:N0} journal rows)");
Console.WriteLine($"  starts:       {instances,8:N0} in {startWatch.Elapsed.TotalSeconds,6:F1} s = {startsPerSecond,8:N0} /s"
                  + $" ({startCpuMs / instances:F2} ms CPU, {startKb / instances:F0} KB allocated each in this process)");
Console.WriteLine($"  completions:  {taskIds.Count,8:N0} in {completeWatch.Elapsed.TotalSeconds,6:F1} s = {completionsPerSecond,8:N0} /s"
                  + $" ({completeCpuMs / taskIds.Count:F2} ms CPU, {completeKb / taskIds.Count:F0} KB allocated each in this process)");
Console.WriteLine($"  pgbench TPC-B (scale 10, {concurrency} clients, {pgbenchSeconds} s): {tps:N0} tps");
Console.WriteLine($"  ratio: one start = {tps / startsPerSecond:F2} TPC-B transactions; one completion = {tps / completionsPerSecond:F2}");
return 0;

async Task RunParallel(int count, Func<ProcessEngine, int, Task> command)
{
    var next = -1;
    var workers = Enumerable.Range(0, concurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            if (contexts == "pooled")
            {
                await using var scope = host.CreateAsyncScope();
                await command(scope.ServiceProvider.GetRequiredService<ProcessEngine>(), i);
            }
            else
            {
                await using var db = NewContext();
                await command(new ProcessEngine(db, registry, TimeProvider.System, NullLogger<ProcessEngine>.Instance, definitions: definitions), i);
            }
        }
    });
    await Task.WhenAll(workers);
}

static double RunPgbench(string connectionString, int clients, int seconds)
{
    var b = new NpgsqlConnectionStringBuilder(connectionString);
    var environment = new Dictionary<string, string> { ["PGPASSWORD"] = b.Password ?? string.Empty };
    string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("pgbench", ["-h", b.Host!, "-p", b.Port.ToString(CultureInfo.InvariantCulture), "-U", b.Username!, .. arguments, b.Database!])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (k, v) in environment)
        {
            start.Environment[k] = v;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    Run("-i", "-q", "-s", "10");
    var result = Run("-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", seconds.ToString(CultureInfo.InvariantCulture));
    var match = Regex.Match(result, @"tps = ([0-9.]+) \(without initial connection time\)");
    return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
}
