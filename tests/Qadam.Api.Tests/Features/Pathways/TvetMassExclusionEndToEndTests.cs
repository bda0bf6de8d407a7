using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Persistence;
using Qadam.Api.Tests.Features.Definitions;
using Qadam.Workflows.Persistence;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// The mass grounds are grounds of para 3 too: an emergency order does not move the students of a TVET organisation that
/// runs pedagogical programmes (order 349 Annex 2 para 3-1, 2025 Annex 1 para 3), and the region's progress says why; its
/// head gets no order of their own to issue for no one (para 22: the school's part concerns the students the order moves).
/// </summary>
public sealed class TvetMassExclusionEndToEndTests(WorkflowsApiFactory api) : IClassFixture<WorkflowsApiFactory>
{
    [Fact]
    public async Task An_emergency_order_leaves_the_pedagogical_colleges_students_in_class_the_progress_says_why_and_it_gets_no_order_task()
    {
        // c2 lies in r2; the region's integration posts for r1, so c2 is placed under r1's district d2 for this order.
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
            var d2 = await db.Organisations.SingleAsync(o => o.Code == "d2");
            await db.Database.ExecuteSqlAsync($"""UPDATE qadam.organisations SET parent_id = {d2.Id} WHERE code = 'c2'""");
        }

        var today = Pathways.Today;
        using var integration = await Pathways.IntegrationClientAsync(api);
        using var posted = await integration.PostAsync("/api/emergency-orders", Pathways.Json(new
        {
            issuingBody = "r1", number = "ЧС-tvet", date = today, organisations = new[] { "c1", "c2" },
            period = new { from = today, to = today.AddDays(6) }, ground = "Карантин",
        }));
        Assert.True(posted.StatusCode == HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
        var orderId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        using var regional = await api.ClientForAsync("regional.r1");
        var transfer = await MassPathwaysEndToEndTests.WaitForAsync(api, async () =>
        {
            var list = await regional.GetFromJsonAsync<JsonElement>($"/api/mass-transfers?order={orderId}");
            var schools = list.EnumerateArray().SelectMany(t => t.GetProperty("schools").EnumerateArray()).ToList();
            return schools.Count == 2 && schools.All(s => s.GetProperty("status").GetString() is "completed" or "excluded")
                ? list : (JsonElement?)null;
        }, "both colleges' parts of the transfer to finish");

        var parts = transfer.EnumerateArray().SelectMany(t => t.GetProperty("schools").EnumerateArray())
            .ToDictionary(s => s.GetProperty("organisation").GetString()!);
        Assert.Equal("completed", parts["c1"].GetProperty("status").GetString());
        Assert.Equal(10, parts["c1"].GetProperty("done").GetInt32());

        var c2 = parts["c2"];
        Assert.Equal("excluded", c2.GetProperty("status").GetString());
        Assert.Equal(0, c2.GetProperty("done").GetInt32());
        Assert.Contains("педагогического", c2.GetProperty("exclusionReasonRu").GetString());
        Assert.Contains("педагогикалық", c2.GetProperty("exclusionReasonKk").GetString());
        Assert.Contains("п. 3", c2.GetProperty("exclusionLegalBasis").GetString());

        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
            var moved = await db.StudentTransfers.CountAsync(t => db.Organisations.Any(o => o.Id == t.OrganisationId && o.Code == "c2"));
            Assert.Equal(0, moved);
        }

        // c1 has its head's order to issue; c2, which moves no one, has none (nor any other step of a school's part).
        var c2Tasks = await MassPathwaysEndToEndTests.WaitForAsync(api, async () =>
        {
            await using var scope = api.Services.CreateAsyncScope();
            var workflows = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
            var organisations = await workflows.Tasks.AsNoTracking().Where(t => t.DefinitionKey == "emergency-transfer")
                .Select(t => t.Organisation).ToListAsync();
            return organisations.Contains("c1") ? organisations.Count(o => o == "c2") : (int?)null;
        }, "c1's order task to open");
        Assert.Equal(0, c2Tasks);
    }
}
