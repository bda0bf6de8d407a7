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
/// The notification system is approved before the school year with its responsible persons, forms and methods (order 103
/// para 12(2)), by the city (r1: television and radio, websites, social networks and messengers, class teachers) and by
/// Sary-Arka district for its schools (d2: no television). At 06:45 each school's notice goes out through its own system's
/// channels; the school records the channels of para 13 it used, each with its time, and the regional officer sees them,
/// marked when the school's system does not name one. The school also confirms the forms of work were told (para 19) and the
/// Rules put in the diaries (para 20(3)), and at the end of the day that the parents were told the results (para 20(4)).
/// </summary>
public sealed class WeatherNotificationTests(MovableClockApiFactory api) : IClassFixture<MovableClockApiFactory>
{
    private static readonly TimeSpan Kazakhstan = TimeSpan.FromHours(5);

    [Fact]
    public async Task Each_school_notifies_through_its_approved_system_and_the_officer_sees_each_channel_with_its_time()
    {
        var forDate = api.Time.Today.AddDays(1);
        At(forDate, 5, 45);
        using var regional = await api.ClientForAsync("regional.r1");
        using var opened = await regional.PostAsync("/api/weather-decisions", Pathways.Json(new { language = "ru" }));
        Assert.True(opened.StatusCode == HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var decision = await opened.Content.ReadFromJsonAsync<JsonElement>();
        var instance = decision.GetProperty("instanceId").GetString();
        var schools = decision.GetProperty("schools").EnumerateArray().ToDictionary(s => s.GetProperty("organisation").GetString()!);
        Assert.Equal("weather-notification-r1", schools["s1"].GetProperty("notificationTable").GetString());
        Assert.Equal("weather-notification-d2", schools["s3"].GetProperty("notificationTable").GetString());
        Assert.Contains("ответственные лица, формы и способы оповещения", schools["s3"].GetProperty("notificationApproval").GetString(),
            StringComparison.Ordinal);

        // -26 °C: both tables move the youngest, so s1 (the city's) and s3 (Sary-Arka's) order.
        await MassPathwaysEndToEndTests.CompleteAsync(api, regional, "enterWeather", new
        {
            forDate = forDate.ToString("yyyy-MM-dd"), shiftGroup = "first", source = "observed", temperature = -26, windSpeed = 3, blizzard = false,
        });
        At(forDate, 6, 5);
        var order = new { modeOfWork = "Кезекші топтар / Дежурные группы", responsibleAdministration = "Сейтова А.", responsibleTeachers = "Иванова Е." };
        await MassPathwaysEndToEndTests.HeadSignsTheOrderAsync(api, "head.s1", "headOrder", order, FireTimersAsync);
        await MassPathwaysEndToEndTests.HeadSignsTheOrderAsync(api, "head.s3", "headOrder", order, FireTimersAsync, outsider: "regional.r1");

        // Both schools have ordered; at 06:40 no notice has gone out and no class teacher is asked yet (para 14: from 06:45).
        At(forDate, 6, 40);
        await FireTimersAsync();
        Assert.Equal(0, await NoticesAsync(instance!));
        using (var early = await FreshClientAsync("teacher.s1"))
        {
            Assert.Equal(0, (await early.GetFromJsonAsync<JsonElement>("/api/tasks?element=parentsNotified")).GetProperty("items").GetArrayLength());
        }

        At(forDate, 6, 50);
        await FireTimersAsync();
        using var teacher = await FreshClientAsync("teacher.s1");
        var s1Task = await TaskOfAsync(teacher, "parentsNotified");

        // The channels, the forms of work (para 19) and the diaries (para 20(3)) are required, named by field, in Russian.
        using var bare = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{s1Task}/complete")
        {
            Content = Pathways.Json(new { data = new { parentsNotified = true, channel = "messenger" } }),
        };
        bare.Headers.AcceptLanguage.ParseAdd("ru");
        using var refused = await teacher.SendAsync(bare);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("data.channels", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("data.formsOfWorkCommunicated", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("data.rulesInDiaries", out _), errors.ToString());

        await CompleteAsync(teacher, s1Task, new
        {
            parentsNotified = true, channel = "messenger", channels = new[] { "class-teachers", "website" }, formsOfWorkCommunicated = true,
            rulesInDiaries = true,
        });
        At(forDate, 6, 55);
        using var headS3 = await FreshClientAsync("head.s3");
        await CompleteAsync(headS3, await TaskOfAsync(headS3, "parentsNotified"), new
        {
            parentsNotified = true, channel = "phone", channels = new[] { "tv-radio", "class-teachers" }, formsOfWorkCommunicated = true,
            rulesInDiaries = true,
        });

        using var officer = await FreshClientAsync("regional.r1");
        var view = await officer.GetFromJsonAsync<JsonElement>($"/api/weather-decisions/{instance}");
        var s1 = School(view, "s1");
        Assert.Equal("weather-notification-r1", s1.GetProperty("notificationTable").GetString());
        var s1Sent = s1.GetProperty("notifications").EnumerateArray().ToList();
        Assert.Equal(["class-teachers", "website"], s1Sent.Select(n => n.GetProperty("channel").GetString()));
        Assert.All(s1Sent, n => Assert.InRange(n.GetProperty("at").GetDateTimeOffset(), LocalTime(forDate, 6, 50), LocalTime(forDate, 6, 55)));
        Assert.All(s1Sent, n => Assert.True(n.GetProperty("approved").GetBoolean()));
        Assert.Equal("Классные руководители", s1Sent[0].GetProperty("labelRu").GetString());

        // Sary-Arka approved no television: s3's television notice is shown, and shown as outside its system.
        var s3 = School(view, "s3");
        Assert.Equal("weather-notification-d2", s3.GetProperty("notificationTable").GetString());
        var s3Sent = s3.GetProperty("notifications").EnumerateArray()
            .ToDictionary(n => n.GetProperty("channel").GetString()!, n => n.GetProperty("approved").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["tv-radio"] = false, ["class-teachers"] = true }, s3Sent);
        Assert.All(s3.GetProperty("notifications").EnumerateArray(),
            n => Assert.InRange(n.GetProperty("at").GetDateTimeOffset(), LocalTime(forDate, 6, 55), LocalTime(forDate, 7, 0)));

        // Each school's 06:45 notice was sent through its own system's channels (the city's four, the district's three).
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var workflows = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
            var notices = await workflows.Outbox.AsNoTracking()
                .Where(o => o.InstanceId == Guid.Parse(instance!) && o.Topic == "notify").ToListAsync();
            var channels = notices.Where(n => n.Payload["element"]!.GetValue<string>() == "notifyParents")
                .Select(n => string.Join(",", n.Payload["channels"]!.AsArray().Select(c => c!.GetValue<string>()))).Order(StringComparer.Ordinal);
            Assert.Equal(["tv-radio,website,social-messengers,class-teachers", "website,social-messengers,class-teachers"], channels);
            Assert.All(notices, n => Assert.True(n.CreatedAt >= LocalTime(forDate, 6, 45)));
        }

        // At the end of the day the parents are told the results (para 20(4)): the count alone does not close the day.
        var attendance = await TaskOfAsync(teacher, "attendance");
        using var noResults = await teacher.PostAsync($"/api/tasks/{attendance}/complete",
            Pathways.Json(new { data = new { studentsCame = 2, studentsConnected = 3, escortedHome = true } }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noResults.StatusCode);
        Assert.True((await noResults.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("data.dayResultsToParents", out _));
        await CompleteAsync(teacher, attendance, new { studentsCame = 2, studentsConnected = 3, escortedHome = true, dayResultsToParents = true });
    }

    private async Task<int> NoticesAsync(string instance)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var workflows = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        return await workflows.Outbox.AsNoTracking().CountAsync(o => o.InstanceId == Guid.Parse(instance) && o.Topic == "notify");
    }

    private void At(DateOnly day, int hour, int minute) => api.Time.Advance(LocalTime(day, hour, minute) - api.Time.GetUtcNow());

    private static DateTimeOffset LocalTime(DateOnly day, int hour, int minute) =>
        new(day.ToDateTime(new TimeOnly(hour, minute)), Kazakhstan);

    private static JsonElement School(JsonElement view, string code) =>
        view.GetProperty("schools").EnumerateArray().Single(s => s.GetProperty("organisation").GetString() == code);

    private async Task<string> TaskOfAsync(HttpClient client, string element)
    {
        var id = await MassPathwaysEndToEndTests.WaitForAsync(api, async () =>
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/tasks?element={element}");
            return page.GetProperty("items").EnumerateArray().Select(t => (Guid?)t.GetProperty("id").GetGuid()).FirstOrDefault();
        }, $"the task {element}", FireTimersAsync);
        return id.ToString();
    }

    private static async Task CompleteAsync(HttpClient client, string task, object data)
    {
        using var done = await client.PostAsync($"/api/tasks/{task}/complete", Pathways.Json(new { data }));
        Assert.True(done.StatusCode == HttpStatusCode.OK, $"{task}: {done.StatusCode} {await done.Content.ReadAsStringAsync()}");
    }

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
