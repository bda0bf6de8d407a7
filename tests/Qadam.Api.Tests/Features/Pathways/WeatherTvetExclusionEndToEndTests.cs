using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Persistence;
using Qadam.Api.Tests.Features.Definitions;
using Qadam.Workflows.Execution;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// A blizzard morning under the 2025 edition (103 Annex 1 para 3, 11-21): the pedagogical college c2 of the territory is
/// left out of the weather decision on the day of the decision, before any order window: its head gets no order task,
/// none of its students moves, and the officer's view of the decision shows it as excluded with the reason and the paragraph.
/// </summary>
public sealed class WeatherTvetExclusionEndToEndTests(MovableClockApiFactory api) : IClassFixture<MovableClockApiFactory>
{
    private static readonly TimeSpan Kazakhstan = TimeSpan.FromHours(5);

    [Fact]
    public async Task The_officer_sees_the_pedagogical_college_excluded_with_its_reason_and_its_head_has_no_order_to_issue()
    {
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
            var d2 = await db.Organisations.SingleAsync(o => o.Code == "d2");
            await db.Database.ExecuteSqlAsync($"""UPDATE qadam.organisations SET parent_id = {d2.Id} WHERE code = 'c2'""");
        }

        var forDate = api.Time.Today.AddDays(1);
        api.Time.Advance(new DateTimeOffset(forDate.ToDateTime(new TimeOnly(5, 40)), Kazakhstan) - api.Time.GetUtcNow());
        using var regional = await api.ClientForAsync("regional.r1");
        using var opened = await regional.PostAsync("/api/weather-decisions", Pathways.Json(new { language = "kk" }));
        Assert.True(opened.StatusCode == HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var started = await opened.Content.ReadFromJsonAsync<JsonElement>();
        var instance = started.GetProperty("instanceId").GetString();
        var listed = started.GetProperty("schools").EnumerateArray().Single(s => s.GetProperty("organisation").GetString() == "c2");
        Assert.Equal(["pedagogical"], listed.GetProperty("programmes").EnumerateArray().Select(p => p.GetString()));

        await MassPathwaysEndToEndTests.CompleteAsync(api, regional, "enterWeather", new
        {
            forDate = forDate.ToString("yyyy-MM-dd"), shiftGroup = "first", source = "observed", temperature = -18, windSpeed = 16, blizzard = true,
        });

        var c2 = await MassPathwaysEndToEndTests.WaitForAsync(api, async () =>
        {
            var view = await regional.GetFromJsonAsync<JsonElement>($"/api/weather-decisions/{instance}");
            var row = view.GetProperty("schools").EnumerateArray().Single(s => s.GetProperty("organisation").GetString() == "c2");
            return row.GetProperty("orderState").GetString() == "excluded" ? row : (JsonElement?)null;
        }, "c2's exclusion to be recorded", FireTimersAsync);

        Assert.Contains("педагогического", c2.GetProperty("exclusionReasonRu").GetString());
        Assert.Contains("педагогикалық", c2.GetProperty("exclusionReasonKk").GetString());
        Assert.Contains("п. 3", c2.GetProperty("exclusionLegalBasis").GetString());
        Assert.Equal(0, c2.GetProperty("studentsMoved").GetInt32());

        // At 06:00 the window opens: s1's head has the order to issue, c2's head nothing.
        api.Time.Advance(new DateTimeOffset(forDate.ToDateTime(new TimeOnly(6, 1)), Kazakhstan) - api.Time.GetUtcNow());
        await FireTimersAsync();
        using var headS1 = await api.ClientForAsync("head.s1");
        await MassPathwaysEndToEndTests.WaitForAsync(api, async () =>
        {
            var page = await headS1.GetFromJsonAsync<JsonElement>("/api/tasks?element=headOrder");
            return page.GetProperty("items").GetArrayLength() > 0 ? page : (JsonElement?)null;
        }, "s1's order task", FireTimersAsync);
        using var headC2 = await api.ClientForAsync("head.c2");
        var c2Tasks = await headC2.GetFromJsonAsync<JsonElement>("/api/tasks");
        Assert.Equal(0, c2Tasks.GetProperty("items").GetArrayLength());
    }

    private async Task FireTimersAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ProcessEngine>().FireDueTimersAsync();
    }
}
