using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Persistence;
using Qadam.Api.Tests.Features.Definitions;
using Qadam.Workflows.Persistence;
using Qadam.Workflows.Reads;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// An emergency order of 10 May 2025 binds to the 2023 edition (349 Annex 2 para 5, 14), carried out on 1 June 2025: the
/// exclusion in force on that day (103 Annex 1 para 3, no exception) leaves the pedagogical college c2 in class. Under the
/// 2023 edition, too, it gets no order rendered, no order to sign and no LMS check, and the region's progress says why.
/// </summary>
public sealed class EmergencyOrder2023TvetExclusionEndToEndTests(June2025ApiFactory api) : IClassFixture<June2025ApiFactory>
{
    [Fact]
    public async Task A_2023_emergency_order_leaves_out_the_pedagogical_college_with_its_reason_and_gives_it_no_order()
    {
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
            var d2 = await db.Organisations.SingleAsync(o => o.Code == "d2");
            await db.Database.ExecuteSqlAsync($"""UPDATE qadam.organisations SET parent_id = {d2.Id} WHERE code = 'c2'""");
        }

        var date = new DateOnly(2025, 5, 10);
        using var integration = await Pathways.IntegrationClientAsync(api);
        using var posted = await integration.PostAsync("/api/emergency-orders", Pathways.Json(new
        {
            issuingBody = "r1", number = "ЧС-2023-ped", date, organisations = new[] { "c1", "c2" },
            period = new { from = date, to = new DateOnly(2025, 6, 30) }, ground = "Карантин",
        }));
        Assert.True(posted.StatusCode == HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
        var body = await posted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, body.GetProperty("definitionVersion").GetInt32());
        var orderId = body.GetProperty("id").GetString();
        var instanceId = body.GetProperty("processInstanceId").GetGuid();

        using var regional = await api.ClientForAsync("regional.r1");
        var transfer = await MassPathwaysEndToEndTests.WaitForAsync(api, async () =>
        {
            var list = await regional.GetFromJsonAsync<JsonElement>($"/api/mass-transfers?order={orderId}");
            var schools = list.EnumerateArray().SelectMany(t => t.GetProperty("schools").EnumerateArray()).ToList();
            return schools.Count == 2 && schools.All(s => s.GetProperty("status").GetString() is "completed" or "excluded")
                ? list : (JsonElement?)null;
        }, "both colleges' parts of the transfer to finish");
        var c2 = transfer.EnumerateArray().SelectMany(t => t.GetProperty("schools").EnumerateArray())
            .Single(s => s.GetProperty("organisation").GetString() == "c2");
        Assert.Equal("excluded", c2.GetProperty("status").GetString());
        Assert.Contains("педагогического", c2.GetProperty("exclusionReasonRu").GetString());
        Assert.Contains("педагогикалық", c2.GetProperty("exclusionReasonKk").GetString());
        Assert.Contains("п. 3", c2.GetProperty("exclusionLegalBasis").GetString());

        // c1's head has the order to sign; c2 has no step at all, and only c1's order was rendered.
        var tasks = await MassPathwaysEndToEndTests.WaitForAsync(api, async () =>
        {
            await using var scope = api.Services.CreateAsyncScope();
            var workflows = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
            var open = await workflows.Tasks.AsNoTracking().Where(t => t.InstanceId == instanceId).Select(t => new { t.ElementId, t.Organisation }).ToListAsync();
            return open.Any(t => t.Organisation == "c1") ? (int?)open.Count(t => t.Organisation == "c2") : null;
        }, "c1's order task to open");
        Assert.Equal(0, tasks);
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var instance = await scope.ServiceProvider.GetRequiredService<EngineReads>().InstanceAsync(instanceId);
            var orders = Assert.IsType<JsonObject>(instance!.Variables["schoolOrderDocuments"]);
            Assert.Equal(["c1"], orders.Select(o => o.Key));
        }
    }
}
