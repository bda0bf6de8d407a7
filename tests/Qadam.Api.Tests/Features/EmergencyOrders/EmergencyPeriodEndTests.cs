using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Tests.Features.Definitions;
using Qadam.Api.Tests.Features.EndToEnd;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Persistence;

namespace Qadam.Api.Tests.Features.EmergencyOrders;

/// <summary>
/// The return of an emergency transfer is armed when the department's order is received, from its period (order 103 para
/// 22): when the period ends every student comes back, though no school has confirmed LMS access and s2 never even issued
/// its own order. One late school holds no one.
/// </summary>
public sealed class EmergencyPeriodEndTests(MovableClockApiFactory api) : IClassFixture<MovableClockApiFactory>
{
    [Fact]
    public async Task The_return_fires_at_the_end_of_the_period_though_no_school_confirmed_LMS_access()
    {
        var today = api.Time.Today;
        using var integration = await Pathways.IntegrationClientAsync(api);
        using var posted = await integration.PostAsync("/api/emergency-orders", Pathways.Json(new
        {
            issuingBody = "r1", number = "ЧС-end", date = today, territory = "d1",
            period = new { from = today, to = today.AddDays(1) }, ground = "Морозы ниже -30 °C",
        }));
        Assert.True(posted.StatusCode == HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
        var orderId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var regional = await api.ClientForAsync("regional.r1");
        var transfer = await MassPathwaysEndToEndTests.WaitForAsync(api, async () =>
        {
            var list = await regional.GetFromJsonAsync<JsonElement>($"/api/mass-transfers?order={orderId}");
            return list.GetArrayLength() == 1 && list[0].GetProperty("status").GetString() == "completed" ? list[0] : (JsonElement?)null;
        }, "the mass transfer to complete");
        Assert.True(transfer.GetProperty("done").GetInt32() > 0);

        // Two days on: the period (today and tomorrow) is over, and no school's LMS step was ever completed.
        api.Time.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(1));
        using var officer = await FreshClientAsync("regional.r1");
        var back = await MassPathwaysEndToEndTests.WaitForAsync(api, async () =>
        {
            var list = await officer.GetFromJsonAsync<JsonElement>($"/api/mass-transfers?order={orderId}");
            return list.EnumerateArray().FirstOrDefault(t => t.GetProperty("direction").GetString() == "return") is { ValueKind: JsonValueKind.Object } r
                   && r.GetProperty("status").GetString() == "completed" ? r : (JsonElement?)null;
        }, "the return at the period's end", FireTimersAsync);

        Assert.Equal(transfer.GetProperty("done").GetInt32(), back.GetProperty("done").GetInt32());
        await using var scope = api.Services.CreateAsyncScope();
        var workflows = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        Assert.Equal(0, await workflows.Tasks.AsNoTracking()
            .CountAsync(t => t.DefinitionKey == "emergency-transfer" && t.ElementId == "lmsAccess" && t.Status == UserTaskStatus.Completed));
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
