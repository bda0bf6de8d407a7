using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Qadam.Api.Tests.Features.Definitions;
using Qadam.Workflows.Execution;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// The regional officer follows the frost morning school by school (order 103 para 14-15): at -26 °C with 3 m/s s1's head
/// orders at 06:05 within the window, while s3 (its district's own table) has not ordered by 07:00 and is late and
/// escalated; each row names the table that applied by its territory and what it proposed, and counts the parents reached.
/// </summary>
public sealed class WeatherDecisionViewTests(MovableClockApiFactory api) : IClassFixture<MovableClockApiFactory>
{
    private static readonly TimeSpan Kazakhstan = TimeSpan.FromHours(5);

    [Fact]
    public async Task The_officer_sees_each_schools_table_proposal_order_state_and_parents_reached_and_others_cannot_look()
    {
        var forDate = api.Time.Today.AddDays(1);
        api.Time.Advance(new DateTimeOffset(forDate.ToDateTime(new TimeOnly(5, 45)), Kazakhstan) - api.Time.GetUtcNow());
        using var regional = await api.ClientForAsync("regional.r1");
        using var opened = await regional.PostAsync("/api/weather-decisions", Pathways.Json(new { language = "ru" }));
        Assert.True(opened.StatusCode == HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var instance = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetString();
        var opening = await regional.GetFromJsonAsync<JsonElement>($"/api/weather-decisions/{instance}");
        Assert.Equal(JsonValueKind.String, opening.GetProperty("observationTaskId").ValueKind);
        await MassPathwaysEndToEndTests.CompleteAsync(api, regional, "enterWeather", new
        {
            forDate = forDate.ToString("yyyy-MM-dd"), shiftGroup = "first", source = "observed", temperature = -26, windSpeed = 3, blizzard = false,
        });

        var before = await regional.GetFromJsonAsync<JsonElement>($"/api/weather-decisions/{instance}");
        Assert.Equal(-26, before.GetProperty("temperature").GetDouble());
        Assert.Equal(WeatherState.NotYet, School(before, "s1").GetProperty("orderState").GetString());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("observationTaskId").ValueKind);

        api.Time.Advance(new DateTimeOffset(forDate.ToDateTime(new TimeOnly(6, 5)), Kazakhstan) - api.Time.GetUtcNow());
        var (texts, _) = await MassPathwaysEndToEndTests.HeadSignsTheOrderAsync(api, "head.s1", "headOrder", new
        {
            modeOfWork = "Кезекші топтар / Дежурные группы", responsibleAdministration = "Сейтова А.", responsibleTeachers = "Иванова Е.",
        }, FireTimersAsync);
        // At -26 °C the table moves grades 0-4: s1's order names its one such class, not its older ones (para 16(1)).
        foreach (var (language, text) in texts)
        {
            DocumentTexts.Contains(text, language == "kk" ? "Сыныптар, топтар: 1А; ауысым: 1." : "Классы, группы: 1А; смена: 1.");
            Assert.DoesNotContain("5Б", text, StringComparison.Ordinal);
        }

        await MassPathwaysEndToEndTests.WaitForAsync(api, async () =>
        {
            var list = await regional.GetFromJsonAsync<JsonElement>($"/api/mass-transfers?instance={instance}");
            return list.GetArrayLength() == 1 && list[0].GetProperty("status").GetString() == "completed" ? list[0] : (JsonElement?)null;
        }, "s1's transfer to complete", FireTimersAsync);
        api.Time.Advance(new DateTimeOffset(forDate.ToDateTime(new TimeOnly(7, 5)), Kazakhstan) - api.Time.GetUtcNow());
        await FireTimersAsync();

        // Tokens live half an hour on the moved clock: the officer signs in again at 07:05.
        using var later = await FreshClientAsync("regional.r1");
        var view = await later.GetFromJsonAsync<JsonElement>($"/api/weather-decisions/{instance}");
        var s1 = School(view, "s1");
        Assert.Equal(WeatherState.Ordered, s1.GetProperty("orderState").GetString());
        var orderedAt = TimeOnly.FromDateTime(s1.GetProperty("orderedAt").GetDateTimeOffset().ToOffset(Kazakhstan).DateTime);
        Assert.InRange(orderedAt, new TimeOnly(6, 0), new TimeOnly(7, 0));
        Assert.Equal("weather-indicators-r1", s1.GetProperty("indicatorTable").GetString());
        Assert.False(string.IsNullOrEmpty(s1.GetProperty("tableNameRu").GetString()));
        Assert.Contains("-25 °C", s1.GetProperty("proposalRu").GetString(), StringComparison.Ordinal);
        Assert.True(s1.GetProperty("studentsMoved").GetInt32() > 0);
        Assert.Equal(await ParentsToldAsync("s1"), s1.GetProperty("parentsReached").GetInt32());

        var s3 = School(view, "s3");
        Assert.Equal(WeatherState.Late, s3.GetProperty("orderState").GetString());
        Assert.True(s3.GetProperty("escalated").GetBoolean());
        Assert.Equal("weather-indicators-d2", s3.GetProperty("indicatorTable").GetString());
        Assert.Contains("Сарыарка", s3.GetProperty("tableNameRu").GetString(), StringComparison.Ordinal);
        Assert.Contains("-22 °C", s3.GetProperty("proposalRu").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, s3.GetProperty("parentsReached").GetInt32());

        // A school's head does not follow the region's decision; an unknown decision is not found.
        using var head = await FreshClientAsync("head.s1");
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync($"/api/weather-decisions/{instance}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await later.GetAsync($"/api/weather-decisions/{Guid.CreateVersion7()}")).StatusCode);
    }

    private static JsonElement School(JsonElement view, string code) =>
        view.GetProperty("schools").EnumerateArray().Single(s => s.GetProperty("organisation").GetString() == code);

    /// <summary>A client with a token issued now (the factory caches one per user, issued on the clock of its first use).</summary>
    private async Task<HttpClient> FreshClientAsync(string user)
    {
        var client = api.CreateClient();
        using var token = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "demo-cli", ["username"] = user, ["password"] = "demo", ["scope"] = "profile roles",
        }));
        var body = await token.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
        return client;
    }

    private async Task FireTimersAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ProcessEngine>().FireDueTimersAsync();
    }

    private async Task<int> ParentsToldAsync(string school)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT count(*)::int FROM qadam.student_transfers n JOIN qadam.students s ON s.id = n.student_id
            JOIN qadam.organisations o ON o.id = s.organisation_id WHERE o.code = @school
            """, connection);
        command.Parameters.AddWithValue("school", school);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private static class WeatherState
    {
        public const string NotYet = "not-yet";
        public const string Ordered = "ordered";
        public const string Late = "late";
    }
}
