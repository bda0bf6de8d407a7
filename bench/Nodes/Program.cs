using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Npgsql;
using Qadam.Bench;
using Qadam.Bench.Http;
using Qadam.Bench.Nodes;

// Several nodes: three API processes (Production profile) on one PostgreSQL behind nginx, sharing one state directory (token
// signing keys, Data Protection keys); a node is killed with SIGKILL while clients complete tasks through nginx, retrying
// with the same Idempotency-Key; then the database must show every completion once and every timer fired once.
//   dotnet run -c Release --project bench/Nodes -- [tasks=600] [clients=50] [timers=200] [read-seconds=10]
var taskCount = Argument(0, 600);
var clients = Argument(1, 50);
var timerCount = Argument(2, 200);
var readSeconds = Argument(3, 10);
const int ReadConnections = 200;
const int Schools = 10;
const int Clerks = 30;
const int ProxyPort = 5190;
int[] nodePorts = [5191, 5192, 5193];

var connectionString = await BenchDatabase.RecreateAsync(BenchDatabase.Server(), "qadam_bench_nodes");
var scratch = Path.Combine(Path.GetTempPath(), "qadam-bench-nodes");
if (Directory.Exists(scratch))
{
    Directory.Delete(scratch, recursive: true);
}

// One state directory for all nodes: what an operator shares between machines (a mounted volume, or the same files copied).
var state = Directory.CreateDirectory(Path.Combine(scratch, "state")).FullName;
var nodeConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 15 }.ConnectionString;
var nodes = new List<ApiServer>();
foreach (var port in nodePorts)
{
    // One after the other: the first applies the migrations and makes the keys, the others find them.
    var (node, started) = await ApiServer.StartAsync(nodeConnectionString, state, port, Path.Combine(scratch, $"node-{port}.log"));
    nodes.Add(node);
    Console.WriteLine($"node :{port} (pid {node.ProcessId}) answered /health after {started.TotalSeconds:F1} s");
}

await using var proxy = await NginxProxy.StartAsync(Path.Combine(scratch, "nginx"), ProxyPort, nodePorts);
var address = new Uri($"http://127.0.0.1:{ProxyPort}/");
var population = await BenchPopulation.SeedAsync(connectionString, taskCount + timerCount, Clerks, Schools);
var tokens = new AccessTokens(state, address, encrypted: false, audience: "qadam-api");
var clerkTokens = population.Clerks.Select(tokens.For).ToArray();
var legalToken = tokens.For(new BenchUser(Guid.CreateVersion7(), "bench.legal", "legalEditor", population.RegionId, BenchPopulation.RegionCode));
using var client = LoadRun.Client(address, clients);
var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(5)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
var retried = 0;
var failedAnswers = new Dictionary<int, int>();

// Tokens signed by the first node's key are accepted by every node: the keys are shared, not made per process.
foreach (var port in nodePorts)
{
    using var me = Request(HttpMethod.Get, new Uri($"http://127.0.0.1:{port}/api/me"), clerkTokens[0]);
    // As nginx passes it: the issuer a node derives is the proxy's address, the one the tokens name.
    me.Headers.Host = $"127.0.0.1:{ProxyPort}";
    using var answer = await client.SendAsync(me);
    Check(answer.StatusCode == HttpStatusCode.OK, $"node :{port} accepts a token signed with the shared key ({(int)answer.StatusCode})");
}

// A pathway with a timer: each instance waits 15 s, so its timer falls due after a node has been killed.
await SendAsync(() => Request(HttpMethod.Post, "/api/definitions/nodes-timer/drafts", legalToken, """
    <?xml version="1.0" encoding="UTF-8"?>
    <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:qadam="http://qadam.kz/schema/bpmn"
                      id="defs_nodes_timer" targetNamespace="http://qadam.kz/bench">
      <bpmn:process id="nodes-timer" isExecutable="true">
        <bpmn:startEvent id="start" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
        <bpmn:intermediateCatchEvent id="wait" qadam:labelKk="Күту" qadam:labelRu="Ожидание">
          <bpmn:timerEventDefinition><bpmn:timeDuration>PT15S</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:intermediateCatchEvent>
        <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
        <bpmn:endEvent id="end" />
      </bpmn:process>
    </bpmn:definitions>
    """, "application/xml"));
var published = await SendAsync(() => Request(HttpMethod.Post, "/api/definitions/nodes-timer/versions/1/publish", legalToken,
    """{"effectiveFrom":"2020-01-01","legalBasis":{"act":"Приказ МП РК от 27.11.2023 № 349","edition":"2025","paragraph":"бенчмарк"}}"""));
Check(published.Status == HttpStatusCode.OK, $"the timer pathway is published ({(int)published.Status} {published.Body})");

var watch = Stopwatch.StartNew();
await ParallelAsync(taskCount + timerCount, async i =>
{
    var (iin, school) = population.Students[i];
    var pathway = i < taskCount ? "parent-application" : "nodes-timer";
    var (status, body) = await SendAsync(() => Request(HttpMethod.Post, "/api/cases", clerkTokens[school],
        $$"""{"pathway":"{{pathway}}","studentIin":"{{iin}}","ground":"{{(i < taskCount ? "parent" : "Өтініш / Заявление")}}","filedOn":"{{today}}","language":"kk"}""",
        key: "file-" + iin));
    if (status != HttpStatusCode.Created)
    {
        Check(false, $"filing for {iin} answered {(int)status}: {body}");
    }
});
Console.WriteLine($"filed {taskCount} applications and {timerCount} timer cases through nginx in {watch.Elapsed.TotalSeconds:F1} s");

// The HTTP benchmark's reads through nginx with the three nodes up, at 200 connections: the parents' tracker and notices
// (each request another parent, most of whom have a case just filed) and the clerks' inboxes. Not one error is allowed.
var parentTokens = population.Parents.Select(tokens.For).ToArray();
using (var readers = LoadRun.Client(address, ReadConnections))
{
    HttpRequestMessage ParentRead(long i) => Request(
        HttpMethod.Get, i % 2 == 0 ? "/api/parents/me/cases" : "/api/parents/me/notifications", parentTokens[i / 2 % parentTokens.Length]);
    HttpRequestMessage Inbox(long i) => Request(HttpMethod.Get, "/api/tasks", clerkTokens[i % clerkTokens.Length]);
    await LoadRun.RunAsync("warm-up", nodes, readers, ReadConnections, TimeSpan.FromSeconds(2), ParentRead);
    foreach (var (name, next) in new (string, Func<long, HttpRequestMessage?>)[] { ("parent crowd", ParentRead), ("staff inboxes", Inbox) })
    {
        var read = await LoadRun.RunAsync(name, nodes, readers, ReadConnections, TimeSpan.FromSeconds(readSeconds), next);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name} through nginx: {read.Requests:N0} requests = {read.PerSecond:N0}/s, p50 {read.P50:F1} ms, p99 {read.P99:F1} ms, "
            + $"{read.ApiCpuMsPerRequest:F2} ms of the three nodes' CPU each, {read.Errors} errors"));
        Check(read.Errors == 0, $"{name} through nginx without errors ({read.Errors}; first: {read.FirstError})");
    }
}

var open = new List<(Guid Id, int School)>();
await using (var connection = new NpgsqlConnection(connectionString))
{
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(
        "SELECT id, organisation FROM workflows.tasks WHERE element_id = 'exclusionCheck' AND lower(status) = 'open'", connection);
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        open.Add((reader.GetGuid(0), int.Parse(reader.GetString(1)["bench-s".Length..], CultureInfo.InvariantCulture)));
    }
}

Check(open.Count == taskCount, $"{taskCount} open tasks to complete ({open.Count})");
var completed = 0;
var victim = nodes[1];
watch.Restart();
await ParallelAsync(open.Count, async i =>
{
    if (Interlocked.Increment(ref completed) == open.Count / 3)
    {
        victim.KillHard();
        Console.WriteLine($"killed node :{nodePorts[1]} with SIGKILL after {watch.Elapsed.TotalSeconds:F1} s, {open.Count / 3} completions sent");
    }

    var (id, school) = open[i];
    var (status, body) = await SendAsync(() => Request(HttpMethod.Post, $"/api/tasks/{id}/complete", clerkTokens[school],
        """{"data":{"departsAbroad":false,"destination":"Астана"}}""", key: "complete-" + id));
    if (status != HttpStatusCode.OK)
    {
        Check(false, $"completion of {id} answered {(int)status}: {body}");
    }
});
Console.WriteLine($"completed {open.Count} tasks through nginx in {watch.Elapsed.TotalSeconds:F1} s; {retried} retries after "
                  + string.Join(", ", failedAnswers.Select(f => $"{f.Value} × {(f.Key == 0 ? "a broken connection" : f.Key.ToString(CultureInfo.InvariantCulture))}")));

// The timers fall due 15 s after their filing; the two living nodes' engine workers fire them.
await using (var connection = new NpgsqlConnection(connectionString))
{
    await connection.OpenAsync();
    var deadline = DateTime.UtcNow.AddSeconds(120);
    while (await ScalarAsync(connection, "SELECT count(*) FROM workflows.timers") > 0 && DateTime.UtcNow < deadline)
    {
        await Task.Delay(500);
    }

    var completedTasks = await ScalarAsync(connection, "SELECT count(*) FROM workflows.tasks WHERE element_id = 'exclusionCheck' AND lower(status) = 'completed'");
    var leftOnce = await ScalarAsync(connection, "SELECT count(DISTINCT instance_id) FROM workflows.journal WHERE element_id = 'exclusionCheck' AND event = 'left'");
    var leftTwice = await ScalarAsync(connection, """
        SELECT count(*) FROM (SELECT instance_id FROM workflows.journal WHERE element_id = 'exclusionCheck' AND event = 'left'
                              GROUP BY instance_id HAVING count(*) > 1) twice
        """);
    // An event whose commit found the audit chain busy waits to be placed (migration Audit_ChainWithoutWaiting); a reader of
    // the chain places it first, as the API's own readers do.
    await ScalarAsync(connection, "SELECT qadam.audit_chain()::bigint");
    var audited = await ScalarAsync(connection, """SELECT count(*) FROM qadam.audit_events WHERE action = 'task.completed'""");
    var firedOnce = await ScalarAsync(connection, "SELECT count(DISTINCT instance_id) FROM workflows.journal WHERE definition_key = 'nodes-timer' AND element_id = 'wait' AND event = 'left'");
    var firedTwice = await ScalarAsync(connection, """
        SELECT count(*) FROM (SELECT instance_id FROM workflows.journal WHERE definition_key = 'nodes-timer' AND element_id = 'wait' AND event = 'left'
                              GROUP BY instance_id HAVING count(*) > 1) twice
        """);
    var ended = await ScalarAsync(connection, "SELECT count(*) FROM workflows.instances WHERE definition_key = 'nodes-timer' AND lower(status) = 'completed'");
    Check(completedTasks == taskCount, $"every task completed: {completedTasks} of {taskCount}");
    Check(leftOnce == taskCount && leftTwice == 0, $"each completion applied once: {leftOnce} instances moved on, {leftTwice} twice");
    Check(audited == taskCount, $"each completion audited once: {audited} audit events for {taskCount} tasks");
    Check(firedOnce == timerCount && firedTwice == 0 && ended == timerCount,
        $"each timer fired once: {firedOnce} of {timerCount} fired, {firedTwice} twice, {ended} instances ended");
}

foreach (var (node, port) in nodes.Zip(nodePorts).Where(n => n.First != victim))
{
    using var health = await client.GetAsync($"http://127.0.0.1:{port}/health");
    Check(health.IsSuccessStatusCode, $"node :{port} still healthy");
}

foreach (var node in nodes)
{
    await node.DisposeAsync();
}

Console.WriteLine(problems == 0 ? "ALL CHECKS PASSED" : $"{problems} CHECKS FAILED");
return problems == 0 ? 0 : 1;

async Task<(HttpStatusCode Status, string Body)> SendAsync(Func<HttpRequestMessage> make)
{
    // A client's retry: the same request with the same Idempotency-Key, while the answer says a node or the proxy failed.
    for (var attempt = 1; ; attempt++)
    {
        int failure;
        try
        {
            using var request = make();
            using var response = await client.SendAsync(request);
            if ((int)response.StatusCode is not (502 or 503 or 504) || attempt == 30)
            {
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            }

            failure = (int)response.StatusCode;
        }
        catch (Exception ex) when ((ex is HttpRequestException or TaskCanceledException) && attempt < 30)
        {
            failure = 0;
        }

        lock (failedAnswers)
        {
            failedAnswers[failure] = failedAnswers.GetValueOrDefault(failure) + 1;
            retried++;
        }

        await Task.Delay(200);
    }
}

async Task ParallelAsync(int count, Func<int, Task> body)
{
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            await body(i);
        }
    }));
}

static HttpRequestMessage Request(HttpMethod method, object path, string token, string? body = null, string mediaType = "application/json",
    string? key = null)
{
    var request = new HttpRequestMessage(method, path is Uri uri ? uri : new Uri((string)path, UriKind.Relative));
    request.Headers.Authorization = new("Bearer", token);
    if (body is not null)
    {
        request.Content = new StringContent(body, Encoding.UTF8, mediaType);
    }

    if (key is not null)
    {
        request.Headers.Add("Idempotency-Key", key);
    }

    return request;
}

static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
{
    await using var command = new NpgsqlCommand(sql, connection);
    return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
}

void Check(bool condition, string what)
{
    if (!condition)
    {
        Interlocked.Increment(ref problems);
    }

    Console.WriteLine((condition ? "ok:     " : "FAILED: ") + what);
}

int Argument(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

internal static partial class Program
{
    private static int problems;
}
