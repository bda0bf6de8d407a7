using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Tests.Features.Definitions;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Persistence;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// The second and third shifts over HTTP (order 103 para 14-15): the decision is opened before noon; the head's order task
/// opens at 10:30, not before, due at 12:00; the order names the school's second-shift classes; no notice goes out before
/// 11:15, and the class teacher's confirmation is due at 13:00.
/// </summary>
public sealed class WeatherSecondShiftTests(MovableClockApiFactory api) : IClassFixture<MovableClockApiFactory>
{
    private static readonly TimeSpan Kazakhstan = TimeSpan.FromHours(5);

    [Fact]
    public async Task A_second_shift_order_opens_at_half_past_ten_due_at_noon_and_its_notice_waits_for_a_quarter_past_eleven()
    {
        var forDate = api.Time.Today.AddDays(1);
        At(forDate, 9, 40);
        using var regional = await api.ClientForAsync("regional.r1");
        using var opened = await regional.PostAsync("/api/weather-decisions", Pathways.Json(new { language = "kk" }));
        Assert.True(opened.StatusCode == HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var instance = Guid.Parse((await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetString()!);
        await MassPathwaysEndToEndTests.CompleteAsync(api, regional, "enterWeather", new
        {
            forDate = forDate.ToString("yyyy-MM-dd"), shiftGroup = "later", source = "observed", temperature = -31, windSpeed = 6, blizzard = false,
        });

        At(forDate, 10, 20);
        await FireTimersAsync();
        using var early = await api.ClientForAsync("head.s1");
        Assert.Equal(0, (await early.GetFromJsonAsync<JsonElement>("/api/tasks?element=headOrder")).GetProperty("items").GetArrayLength());

        At(forDate, 10, 35);
        using var head = await FreshClientAsync("head.s1");
        var task = await MassPathwaysEndToEndTests.WaitForAsync(api, async () =>
        {
            var page = await head.GetFromJsonAsync<JsonElement>("/api/tasks?element=headOrder");
            return page.GetProperty("items").EnumerateArray().Select(t => (JsonElement?)t).FirstOrDefault();
        }, "s1's second-shift order task", FireTimersAsync);
        Assert.Equal(LocalTime(forDate, 12, 0), task.GetProperty("dueAt").GetDateTimeOffset());

        var (texts, _) = await MassPathwaysEndToEndTests.HeadSignsTheOrderAsync(api, "head.s1", "headOrder", new
        {
            modeOfWork = "Кезекші топтар / Дежурные группы", responsibleAdministration = "Сейтова А.", responsibleTeachers = "Иванова Е.",
        }, FireTimersAsync);
        foreach (var (language, text) in texts)
        {
            DocumentTexts.Contains(text, language == "kk" ? "екінші және үшінші ауысымдар үшін" : "для второй и третьей смен",
                language == "kk" ? "Сыныптар, топтар: 1А, 5Б, 9А, 11А; ауысым: 2." : "Классы, группы: 1А, 5Б, 9А, 11А; смена: 2.");
        }

        At(forDate, 11, 5);
        await FireTimersAsync();
        Assert.Equal(0, await NoticesAsync(instance));

        At(forDate, 11, 20);
        using var teacher = await FreshClientAsync("teacher.s1");
        var confirmation = await MassPathwaysEndToEndTests.WaitForAsync(api, async () =>
        {
            var page = await teacher.GetFromJsonAsync<JsonElement>("/api/tasks?element=parentsNotified");
            return page.GetProperty("items").EnumerateArray().Select(t => (JsonElement?)t).FirstOrDefault();
        }, "the class teacher's confirmation", FireTimersAsync);
        Assert.Equal(LocalTime(forDate, 13, 0), confirmation.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(1, await NoticesAsync(instance));
    }

    private async Task<int> NoticesAsync(Guid instance)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var workflows = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        return await workflows.Outbox.AsNoTracking().CountAsync(o => o.InstanceId == instance && o.Topic == "notify");
    }

    private void At(DateOnly day, int hour, int minute) => api.Time.Advance(LocalTime(day, hour, minute) - api.Time.GetUtcNow());

    private static DateTimeOffset LocalTime(DateOnly day, int hour, int minute) => new(day.ToDateTime(new TimeOnly(hour, minute)), Kazakhstan);

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
}
