using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Qadam.Api.Tests.Features.Definitions;
using Qadam.Testing;

namespace Qadam.Api.Tests.Features.MassTransfers;

/// <summary>
/// A crash test: the API process is killed in the middle of a mass transfer, started again, and the transfer
/// finishes with every student moved exactly once, from where it stopped.
/// </summary>
public sealed class MassTransferCrashTests(TestDatabase database) : IClassFixture<TestDatabase>, IDisposable
{
    private const int Schools = 60;
    private const int StudentsPerSchool = 250;

    private readonly string _state = Directory.CreateTempSubdirectory("qadam-crash-state-").FullName;

    // Small chunks, paced, so that the transfer is sure to be half-way when the process is killed.
    private static readonly Dictionary<string, string> Paced = new()
    {
        ["Qadam__MassTransfer__ChunkStudents"] = "250",
        ["Qadam__MassTransfer__PauseBetweenChunks"] = "00:00:00.100",
    };

    [Fact]
    public async Task A_transfer_killed_half_way_resumes_after_restart_and_moves_every_student_exactly_once()
    {
        await using (var first = await ApiProcess.StartAsync(database.ConnectionString, _state, Paced))
        {
            await AddSchoolsAsync();
            using var regional = await ClientForAsync(first, "regional.r1");
            var today = Pathways.Today;
            using var posted = await regional.PostAsJsonAsync("/api/emergency-orders", new
            {
                issuingBody = "r1", number = "ЧС-crash", date = today, territory = "d1",
                period = new { from = today, to = today.AddDays(6) }, ground = "Морозы ниже -30 °C",
            });
            Assert.True(posted.StatusCode == HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());

            // Wait until some schools are committed, then cut the process off.
            await WaitForAsync(async () => await ScalarAsync("""SELECT count(*) FROM qadam.mass_transfer_schools WHERE status = 'completed'""") >= 4,
                "the transfer to commit a few schools", first);
            await first.KillAsync();
        }

        var schoolsDoneAtCrash = await ScalarAsync("""SELECT count(*) FROM qadam.mass_transfer_schools WHERE status = 'completed'""");
        var totalSchools = await ScalarAsync("SELECT count(*) FROM qadam.mass_transfer_schools");
        var expected = await ScalarAsync("""
            SELECT count(*) FROM qadam.students s JOIN qadam.organisations o ON o.id = s.organisation_id
            JOIN qadam.organisations d ON d.id = o.parent_id WHERE d.code = 'd1'
            """);
        Assert.InRange(schoolsDoneAtCrash, 4, totalSchools - 1);
        Assert.Equal("running", await TextAsync("""SELECT status FROM qadam.mass_transfers"""));
        Assert.True(expected >= Schools * StudentsPerSchool);

        await using (var second = await ApiProcess.StartAsync(database.ConnectionString, _state, new Dictionary<string, string>()))
        {
            await WaitForAsync(async () => await TextAsync("""SELECT status FROM qadam.mass_transfers""") == "completed",
                "the transfer to complete after the restart", second);
            // The engine moves on past the step, once.
            await WaitForAsync(async () => await ScalarAsync("SELECT count(*) FROM workflows.journal WHERE element_id = 'transferStudents' AND event = 'left'") == 1,
                "the engine to leave the transfer step", second);
            Assert.Contains("resumes after an interruption", second.Output, StringComparison.Ordinal);
        }

        Assert.Equal(expected, await ScalarAsync("SELECT count(*) FROM qadam.student_transfers"));
        Assert.Equal(expected, await ScalarAsync("""SELECT count(DISTINCT student_id) FROM qadam.student_transfers"""));
        Assert.Equal(expected, await ScalarAsync("""
            SELECT count(*) FROM qadam.student_transfers t JOIN qadam.students s ON s.id = t.student_id
            WHERE t.parent_iin IS NOT DISTINCT FROM s.parent_iin
            """));
        Assert.Equal(expected, await ScalarAsync("""SELECT done FROM qadam.mass_transfers"""));
        Assert.Equal(0, await ScalarAsync("""SELECT count(*) FROM qadam.mass_transfer_schools WHERE status <> 'completed' OR done <> total """));
        Assert.Equal(1, await ScalarAsync("SELECT count(*) FROM workflows.journal WHERE element_id = 'transferStudents' AND event = 'left'"));
    }

    /// <summary>A district of a city: 60 more schools under d1 with 250 students each, written straight into the tables.</summary>
    private async Task AddSchoolsAsync()
    {
        await ExecuteAsync($"""
            INSERT INTO qadam.organisations (id, code, kind, name_kk, name_ru, parent_id)
            SELECT gen_random_uuid(), 'crash-s' || n, 'School', n || ' мектеп', 'Школа ' || n, (SELECT id FROM qadam.organisations WHERE code = 'd1')
            FROM generate_series(1, {Schools}) n;
            INSERT INTO qadam.students (id, iin, birth_date, full_name, organisation_id, class_name, shift, level, updated_at)
            SELECT gen_random_uuid(), lpad((500000000000 + row_number() OVER ())::text, 12, '0'), date '2014-01-01', 'Оқушы ' || o.code || '-' || k,
                   o.id, '5А', 1, 'BasicSecondary', now()
            FROM qadam.organisations o CROSS JOIN generate_series(1, {StudentsPerSchool}) k WHERE o.code LIKE 'crash-s%';
            """);
    }

    private static async Task<HttpClient> ClientForAsync(ApiProcess api, string user)
    {
        var client = new HttpClient { BaseAddress = api.Address };
        using var token = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "demo-cli", ["username"] = user, ["password"] = "demo", ["scope"] = "profile roles",
        }));
        var body = await token.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
        return client;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what, ApiProcess api)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited 120 s for {what}. The API said:\n{api.Output}");
            }

            await Task.Delay(50);
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<string?> TextAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (string?)await command.ExecuteScalarAsync();
    }

    public void Dispose()
    {
        Directory.Delete(_state, recursive: true);
    }
}
