using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Qadam.Bench;
using NpgsqlTypes;
using Qadam.Api.Features.MassTransfers;
using Qadam.Api.Persistence;

// Mass-transfer benchmark (issue 6): an emergency order over N schools and M students, run by the same MassTransferRunner
// the "mass-transfer" service task uses, timed per phase; then a plain binary COPY of the same number of rows into a bare
// table on the same server in the same run, as the floor to compare with.
//   dotnet run -c Release --project bench/MassTransfer -- [schools=300] [students=500000]
//   dotnet run -c Release --project bench/MassTransfer -- 7859 3900000      (nationwide, as on 6 April 2020)
var schools = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
var students = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500_000;

var connectionString = await BenchDatabase.RecreateAsync(BenchDatabase.Server(), "qadam_bench_mass_transfer");

var options = new DbContextOptionsBuilder<QadamDbContext>()
    .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", "public")).Options;
await using (var db = new QadamDbContext(options))
{
    await db.Database.MigrateAsync();
}

Console.WriteLine($"Generating {schools:N0} schools and {students:N0} students ...");
var generate = Stopwatch.StartNew();
var codes = await GenerateAsync(connectionString, schools, students);
await BenchDatabase.ExecuteAsync(connectionString, "VACUUM ANALYZE qadam.students");
Console.WriteLine($"  generated in {generate.Elapsed.TotalSeconds:F1} s");

await using var dataSource = NpgsqlDataSource.Create(connectionString);
var runner = new MassTransferRunner(dataSource, TimeProvider.System, NullLogger<MassTransferRunner>.Instance);
var today = DateOnly.FromDateTime(DateTime.UtcNow);
var request = new MassTransferRequest(Guid.CreateVersion7(), "transferStudents", "emergency-transfer", 1, Guid.CreateVersion7(),
    TransferDirection.Distance, today, today.AddDays(6), codes, null);
var total = Stopwatch.StartNew();
var outcome = await runner.RunAsync(request);
total.Stop();

var written = await Scalar(connectionString, "SELECT count(*) FROM qadam.student_transfers");
var notices = await Scalar(connectionString, "SELECT count(*) FROM qadam.parent_notifications");
if (written != students || notices != students || outcome.Total != students)
{
    Console.Error.WriteLine($"Wrong result: {written} transfers, {notices} notices, outcome {outcome.Total}, expected {students}.");
    return 1;
}

var plain = await PlainCopyAsync(connectionString, students);

Console.WriteLine();
Console.WriteLine($"Mass transfer on {Environment.ProcessorCount} cores: {schools:N0} schools, {students:N0} students (2 rows each: status and parent notice)");
Console.WriteLine($"  prepare (step row, per-school counts): {outcome.Timings.Prepare.TotalSeconds,6:F2} s");
Console.WriteLine($"  transfer (read + 2 binary COPYs + mark schools, {runner.Parallelism} in parallel, chunks of {runner.ChunkStudents:N0}): {outcome.Timings.Transfer.TotalSeconds,6:F2} s");
Console.WriteLine($"  finish:                                {outcome.Timings.Finish.TotalSeconds,6:F2} s");
Console.WriteLine($"  total:                                 {total.Elapsed.TotalSeconds,6:F2} s = {students / total.Elapsed.TotalSeconds:N0} students/s");
Console.WriteLine($"  plain binary COPY of {students:N0} rows (same 4 columns, no index): {plain.TotalSeconds:F2} s");
Console.WriteLine($"  ratio: mass transfer = {total.Elapsed.TotalSeconds / plain.TotalSeconds:F2} × one plain COPY (it writes two indexed tables)");
return 0;

static async Task<List<string>> GenerateAsync(string connectionString, int schools, int students)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    var region = Guid.CreateVersion7();
    var ids = new Guid[schools];
    var codes = new List<string>(schools);
    await using (var organisations = await connection.BeginBinaryImportAsync(
                     """COPY qadam.organisations ("Id", "Code", "Kind", "NameKk", "NameRu", "ParentId") FROM STDIN (FORMAT BINARY)"""))
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
        COPY qadam.students ("Id", "Iin", "BirthDate", "FullName", "OrganisationId", "ClassName", "Shift", "Level", "ParentIin", "ParentName",
            "ParentPhone", "UpdatedAt") FROM STDIN (FORMAT BINARY)
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
        rows.Write((800_000_000_000L + i).ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Char);
        rows.Write("Ата-ана", NpgsqlDbType.Varchar);
        rows.Write("+77010000000", NpgsqlDbType.Varchar);
        rows.Write(now, NpgsqlDbType.TimestampTz);
    }

    await rows.CompleteAsync();
    return codes;
}

static async Task<TimeSpan> PlainCopyAsync(string connectionString, int count)
{
    await BenchDatabase.ExecuteAsync(connectionString, """CREATE TABLE bench_plain_copy ("TransferId" uuid, "StudentId" uuid, "OrganisationId" uuid, "At" timestamptz)""");
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    var transfer = Guid.CreateVersion7();
    var organisation = Guid.CreateVersion7();
    var now = DateTimeOffset.UtcNow;
    var watch = Stopwatch.StartNew();
    await using (var rows = await connection.BeginBinaryImportAsync(
                     """COPY bench_plain_copy ("TransferId", "StudentId", "OrganisationId", "At") FROM STDIN (FORMAT BINARY)"""))
    {
        for (var i = 0; i < count; i++)
        {
            rows.StartRow();
            rows.Write(transfer, NpgsqlDbType.Uuid);
            rows.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            rows.Write(organisation, NpgsqlDbType.Uuid);
            rows.Write(now, NpgsqlDbType.TimestampTz);
        }

        await rows.CompleteAsync();
    }

    return watch.Elapsed;
}

static async Task<long> Scalar(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    return (long)(await command.ExecuteScalarAsync())!;
}
