using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Qadam.Documents.Persistence;
using Qadam.Documents.Pki;
using Qadam.Documents.Registry;
using Qadam.Documents.Rendering;
using Qadam.Documents.Signatures;
using Qadam.Documents.Templates;
using Qadam.Bench.Http;
using Qadam.Documents.Tests.Samples;

// Documents benchmark (issue 4: "renders+signs per second for a one-page order and a 40-row
// class list"). Usage: dotnet run -c Release --project bench/Documents -- [--iterations N] [--parallel P]
// PostgreSQL: QADAM_BENCH_DB, else the output of scripts/local-postgres. A scratch database is
// created and dropped; the demo PKI goes to a temporary directory.
//   --batch B: also issue the one-page order in batches of B (numbers reserved per register in one statement, rendered
//              and signed on all cores, stored by COPY), the path the per-school orders of a mass transfer take;
//   --batch-only: skip the one-at-a-time rows; --pgbench-seconds S: pgbench select-only and TPC-B beside it (0: none).
var iterations = Option("--iterations", 200);
var parallel = Option("--parallel", Environment.ProcessorCount);
var batch = Option("--batch", 100);
var batchOnly = args.Contains("--batch-only");
var pgbenchSeconds = Option("--pgbench-seconds", 10);
var server = Environment.GetEnvironmentVariable("QADAM_BENCH_DB") ?? await LocalPostgresAsync();
var databaseName = "qadam_bench_" + Guid.NewGuid().ToString("N")[..12];
await ExecuteAsync(server, $"CREATE DATABASE \"{databaseName}\"");
var pkiDirectory = Directory.CreateTempSubdirectory("qadam-bench-pki-").FullName;
try
{
    var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = databaseName, MaxPoolSize = 50 }.ConnectionString;
    await using (var db = Context(connectionString))
    {
        await db.Database.MigrateAsync();
    }

    using var pki = DemoPki.LoadOrCreate(pkiDirectory);
    var signer = pki.User("900615300011", "Нұрланова Айгүл", SignerKeyAlgorithm.Ecdsa);
    var verifier = new SignatureVerifier(new SignatureTrust([pki.RootCertificate]));
    SampleDocument[] samples = [SampleDocuments.TransferOrder(), SampleDocuments.WeatherOrder(40)];
    await using (var db = Context(connectionString))
    {
        var catalog = new TemplateCatalog(db, TimeProvider.System);
        foreach (var sample in samples)
        {
            var upload = await catalog.UploadAsync(new TemplateUpload(
                Key(sample), sample.Language, sample.DocumentType, "bench", "1", sample.Template, sample.KnownVariables), default);
            if (!upload.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", upload.Problems.Select(p => p.Message)));
            }
        }
    }

    Console.WriteLine($"Qadam documents benchmark: {iterations} documents per row, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
    Console.WriteLine();
    Console.WriteLine("| document | step | workers | docs/s | ms/doc (mean) | process CPU ms/doc (batches) | size |");
    Console.WriteLine("|---|---|---|---|---|---|---|");
    var renderer = new TemplateRenderer();
    foreach (var sample in batchOnly ? [] : samples)
    {
        var data = (System.Text.Json.Nodes.JsonObject)sample.Data.DeepClone();
        data["document"] = new System.Text.Json.Nodes.JsonObject { ["number"] = "BENCH-1", ["date"] = "2025-05-02" };
        var size = renderer.Render(sample.Template, data, sample.Language).Length;
        await Measure(sample, "render (in memory)", 1, size, () =>
        {
            renderer.Render(sample.Template, data, sample.Language);
            return Task.CompletedTask;
        });
        await Measure(sample, "render + register", 1, size, () => IssueAsync(connectionString, sample));
        foreach (var workers in new[] { 1, parallel }.Distinct())
        {
            await Measure(sample, "render + register + sign (CMS + Office)", workers, size, async () =>
            {
                var document = await IssueAsync(connectionString, sample);
                await using var db = Context(connectionString);
                await new DocumentSigning(db, verifier, TimeProvider.System).SignOnServerAsync(document.Id, signer, default);
            });
        }
    }

    // Batches: the one-page order for 50 schools' registers (two per school per batch of 100, as the kk and ru orders of a
    // per-school step), signed by one officer; each batch one transaction.
    var order = samples[0];
    var orderData = (System.Text.Json.Nodes.JsonObject)order.Data.DeepClone();
    orderData["document"] = new System.Text.Json.Nodes.JsonObject { ["number"] = "BENCH-1", ["date"] = "2025-05-02" };
    var orderSize = renderer.Render(order.Template, orderData, order.Language).Length;
    var batchRequests = Enumerable.Range(0, batch).Select(i => new IssueDocumentRequest(
        "BENCH" + (i / 2 % 50).ToString("00", CultureInfo.InvariantCulture), Key(order), order.Language, "bench", "1", order.Data)).ToList();
    await MeasureBatches(order, $"render + register, batches of {batch}", orderSize, async () =>
    {
        await using var db = Context(connectionString);
        await new DocumentRegistry(db, new DocumentRegistryOptions(), TimeProvider.System).IssueManyAsync(batchRequests, parallel, default);
    });
    await MeasureBatches(order, $"render + register + sign (CMS + Office), batches of {batch}", orderSize, async () =>
    {
        await using var db = Context(connectionString);
        await new SignedDocumentBatch(db, new DocumentRegistryOptions(), verifier, TimeProvider.System).IssueAndSignAsync(batchRequests, signer, parallel, default);
    });

    // Where a signed document's CPU goes, one core, in memory (no database).
    var sampleBytes = renderer.Render(order.Template, orderData, order.Language);
    var prepared = renderer.Prepare(order.Template);
    using var signerKey = signer.GetECDsaPrivateKey()!;
    var digest = System.Security.Cryptography.SHA256.HashData(sampleBytes);
    var parts = new (string Name, Action Once)[]
    {
        ("render (template parsed each time, one document at a time)", () => renderer.Render(order.Template, orderData, order.Language)),
        ("render (template parsed once per batch worker)", () => prepared.Render(orderData, order.Language)),
        ($"ECDSA P-{signerKey.KeySize} private-key operation (floor of one signature)", () => signerKey.SignHash(digest)),
        ("CMS sign", () => DetachedCmsSigner.Sign(sampleBytes, signer, DateTimeOffset.UtcNow)),
        ("CMS verify (chain to the root)", () => verifier.VerifyCms(sampleBytes, DetachedCmsSigner.Sign(sampleBytes, signer, DateTimeOffset.UtcNow), DateTimeOffset.UtcNow)),
        ("Office signature embedded", () => OfficePackageSignature.Embed(sampleBytes, signer, DateTimeOffset.UtcNow)),
    };
    Console.WriteLine();
    Console.WriteLine("| part (one-page order, 1 core) | ms each |");
    Console.WriteLine("|---|---|");
    foreach (var (name, once) in parts)
    {
        for (var i = 0; i < 10; i++)
        {
            once();
        }

        var watch = Stopwatch.StartNew();
        var n = Math.Max(20, iterations / 2);
        for (var i = 0; i < n; i++)
        {
            once();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {watch.Elapsed.TotalMilliseconds / n:0.00} |"));
    }

    if (pgbenchSeconds > 0)
    {
        var pgbench = new Pgbench(connectionString, clients: 8, pgbenchSeconds);
        pgbench.Initialise();
        var (selectOnly, tpcB) = pgbench.Measure();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pgbench beside it (same server, same run, 8 clients, {pgbenchSeconds} s): select-only {selectOnly:0} tps, TPC-B {tpcB:0} tps"));
    }
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)");
    Directory.Delete(pkiDirectory, recursive: true);
}

async Task Measure(SampleDocument sample, string step, int workers, int size, Func<Task> once)
{
    for (var i = 0; i < Math.Min(10, iterations); i++)
    {
        await once(); // warm-up: JIT, connection pool, first counter row
    }

    var remaining = iterations;
    var stopwatch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
    {
        while (Interlocked.Decrement(ref remaining) >= 0)
        {
            await once();
        }
    })));
    stopwatch.Stop();
    var perSecond = iterations / stopwatch.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {Describe(sample)} | {step} | {workers} | {perSecond:0.0} | {stopwatch.Elapsed.TotalMilliseconds * workers / iterations:0.0} | | {size / 1024.0:0.0} KiB |"));
}

async Task MeasureBatches(SampleDocument sample, string step, int size, Func<Task> oneBatch)
{
    await oneBatch(); // warm-up
    var batches = Math.Max(1, iterations / batch);
    var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    var stopwatch = Stopwatch.StartNew();
    for (var i = 0; i < batches; i++)
    {
        await oneBatch();
    }

    stopwatch.Stop();
    process.Refresh();
    // CPU of this process (render, sign, Npgsql) per document: moves far less with the machine's load than docs/s does.
    var cpuMs = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
    var documents = batches * batch;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {Describe(sample)} | {step} | {parallel} | {documents / stopwatch.Elapsed.TotalSeconds:0.0} | {stopwatch.Elapsed.TotalMilliseconds * parallel / documents:0.0} | {cpuMs / documents:0.00} | {size / 1024.0:0.0} KiB |"));
}

static async Task<RegisteredDocument> IssueAsync(string connectionString, SampleDocument sample)
{
    await using var db = Context(connectionString);
    return await new DocumentRegistry(db, new DocumentRegistryOptions(), TimeProvider.System).IssueAsync(
        new IssueDocumentRequest("BENCH01", Key(sample), sample.Language, "bench", "1", sample.Data), default);
}

static string Key(SampleDocument sample) => sample.DocumentType + "-" + sample.Language.ToCode();

static string Describe(SampleDocument sample) => sample.Name.StartsWith("weather", StringComparison.Ordinal) ? "40-row class list" : "one-page order";

static DocumentsDbContext Context(string connectionString)
{
    var builder = new DbContextOptionsBuilder<DocumentsDbContext>();
    builder.UseDocumentsNpgsql(connectionString);
    return new DocumentsDbContext(builder.Options);
}

static async Task ExecuteAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

static async Task<string> LocalPostgresAsync()
{
    var script = FindUp("scripts/local-postgres")
                 ?? throw new InvalidOperationException("Set QADAM_BENCH_DB or run from the repository (scripts/local-postgres not found).");
    var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true };
    using var process = Process.Start(start)!;
    var output = await process.StandardOutput.ReadToEndAsync();
    await process.WaitForExitAsync();
    return process.ExitCode == 0 ? output.Trim() : throw new InvalidOperationException("scripts/local-postgres failed.");
}

static string? FindUp(string relative)
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, relative)))
        {
            return Path.Combine(dir.FullName, relative);
        }
    }

    return null;
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
