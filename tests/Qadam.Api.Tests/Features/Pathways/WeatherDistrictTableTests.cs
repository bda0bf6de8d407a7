using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Qadam.Api.Tests.Features.Definitions;
using Qadam.Workflows.Execution;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// The indicator tables are approved by the oblast's, the city's and the district's education bodies (order 103 para
/// 12(1)), and the most specific one applies to a school. Sary-Arka (d2) has approved its own, stricter for the youngest:
/// at -23 °C with 3 m/s the city's table (r1) moves no one, while d2's moves grades 0-4 of its schools.
/// </summary>
public sealed class WeatherDistrictTableTests(MovableClockApiFactory api) : IClassFixture<MovableClockApiFactory>
{
    private static readonly TimeSpan Kazakhstan = TimeSpan.FromHours(5);

    [Fact]
    public async Task A_district_with_its_own_indicator_table_decides_differently_from_the_region()
    {
        var forDate = api.Time.Today.AddDays(1);
        api.Time.Advance(new DateTimeOffset(forDate.ToDateTime(new TimeOnly(5, 45)), Kazakhstan) - api.Time.GetUtcNow());
        using var regional = await api.ClientForAsync("regional.r1");
        using var opened = await regional.PostAsync("/api/weather-decisions", Pathways.Json(new { language = "ru" }));
        Assert.True(opened.StatusCode == HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var decision = await opened.Content.ReadFromJsonAsync<JsonElement>();
        var instance = decision.GetProperty("instanceId").GetString();
        var schools = decision.GetProperty("schools").EnumerateArray().ToDictionary(s => s.GetProperty("organisation").GetString()!);

        // Each school names the table that applies to it and that table's approval (who, when, agreed with whom; school year).
        Assert.Equal("weather-indicators-r1", schools["s1"].GetProperty("indicatorTable").GetString());
        Assert.Equal("weather-indicators-d2", schools["s3"].GetProperty("indicatorTable").GetString());
        Assert.Contains("отдела образования по району Сарыарка от 25.08.2025 № 112", schools["s3"].GetProperty("indicatorsApproval").GetString(),
            StringComparison.Ordinal);
        Assert.Contains("согласованы с", schools["s3"].GetProperty("indicatorsApproval").GetString(), StringComparison.Ordinal);
        Assert.Equal("2025-2026", schools["s3"].GetProperty("indicatorsSchoolYear").GetString());

        await MassPathwaysEndToEndTests.CompleteAsync(api, regional, "enterWeather", new
        {
            forDate = forDate.ToString("yyyy-MM-dd"), shiftGroup = "first", source = "observed", temperature = -23, windSpeed = 3, blizzard = false,
        });
        api.Time.Advance(new DateTimeOffset(forDate.ToDateTime(new TimeOnly(6, 5)), Kazakhstan) - api.Time.GetUtcNow());
        await FireTimersAsync();

        // s3 (d2's table) gets the order task; s1 and s2 (the city's table) study as usual and get none.
        using var headS3 = await api.ClientForAsync("head.s3");
        var s3Tasks = await MassPathwaysEndToEndTests.WaitForAsync(api, async () =>
        {
            var page = await headS3.GetFromJsonAsync<JsonElement>("/api/tasks?element=headOrder");
            return page.GetProperty("items").GetArrayLength() is > 0 and var n ? n : (int?)null;
        }, "s3's head to get the order task", FireTimersAsync);
        Assert.Equal(1, s3Tasks);
        using var headS1 = await api.ClientForAsync("head.s1");
        Assert.Equal(0, (await headS1.GetFromJsonAsync<JsonElement>("/api/tasks?element=headOrder")).GetProperty("items").GetArrayLength());

        var (texts, _) = await MassPathwaysEndToEndTests.HeadSignsTheOrderAsync(api, "head.s3", "headOrder", new
        {
            modeOfWork = "Кезекші топтар / Дежурные группы",
            responsibleAdministration = "Омарова Г.", responsibleTeachers = "Ким Л.",
        }, FireTimersAsync, outsider: "regional.r1");
        // The order names the classes the district's table moves at s3 (grades 0-4: 3А, not 8А) from its roster (para 16(1)).
        Assert.All(texts, t => DocumentTexts.Contains(t.Text, t.Language == "kk" ? "Сыныптар, топтар: 3А; ауысым: 1." : "Классы, группы: 3А; смена: 1."));
        Assert.All(texts, t => Assert.DoesNotContain("8А", t.Text, StringComparison.Ordinal));

        // What the district's table proposed (grades 0-4) is what the order moves: s3's first-shift 3А, not its 8А.
        var transfer = await MassPathwaysEndToEndTests.WaitForAsync(api, async () =>
        {
            var list = await regional.GetFromJsonAsync<JsonElement>($"/api/mass-transfers?instance={instance}");
            return list.GetArrayLength() == 1 && list[0].GetProperty("status").GetString() == "completed" ? list[0] : (JsonElement?)null;
        }, "s3's transfer to complete", FireTimersAsync);
        Assert.Equal(["s3"], transfer.GetProperty("schools").EnumerateArray().Select(s => s.GetProperty("organisation").GetString()));
        var youngest = await ScalarAsync("""
            SELECT count(*)::int FROM qadam.students s JOIN qadam.organisations o ON o.id = s.organisation_id
            WHERE o.code = 's3' AND s.shift = 1 AND s.class_name = '3А'
            """);
        Assert.True(youngest > 0);
        Assert.Equal(youngest, transfer.GetProperty("done").GetInt32());
    }

    private async Task FireTimersAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ProcessEngine>().FireDueTimersAsync();
    }

    private async Task<int> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
