using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Qadam.Api.Tests.Features.Definitions;
using Qadam.Workflows.Execution;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// A frost morning over HTTP on a clock the test moves: the regional officer records the observed values, the order task
/// of a school opens at 06:00 of the day (order 103 para 15), the head fills in the para 16 contents, the order is
/// rendered from them in Kazakh and Russian and signed, LibreOffice reads both, and that school's first shift moves
/// without waiting for the other schools. The order is the head's "or the person replacing the head" (para 15): the same
/// morning with the deputy ordering and signing is <see cref="WeatherDeputyEndToEndTests"/>.
/// </summary>
public sealed class WeatherEndToEndTests(MovableClockApiFactory api) : WeatherMorning(api, "head.s1"), IClassFixture<MovableClockApiFactory>;

/// <summary>The head of s1 is absent: <c>deputy.s1</c> (role deputyHead) fills in, and signs, the school's order.</summary>
public sealed class WeatherDeputyEndToEndTests(MovableClockApiFactory api)
    : WeatherMorning(api, "deputy.s1"), IClassFixture<MovableClockApiFactory>;

/// <summary>The frost morning of one school, ordered and signed by <paramref name="signer"/> (each subclass: its own database).</summary>
public abstract class WeatherMorning(MovableClockApiFactory api, string signer)
{
    private static readonly TimeSpan Kazakhstan = TimeSpan.FromHours(5);

    [Fact]
    public async Task At_six_the_school_orders_from_the_form_the_signed_order_reads_back_with_its_contents_and_the_school_moves_alone()
    {
        // The officer works at 05:45 on the frost day (tokens are issued on the moved clock and live half an hour).
        var forDate = api.Time.Today.AddDays(1);
        api.Time.Advance(new DateTimeOffset(forDate.ToDateTime(new TimeOnly(5, 45)), Kazakhstan) - api.Time.GetUtcNow());
        using var regional = await api.ClientForAsync("regional.r1");
        using var opened = await regional.PostAsync("/api/weather-decisions", Pathways.Json(new { language = "kk" }));
        Assert.True(opened.StatusCode == HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var instance = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetString();

        // -31 °C with 6 m/s: grades 0-11 and college years 1-2 of the first shift (the Astana indicators).
        await MassPathwaysEndToEndTests.CompleteAsync(api, regional, "enterWeather", new
        {
            forDate = forDate.ToString("yyyy-MM-dd"), shiftGroup = "first", source = "observed", temperature = -31, windSpeed = 6, blizzard = false,
        });
        using var head = await api.ClientForAsync(signer);
        var beforeSix = (await head.GetFromJsonAsync<JsonElement>("/api/tasks?element=headOrder")).GetProperty("items").GetArrayLength();
        api.Time.Advance(new DateTimeOffset(forDate.ToDateTime(new TimeOnly(6, 5)), Kazakhstan) - api.Time.GetUtcNow());

        var (texts, numbers) = await MassPathwaysEndToEndTests.HeadSignsTheOrderAsync(api, signer, "headOrder", new
        {
            modeOfWork = "Кезекші топтар / Дежурные группы",
            responsibleAdministration = "Сейтова А. (орынбасар / заместитель)", responsibleTeachers = "Иванова Е., Ахметов Б.",
        }, FireTimersAsync);

        Assert.Equal(0, beforeSix);
        foreach (var (language, text) in texts)
        {
            // The classes and the shift are the decision's (para 16(1)): s1's first-shift classes of grades 0-11 from its
            // roster, not typed by the head.
            DocumentTexts.Contains(text, DocumentTexts.OrderTitle(language), DocumentTexts.School1(language), DocumentTexts.Basis(language),
                language == "kk" ? "Сыныптар, топтар: 1А, 5Б, 9А, 11А; ауысым: 1." : "Классы, группы: 1А, 5Б, 9А, 11А; смена: 1.",
                "Кезекші топтар / Дежурные группы", "Сейтова А.", "Иванова Е., Ахметов Б.");
            SignedDocuments.CarriesOnlyItsNumber(text, numbers[language]);
        }

        var transfer = await MassPathwaysEndToEndTests.WaitForAsync(api, async () =>
        {
            var list = await regional.GetFromJsonAsync<JsonElement>($"/api/mass-transfers?instance={instance}");
            return list.GetArrayLength() == 1 && list[0].GetProperty("status").GetString() == "completed" ? list[0] : (JsonElement?)null;
        }, "s1's transfer to complete", FireTimersAsync);
        Assert.Equal(["s1"], transfer.GetProperty("schools").EnumerateArray().Select(s => s.GetProperty("organisation").GetString()));
        Assert.Equal(await FirstShiftOfS1Async(), transfer.GetProperty("done").GetInt32());
    }

    private async Task FireTimersAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ProcessEngine>().FireDueTimersAsync();
    }

    private async Task<int> FirstShiftOfS1Async()
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT count(*)::int FROM qadam.students s JOIN qadam.organisations o ON o.id = s.organisation_id
            WHERE o.code = 's1' AND s.shift = 1 AND s.level <> 'Tvet'
            """, connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
