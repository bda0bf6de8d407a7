using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Npgsql;
using Qadam.Bench;
using NpgsqlTypes;
using Qadam.Api.Features.MassTransfers;
using Qadam.Api.Persistence;
using Qadam.Documents.Persistence;
using Qadam.Documents.Registry;
using Qadam.Documents.Rendering;
using Qadam.Documents.Templates;

// Mass-transfer benchmark (issue 6): an emergency order over N schools and M students, run by the same MassTransferRunner
// the "mass-transfer" service task uses, timed per phase; then each school's own order (order 103 para 16, 22), rendered
// from the repository's emergency-order-school template in Kazakh and Russian and numbered in the school's register, ready
// to sign, by the same DocumentRegistry batch the "render-school-orders" step uses; then a plain binary COPY of the same
// number of rows into a bare table on the same server in the same run, as the floor to compare with.
//   dotnet run -c Release --project bench/MassTransfer -- [schools=350] [students=500000] [after]
//   dotnet run -c Release --project bench/MassTransfer -- 7859 3900000      (nationwide, as on 6 April 2020)
var schools = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 350;
var students = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500_000;

var connectionString = await BenchDatabase.RecreateAsync(BenchDatabase.Server(), "qadam_bench_mass_transfer");

var options = new DbContextOptionsBuilder<QadamDbContext>()
    .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", "public")).Options;
await using (var db = new QadamDbContext(options))
{
    await db.Database.MigrateAsync();
}

await using (var documentsDb = Documents(connectionString))
{
    await documentsDb.Database.MigrateAsync();
    await UploadOrderTemplatesAsync(documentsDb);
}

Console.WriteLine($"Generating {schools:N0} schools and {students:N0} students ...");
var generate = Stopwatch.StartNew();
var codes = await GenerateAsync(connectionString, schools, students);
await BenchDatabase.ExecuteAsync(connectionString, "VACUUM ANALYZE qadam.students");
Console.WriteLine($"  generated in {generate.Elapsed.TotalSeconds:F1} s");

await using var dataSource = NpgsqlDataSource.Create(connectionString);
// QADAM_BENCH_PARALLELISM and QADAM_BENCH_CHUNK try other pacing than the API's defaults (Qadam:MassTransfer:Parallelism,
// ChunkStudents).
var runner = new MassTransferRunner(dataSource, TimeProvider.System, NullLogger<MassTransferRunner>.Instance)
{
    Parallelism = int.TryParse(Environment.GetEnvironmentVariable("QADAM_BENCH_PARALLELISM"), out var parallelism) ? parallelism : 2,
    ChunkStudents = int.TryParse(Environment.GetEnvironmentVariable("QADAM_BENCH_CHUNK"), out var chunk) ? chunk : 20_000,
};
var today = DateOnly.FromDateTime(DateTime.UtcNow);
var request = new MassTransferRequest(Guid.CreateVersion7(), "transferStudents", "emergency-transfer", 1, Guid.CreateVersion7(),
    TransferDirection.Distance, today, today.AddDays(6), codes, null);
// The orders are rendered while the students move (the documents' batch API on its own connections), not after: the
// transfer waits on the server and its commits while rendering keeps the client's cores busy. "after" as a third
// argument renders them after the transfer instead, as the pathway did before, for comparison in the same conditions.
var ordersAfter = args.Length > 2 && args[2] == "after";
var requests = codes.SelectMany(code => (DocumentLanguage[])[DocumentLanguage.Kk, DocumentLanguage.Ru], (code, language) =>
    new IssueDocumentRequest(code, "emergency-order-school", language, "emergency-transfer", "1", OrderData(code, language, today))).ToList();
var endToEnd = Stopwatch.StartNew();
var total = Stopwatch.StartNew();
var render = new Stopwatch();
async Task<IReadOnlyList<RegisteredDocument>> IssueOrdersAsync()
{
    render.Start();
    await using var documentsDb = Documents(connectionString);
    var issued = await new DocumentRegistry(documentsDb, new DocumentRegistryOptions(), TimeProvider.System)
        .IssueManyAsync(requests, Environment.ProcessorCount, CancellationToken.None);
    render.Stop();
    return issued;
}

var ordersTask = ordersAfter ? null : Task.Run(IssueOrdersAsync);
var outcome = await runner.RunAsync(request);
total.Stop();
var orders = ordersTask is null ? await IssueOrdersAsync() : await ordersTask;
endToEnd.Stop();

var written = await Scalar(connectionString, "SELECT count(*) FROM qadam.student_transfers");
var notices = await Scalar(connectionString, """
    SELECT count(*) FROM qadam.student_transfers t JOIN qadam.students s ON s.id = t.student_id
    WHERE t.parent_iin IS NOT DISTINCT FROM s.parent_iin
    """);
if (written != students || notices != students || outcome.Total != students)
{
    Console.Error.WriteLine($"Wrong result: {written} transfers, {notices} notices, outcome {outcome.Total}, expected {students}.");
    return 1;
}

if (orders.Count != 2 * schools || orders.Select(o => o.RegistryNumber).Distinct(StringComparer.Ordinal).Count() != orders.Count)
{
    Console.Error.WriteLine($"Wrong orders: {orders.Count} documents, expected {2 * schools} with distinct numbers.");
    return 1;
}

var plain = await PlainCopyAsync(connectionString, students);

Console.WriteLine();
Console.WriteLine($"Mass transfer on {Environment.ProcessorCount} cores: {schools:N0} schools, {students:N0} students (one row each: its status, which is its parents' notice)");
Console.WriteLine($"  prepare (step row, per-school counts): {outcome.Timings.Prepare.TotalSeconds,6:F2} s");
Console.WriteLine($"  transfer (one INSERT ... SELECT statement per chunk, {runner.Parallelism} in parallel, chunks of {runner.ChunkStudents:N0}): {outcome.Timings.Transfer.TotalSeconds,6:F2} s");
Console.WriteLine($"  finish:                                {outcome.Timings.Finish.TotalSeconds,6:F2} s");
Console.WriteLine($"  total:                                 {total.Elapsed.TotalSeconds,6:F2} s = {students / total.Elapsed.TotalSeconds:N0} students/s");
Console.WriteLine($"  schools' orders, kk and ru ({orders.Count:N0} documents rendered, numbered, stored, {(ordersAfter ? "after the transfer" : "during the transfer")}): {render.Elapsed.TotalSeconds,6:F2} s = {orders.Count / render.Elapsed.TotalSeconds:N0} documents/s");
Console.WriteLine($"  end to end (transfer and orders):      {endToEnd.Elapsed.TotalSeconds,6:F2} s");
Console.WriteLine($"  plain binary COPY of {students:N0} rows (the same 5 columns, no index): {plain.TotalSeconds:F2} s");
Console.WriteLine($"  ratio: mass transfer = {total.Elapsed.TotalSeconds / plain.TotalSeconds:F2} × one plain COPY (one row per student, with its key and a BRIN entry); "
                  + $"with the orders = {endToEnd.Elapsed.TotalSeconds / plain.TotalSeconds:F2} ×");
return 0;

static DocumentsDbContext Documents(string connectionString)
{
    var builder = new DbContextOptionsBuilder<DocumentsDbContext>();
    builder.UseDocumentsNpgsql(connectionString);
    return new DocumentsDbContext(builder.Options);
}

// The repository's own template sources (workflows/emergency-transfer/templates), built into DOCX as the API does at start.
static async Task UploadOrderTemplatesAsync(DocumentsDbContext db)
{
    var folder = Path.Combine(FindWorkflows(), "emergency-transfer", "templates");
    var catalog = new TemplateCatalog(db, TimeProvider.System);
    foreach (var language in (DocumentLanguage[])[DocumentLanguage.Kk, DocumentLanguage.Ru])
    {
        var source = await File.ReadAllTextAsync(Path.Combine(folder, $"emergency-order-school.{language.ToCode()}.txt"));
        var known = Regex.Matches(source, @"(?:\{\{|\[if:|@if )\s*([A-Za-z][\w.]*)").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        known.UnionWith(["order", "period", "school", "legalBasis", "document"]);
        var upload = await catalog.UploadAsync(new TemplateUpload("emergency-order-school", language, "order", "emergency-transfer", "1",
            TemplateMarkup.ToDocx(source, language), known), CancellationToken.None);
        if (!upload.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", upload.Problems.Select(p => $"{p.Location}: {p.Message}")));
        }
    }
}

static string FindWorkflows()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (Directory.Exists(Path.Combine(directory.FullName, "workflows", "emergency-transfer")))
        {
            return Path.Combine(directory.FullName, "workflows");
        }
    }

    throw new DirectoryNotFoundException("No workflows/ folder above the benchmark.");
}

// What the head's form (para 16) and the department's order put into one school's order.
static JsonObject OrderData(string code, DocumentLanguage language, DateOnly today) => new()
{
    ["order"] = new JsonObject
    {
        ["id"] = "bench", ["issuingBody"] = "bench-r", ["issuerKk"] = "Алматы қаласының білім басқармасы",
        ["issuerRu"] = "Управление образования города Алматы", ["number"] = "ЧС-1", ["date"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["ground"] = language == DocumentLanguage.Kk ? "карантин" : "карантин",
    },
    ["period"] = new JsonObject
    {
        ["from"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["to"] = today.AddDays(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    },
    ["school"] = new JsonObject { ["organisation"] = code },
    ["organisationName"] = language == DocumentLanguage.Kk ? $"{code} мектебі" : $"Школа {code}",
    ["classesCovered"] = "1А-11Б", ["modeOfWork"] = language == DocumentLanguage.Kk ? "Кезекші топтар" : "Дежурные группы",
    ["responsibleAdministration"] = "Сейтова А.", ["responsibleTeachers"] = "Иванова Е., Ахметов Б.",
};

static async Task<List<string>> GenerateAsync(string connectionString, int schools, int students)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    var region = Guid.CreateVersion7();
    var ids = new Guid[schools];
    var codes = new List<string>(schools);
    await using (var organisations = await connection.BeginBinaryImportAsync(
                     """COPY qadam.organisations (id, code, kind, name_kk, name_ru, parent_id) FROM STDIN (FORMAT BINARY)"""))
    {
        await organisations.WriteRowAsync(default, region, "bench-r", "Region", "Бенчмарк облысы", "Область бенчмарка", DBNull.Value);
        for (var i = 0; i < schools; i++)
        {
            ids[i] = Guid.CreateVersion7();
            codes.Add($"bench-s{i:D5}");
            await organisations.WriteRowAsync(default, ids[i], codes[i], "School", $"№ {i + 1} мектеп", $"Школа № {i + 1}", region);
        }

        await organisations.CompleteAsync();
    }

    string[] classes = ["1А", "2Б", "3В", "4А", "5Б", "6В", "7А", "8Б", "9В", "10А", "11Б"];
    await using var rows = await connection.BeginBinaryImportAsync("""
        COPY qadam.students (id, iin, birth_date, full_name, organisation_id, class_name, shift, level, parent_iin, parent_name,
            parent_phone, updated_at) FROM STDIN (FORMAT BINARY)
        """);
    var now = DateTimeOffset.UtcNow;
    for (var i = 0; i < students; i++)
    {
        rows.StartRow();
        rows.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
        rows.Write((100_000_000_000L + i).ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Char);
        rows.Write(new DateOnly(2012, 1, 1).AddDays(i % 3000), NpgsqlDbType.Date);
        rows.Write($"Оқушы {i}", NpgsqlDbType.Varchar);
        rows.Write(ids[i % schools], NpgsqlDbType.Uuid);
        rows.Write(classes[i % classes.Length], NpgsqlDbType.Varchar);
        rows.Write(1 + i % 2, NpgsqlDbType.Integer);
        rows.Write("BasicSecondary", NpgsqlDbType.Varchar);
        rows.Write(ParentIin(i), NpgsqlDbType.Char);
        rows.Write("Ата-ана", NpgsqlDbType.Varchar);
        rows.Write("+77010000000", NpgsqlDbType.Varchar);
        rows.Write(now, NpgsqlDbType.TimestampTz);
    }

    await rows.CompleteAsync();
    return codes;
}

static async Task<TimeSpan> PlainCopyAsync(string connectionString, int count)
{
    await BenchDatabase.ExecuteAsync(connectionString, """CREATE TABLE bench_plain_copy (transfer_id uuid, student_id uuid, organisation_id uuid, at timestamptz, parent_iin char(12))""");
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    var transfer = Guid.CreateVersion7();
    var organisation = Guid.CreateVersion7();
    var now = DateTimeOffset.UtcNow;
    var watch = Stopwatch.StartNew();
    await using (var rows = await connection.BeginBinaryImportAsync(
                     """COPY bench_plain_copy (transfer_id, student_id, organisation_id, at, parent_iin) FROM STDIN (FORMAT BINARY)"""))
    {
        for (var i = 0; i < count; i++)
        {
            rows.StartRow();
            rows.Write(transfer, NpgsqlDbType.Uuid);
            rows.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            rows.Write(organisation, NpgsqlDbType.Uuid);
            rows.Write(now, NpgsqlDbType.TimestampTz);
            rows.Write(ParentIin(i), NpgsqlDbType.Char);
        }

        await rows.CompleteAsync();
    }

    return watch.Elapsed;
}

// The parent's IIN of generated student i: the students' rows and the plain COPY's carry the same 12 characters.
static string ParentIin(int i) => (800_000_000_000L + i).ToString(CultureInfo.InvariantCulture);

static async Task<long> Scalar(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    return (long)(await command.ExecuteScalarAsync())!;
}
