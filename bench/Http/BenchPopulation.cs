using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Qadam.Identifiers;

namespace Qadam.Bench.Http;

/// <summary>
/// The people of the benchmark, written straight into its scratch database with binary COPY (the Production profile seeds
/// no demo data): a region with <c>schools</c> schools, students spread over them with valid IINs, one parent user linked to
/// each student, and clerks (candidates of the first step of a parent's application, and readers of the staff inbox).
/// </summary>
internal sealed class BenchPopulation
{
    public const string RegionCode = "bench-r";

    public required Guid RegionId { get; init; }

    public required List<BenchUser> Parents { get; init; }

    public required List<BenchUser> Clerks { get; init; }

    /// <summary>Each student's IIN and the clerk of its school who files for it.</summary>
    public required List<(string Iin, int School)> Students { get; init; }

    public static async Task<BenchPopulation> SeedAsync(string connectionString, int parents, int clerks, int schools)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var now = DateTimeOffset.UtcNow;
        var regionId = Guid.CreateVersion7();
        var schoolIds = Enumerable.Range(0, schools).Select(_ => Guid.CreateVersion7()).ToArray();
        await using (var copy = await connection.BeginBinaryImportAsync(
                         """COPY qadam.organisations (id, code, kind, name_kk, name_ru, parent_id) FROM STDIN (FORMAT BINARY)"""))
        {
            await copy.WriteRowAsync(default, regionId, RegionCode, "Region", "Бенчмарк облысы", "Область бенчмарка", DBNull.Value);
            for (var i = 0; i < schools; i++)
            {
                var code = "bench-s" + i.ToString("D3", CultureInfo.InvariantCulture);
                await copy.WriteRowAsync(default, schoolIds[i], code, "School", $"№ {i + 1} мектеп", $"Школа № {i + 1}", regionId);
            }

            await copy.CompleteAsync();
        }

        var roles = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var role in new[] { "parent", "clerk" })
        {
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO qadam.roles (id, name, normalized_name, concurrency_stamp) VALUES ($1, $2, $3, $4)
                ON CONFLICT (normalized_name) DO UPDATE SET name = EXCLUDED.name RETURNING id
                """, connection)
            {
                Parameters = { new() { Value = Guid.CreateVersion7() }, new() { Value = role }, new() { Value = role.ToUpperInvariant() }, new() { Value = Guid.NewGuid().ToString() } },
            };
            roles[role] = (Guid)(await command.ExecuteScalarAsync())!;
        }

        var serials = new Dictionary<DateOnly, int>();
        var students = new List<(Guid Id, string Iin, int School)>(parents);
        var parentUsers = new List<BenchUser>(parents);
        var clerkUsers = new List<BenchUser>(clerks);
        for (var i = 0; i < parents; i++)
        {
            // At most 3,000 children per birth date, so the four-digit serial never runs out.
            var born = new DateOnly(2012, 1, 1).AddDays(i / 3000);
            var serial = serials.GetValueOrDefault(born);
            students.Add((Guid.CreateVersion7(), NextIin(born, 5 + (i % 2), ref serial), i % schools));
            serials[born] = serial;
            parentUsers.Add(new BenchUser(Guid.CreateVersion7(), "bench.parent" + i.ToString(CultureInfo.InvariantCulture), "parent", null, null));
        }

        for (var i = 0; i < clerks; i++)
        {
            var school = i % schools;
            clerkUsers.Add(new BenchUser(Guid.CreateVersion7(), "bench.clerk" + i.ToString(CultureInfo.InvariantCulture), "clerk",
                schoolIds[school], "bench-s" + school.ToString("D3", CultureInfo.InvariantCulture)));
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
                         """
                         COPY qadam.students (id, iin, birth_date, full_name, organisation_id, class_name, shift, level,
                                              parent_iin, parent_name, parent_phone, updated_at) FROM STDIN (FORMAT BINARY)
                         """))
        {
            foreach (var (id, iin, school) in students)
            {
                Iin.TryReadBirthDate(iin, out var born, out _);
                await copy.StartRowAsync();
                await copy.WriteAsync(id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(iin, NpgsqlDbType.Char);
                await copy.WriteAsync(born, NpgsqlDbType.Date);
                await copy.WriteAsync("Оқушы " + iin, NpgsqlDbType.Varchar);
                await copy.WriteAsync(schoolIds[school], NpgsqlDbType.Uuid);
                await copy.WriteAsync("7А", NpgsqlDbType.Varchar);
                await copy.WriteAsync(1, NpgsqlDbType.Integer);
                await copy.WriteAsync("BasicSecondary", NpgsqlDbType.Varchar);
                await copy.WriteNullAsync();
                await copy.WriteAsync("Ата-ана " + iin, NpgsqlDbType.Varchar);
                await copy.WriteNullAsync();
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
                         """
                         COPY qadam.users (id, display_name, organisation_id, user_name, normalized_user_name, email_confirmed,
                                           security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled,
                                           access_failed_count) FROM STDIN (FORMAT BINARY)
                         """))
        {
            foreach (var user in parentUsers.Concat(clerkUsers))
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(user.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(user.UserName, NpgsqlDbType.Varchar);
                if (user.OrganisationId is { } organisation)
                {
                    await copy.WriteAsync(organisation, NpgsqlDbType.Uuid);
                }
                else
                {
                    await copy.WriteNullAsync();
                }

                await copy.WriteAsync(user.UserName, NpgsqlDbType.Varchar);
                await copy.WriteAsync(user.UserName.ToUpperInvariant(), NpgsqlDbType.Varchar);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                await copy.WriteAsync(Guid.NewGuid().ToString("N"), NpgsqlDbType.Text);
                await copy.WriteAsync(Guid.NewGuid().ToString(), NpgsqlDbType.Text);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean);
                await copy.WriteAsync(0, NpgsqlDbType.Integer);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync("""COPY qadam.user_roles (user_id, role_id) FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var user in parentUsers.Concat(clerkUsers))
            {
                await copy.WriteRowAsync(default, user.Id, roles[user.Role]);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
                         """COPY qadam.parent_links (parent_user_id, student_id, linked_at) FROM STDIN (FORMAT BINARY)"""))
        {
            for (var i = 0; i < parents; i++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(parentUsers[i].Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(students[i].Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync();
        }

        await using (var analyze = new NpgsqlCommand("ANALYZE", connection))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        return new BenchPopulation
        {
            RegionId = regionId,
            Parents = parentUsers,
            Clerks = clerkUsers,
            Students = [.. students.Select(s => (s.Iin, s.School))],
        };
    }

    private static string NextIin(DateOnly born, int centuryAndSex, ref int serial)
    {
        while (true)
        {
            var eleven = born.ToString("yyMMdd", CultureInfo.InvariantCulture) + centuryAndSex.ToString(CultureInfo.InvariantCulture)
                         + serial++.ToString("D4", CultureInfo.InvariantCulture);
            if (Iin.Complete(eleven) is { } complete)
            {
                return complete;
            }
        }
    }
}
