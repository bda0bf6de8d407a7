using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Tests.Features.Definitions;
using Qadam.Workflows.Execution;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// The head (or the deputy replacing the head) decides the frost order on the approved indicators (order 103 para 15):
/// the order task opens with what the school's own table proposed for it, the grades and the shift, prefilled in the form
/// and named with the table that proposed it. At -26 °C with 3 m/s the city's table (r1) proposes grades 0-4 of the first
/// shift for s1; s3 in Sary-Arka reads its district's table (para 12(1)).
/// </summary>
public sealed class WeatherOrderProposalTests(MovableClockApiFactory api) : IClassFixture<MovableClockApiFactory>
{
    private static readonly TimeSpan Kazakhstan = TimeSpan.FromHours(5);

    [Fact]
    public async Task The_head_and_the_deputy_open_the_order_task_prefilled_with_their_schools_proposal()
    {
        var forDate = api.Time.Today.AddDays(1);
        api.Time.Advance(new DateTimeOffset(forDate.ToDateTime(new TimeOnly(5, 45)), Kazakhstan) - api.Time.GetUtcNow());
        using var regional = await api.ClientForAsync("regional.r1");
        using var opened = await regional.PostAsync("/api/weather-decisions", Pathways.Json(new { language = "kk" }));
        Assert.True(opened.StatusCode == HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        await MassPathwaysEndToEndTests.CompleteAsync(api, regional, "enterWeather", new
        {
            forDate = forDate.ToString("yyyy-MM-dd"), shiftGroup = "first", source = "observed", temperature = -26, windSpeed = 3, blizzard = false,
        });
        api.Time.Advance(new DateTimeOffset(forDate.ToDateTime(new TimeOnly(6, 5)), Kazakhstan) - api.Time.GetUtcNow());

        foreach (var person in new[] { "head.s1", "deputy.s1" })
        {
            using var client = await api.ClientForAsync(person);
            var detail = await OrderTaskAsync(client, person);
            // Nothing to type about the classes: the order prints them itself (para 16(1)); the task shows the proposal.
            Assert.DoesNotContain("classesAndShift", detail.GetProperty("formFields").EnumerateArray().Select(f => f.GetString()));
            var proposal = detail.GetProperty("proposal");
            Assert.Equal("weather-indicators-r1", proposal.GetProperty("indicatorTable").GetString());
            Assert.Equal((0, 4), (proposal.GetProperty("gradesFrom").GetInt32(), proposal.GetProperty("gradesTo").GetInt32()));
            Assert.Equal([1], proposal.GetProperty("shifts").EnumerateArray().Select(s => s.GetInt32()));
            Assert.Contains("-25 °C", proposal.GetProperty("labelRu").GetString(), StringComparison.Ordinal);
        }

        // s3's order task carries its district's table, not the city's.
        using var headS3 = await api.ClientForAsync("head.s3");
        var s3 = (await OrderTaskAsync(headS3, "head.s3")).GetProperty("proposal");
        Assert.Equal("weather-indicators-d2", s3.GetProperty("indicatorTable").GetString());
        Assert.Contains("-22 °C", s3.GetProperty("labelRu").GetString(), StringComparison.Ordinal);

    }

    private async Task<JsonElement> OrderTaskAsync(HttpClient client, string person)
    {
        var id = await MassPathwaysEndToEndTests.WaitForAsync(api, async () =>
        {
            var page = await client.GetFromJsonAsync<JsonElement>("/api/tasks?element=headOrder");
            return page.GetProperty("items").EnumerateArray().Select(t => (Guid?)t.GetProperty("id").GetGuid()).FirstOrDefault();
        }, $"{person} to get the order task", FireTimersAsync);
        return await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{id}");
    }

    private async Task FireTimersAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ProcessEngine>().FireDueTimersAsync();
    }
}
