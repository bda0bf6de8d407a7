using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Qadam.Api.Features.MassTransfers;

namespace Qadam.Api.Tests.Features.MassTransfers;

/// <summary>
/// Mass transfer: who is moved (every student of the schools, or a weather decision's shifts and grades), that
/// a repeated or resumed run moves no one twice, that a return brings back exactly those moved, and what the regional
/// officer, a head and a parent see of it over HTTP.
/// </summary>
public sealed class MassTransferTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    private MassTransferRunner Runner => api.Services.GetRequiredService<MassTransferRunner>();

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static MassTransferRequest Emergency(Guid instance, string element, string direction, params string[] schools) =>
        new(instance, element, "emergency-transfer", 1, null, direction, Today, Today.AddDays(6), schools, null);

    [Fact]
    public async Task Every_student_of_the_schools_is_moved_once_even_when_the_step_runs_again_and_the_return_brings_back_the_same()
    {
        var instance = Guid.CreateVersion7();
        var expected = await CountAsync("""SELECT count(*) FROM qadam.students s JOIN qadam.organisations o ON o.id = s.organisation_id WHERE o.code IN ('s1', 's2')""");

        var first = await Runner.RunAsync(Emergency(instance, "transferStudents", TransferDirection.Distance, "s1", "s2"));
        var again = await Runner.RunAsync(Emergency(instance, "transferStudents", TransferDirection.Distance, "s1", "s2"));
        var back = await Runner.RunAsync(Emergency(instance, "returnStudents", TransferDirection.Return, "s1", "s2"));

        Assert.True(expected > 10);
        Assert.Equal(expected, first.Total);
        Assert.Equal(expected, first.WrittenNow);
        Assert.Equal(first.TransferId, again.TransferId);
        Assert.Equal(0, again.WrittenNow);
        Assert.Equal(expected, await CountAsync($"""SELECT count(*) FROM qadam.student_transfers WHERE transfer_id = '{first.TransferId}'"""));
        // Each row is also the parents' notice: it carries the parent's IIN from the roster.
        Assert.Equal(expected, await CountAsync($"""
            SELECT count(*) FROM qadam.student_transfers t JOIN qadam.students s ON s.id = t.student_id
            WHERE t.transfer_id = '{first.TransferId}' AND t.parent_iin IS NOT DISTINCT FROM s.parent_iin
            """));
        Assert.Equal(expected, back.Total);
        Assert.Equal(0, await CountAsync($"""
            SELECT count(*) FROM qadam.student_transfers a WHERE a.transfer_id = '{first.TransferId}'
            AND NOT EXISTS (SELECT 1 FROM qadam.student_transfers b WHERE b.transfer_id = '{back.TransferId}' AND b.student_id = a.student_id)
            """));
    }

    [Fact]
    public async Task A_weather_decision_moves_only_the_shift_and_grades_the_indicator_table_chose()
    {
        // The demo school s1 has grades 1, 5, 9 and 11 in the first and second shifts; the table chose grades 5 to 9.
        var selection = new StudentSelection([1], 5, 9, [], Today.Month >= 9 ? Today.Year : Today.Year - 1);
        var request = new MassTransferRequest(Guid.CreateVersion7(), "transferStudents", "weather", 1, null, TransferDirection.Distance, Today, Today,
            ["s1"], selection);
        var expected = await CountAsync("""
            SELECT count(*) FROM qadam.students s JOIN qadam.organisations o ON o.id = s.organisation_id
            WHERE o.code = 's1' AND s.shift = 1 AND s.class_name IN ('5Б', '9А')
            """);

        var outcome = await Runner.RunAsync(request);

        Assert.InRange(expected, 1, 9);
        Assert.Equal(expected, outcome.Total);
        Assert.Equal(0, await CountAsync($"""
            SELECT count(*) FROM qadam.student_transfers t JOIN qadam.students s ON s.id = t.student_id
            WHERE t.transfer_id = '{outcome.TransferId}' AND (s.shift <> 1 OR s.class_name NOT IN ('5Б', '9А'))
            """));
    }

    [Fact]
    public async Task The_officer_sees_every_school_the_head_only_theirs_and_the_parent_a_notice_in_their_language()
    {
        var instance = Guid.CreateVersion7();
        await Runner.RunAsync(Emergency(instance, "transferStudents", TransferDirection.Distance, "s1", "s2"));

        using var regional = await api.ClientForAsync("regional.r1");
        using var head = await api.ClientForAsync("head.s1");
        using var parent = await api.ClientForAsync("parent.p1");
        var seenByOfficer = (await regional.GetFromJsonAsync<JsonElement>($"/api/mass-transfers?instance={instance}"))[0];
        var seenByHead = (await head.GetFromJsonAsync<JsonElement>($"/api/mass-transfers?instance={instance}"))[0];
        using var neither = await regional.GetAsync("/api/mass-transfers");
        using var ru = new HttpRequestMessage(HttpMethod.Get, "/api/parents/me/notifications");
        ru.Headers.AcceptLanguage.ParseAdd("ru");
        using var notices = await parent.SendAsync(ru);
        var kk = await parent.GetFromJsonAsync<JsonElement>("/api/parents/me/notifications");

        Assert.Equal("completed", seenByOfficer.GetProperty("status").GetString());
        Assert.Equal(["s1", "s2"], seenByOfficer.GetProperty("schools").EnumerateArray().Select(s => s.GetProperty("organisation").GetString()));
        Assert.Equal(seenByOfficer.GetProperty("total").GetInt32(), seenByOfficer.GetProperty("done").GetInt32());
        Assert.Equal(["s1"], seenByHead.GetProperty("schools").EnumerateArray().Select(s => s.GetProperty("organisation").GetString()));
        Assert.True(seenByHead.GetProperty("total").GetInt32() < seenByOfficer.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, neither.StatusCode);
        var notice = (await notices.Content.ReadFromJsonAsync<JsonElement>())[0];
        Assert.Contains("переведён(а) на дистанционное обучение", notice.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(notice.GetProperty("studentName").GetString()!, notice.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("қашықтан оқытуға ауыстырылды", kk[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    private async Task<long> CountAsync(string sql)
    {
        _ = api.Server;
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
