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
/// An emergency order of 1 October 2024 under the 2023 edition, after order 130 added para 3-1 to 349 Annex 2 (from
/// 2024-06-11): the transfer leaves the pedagogical college c2 in class, then its head decides, with reasons in Kazakh and
/// Russian, whether the case is one of art. 37-2 para 2 of the Law on education. Granted, c2 is moved, its order rendered
/// and given to its head to sign; refused, c2 stays out with the table's reason and gets no order.
/// </summary>
public sealed class EmergencyOrder2023TvetExceptionEndToEndTests(Autumn2024ApiFactory api) : IClassFixture<Autumn2024ApiFactory>
{
    [Fact]
    public async Task A_head_who_records_the_exception_has_the_pedagogical_college_moved_with_its_order()
    {
        var (orderId, instanceId) = await OrderAsync("ЧС-2024-ped-yes");
        await AnswerAsync(instanceId, "yes", "Заңның 37-2-бабының 2-тармағында көзделген жағдай бар", "Имеет место случай пункта 2 статьи 37-2 Закона");

        using var regional = await api.ClientForAsync("regional.r1");
        var moved = await MassPathwaysEndToEndTests.WaitForAsync(api, async () =>
        {
            var list = await regional.GetFromJsonAsync<JsonElement>($"/api/mass-transfers?order={orderId}");
            return list.EnumerateArray().SelectMany(t => t.GetProperty("schools").EnumerateArray())
                .Where(s => s.GetProperty("organisation").GetString() == "c2" && s.GetProperty("status").GetString() == "completed")
                .Select(s => (JsonElement?)s).FirstOrDefault();
        }, "c2's students to be moved after the exception");
        Assert.Equal(3, moved.GetProperty("done").GetInt32());

        // c2's head now has the order to sign, as c1's head does; both orders were rendered.
        using var head = await api.ClientForAsync("head.c2");
        await MassPathwaysEndToEndTests.WaitForAsync(api, async () =>
        {
            var page = await head.GetFromJsonAsync<JsonElement>("/api/tasks?element=schoolOrder");
            return page.GetProperty("items").GetArrayLength() > 0 ? page : (JsonElement?)null;
        }, "c2's order task");
        Assert.Equal(["c1", "c2"], (await OrdersRenderedAsync(instanceId)).Order(StringComparer.Ordinal));

        // The decision is recorded: who, when, the paragraph, the reasons in both languages.
        await using var scope = api.Services.CreateAsyncScope();
        var decision = await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Tasks.AsNoTracking()
            .SingleAsync(t => t.InstanceId == instanceId && t.ElementId == "exclusionException");
        var headId = await scope.ServiceProvider.GetRequiredService<QadamDbContext>().Users
            .Where(u => u.UserName == "head.c2").Select(u => u.Id).SingleAsync();
        Assert.Equal(headId.ToString(), decision.CompletedBy);
        Assert.NotNull(decision.EndedAt);
        Assert.Contains("3-1", decision.LegalBasis!.Paragraph);
        Assert.Equal("Имеет место случай пункта 2 статьи 37-2 Закона", decision.Output!["exceptionReasonRu"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_head_who_finds_no_exception_leaves_the_pedagogical_college_out_with_its_reason()
    {
        var (orderId, instanceId) = await OrderAsync("ЧС-2024-ped-no");

        // The reasons are required: an answer without them is refused on the field.
        var taskId = await ExceptionTaskAsync(instanceId);
        using var head = await api.ClientForAsync("head.c2");
        using (var bare = await head.PostAsync($"/api/tasks/{taskId}/complete", Pathways.Json(new { data = new { exceptionApplies = "no" } })))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, bare.StatusCode);
            Assert.Contains("exceptionReasonKk", await bare.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await AnswerAsync(instanceId, "no", "Заңның 37-2-бабының 2-тармағында көзделген жағдай жоқ", "Случая пункта 2 статьи 37-2 Закона нет");

        // c1's head gets the order; c2 none, and no order is rendered for it.
        await MassPathwaysEndToEndTests.WaitForAsync(api, async () =>
        {
            await using var scope = api.Services.CreateAsyncScope();
            var orders = await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Tasks.AsNoTracking()
                .Where(t => t.InstanceId == instanceId && t.ElementId == "schoolOrder").Select(t => t.Organisation).ToListAsync();
            return orders.Count > 0 ? string.Join(",", orders).Length : (int?)null;
        }, "c1's order task");
        await using (var scope = api.Services.CreateAsyncScope())
        {
            Assert.Equal(["c1"], await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Tasks.AsNoTracking()
                .Where(t => t.InstanceId == instanceId && t.ElementId == "schoolOrder").Select(t => t.Organisation).ToListAsync());
        }

        Assert.Equal(["c1"], await OrdersRenderedAsync(instanceId));
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var open = await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Tasks.AsNoTracking()
                .Where(t => t.InstanceId == instanceId && t.Organisation == "c2" && t.EndedAt == null).CountAsync();
            Assert.Equal(0, open);
        }

        using var regional = await api.ClientForAsync("regional.r1");
        var list = await regional.GetFromJsonAsync<JsonElement>($"/api/mass-transfers?order={orderId}");
        var c2 = Assert.Single(list.EnumerateArray().SelectMany(t => t.GetProperty("schools").EnumerateArray()),
            s => s.GetProperty("organisation").GetString() == "c2");
        Assert.Equal("excluded", c2.GetProperty("status").GetString());
        Assert.Equal(0, c2.GetProperty("done").GetInt32());
        Assert.Contains("педагогического", c2.GetProperty("exclusionReasonRu").GetString());
        Assert.Contains("педагогикалық", c2.GetProperty("exclusionReasonKk").GetString());
        Assert.Contains("3-1", c2.GetProperty("exclusionLegalBasis").GetString());
    }

    /// <summary>The order of r1 for c1 and c2, posted by the integration; waits for the transfer to leave c2 out.</summary>
    private async Task<(string OrderId, Guid InstanceId)> OrderAsync(string number)
    {
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
            var d2 = await db.Organisations.SingleAsync(o => o.Code == "d2");
            await db.Database.ExecuteSqlAsync($"""UPDATE qadam.organisations SET parent_id = {d2.Id} WHERE code = 'c2'""");
        }

        var date = new DateOnly(2024, 10, 1);
        using var integration = await Pathways.IntegrationClientAsync(api);
        using var posted = await integration.PostAsync("/api/emergency-orders", Pathways.Json(new
        {
            issuingBody = "r1", number, date, organisations = new[] { "c1", "c2" },
            period = new { from = date, to = new DateOnly(2024, 10, 31) }, ground = "Карантин",
        }));
        Assert.True(posted.StatusCode == HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
        var body = await posted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, body.GetProperty("definitionVersion").GetInt32());
        var orderId = body.GetProperty("id").GetString()!;
        var instanceId = body.GetProperty("processInstanceId").GetGuid();

        using var regional = await api.ClientForAsync("regional.r1");
        var c2 = await MassPathwaysEndToEndTests.WaitForAsync(api, async () =>
        {
            var list = await regional.GetFromJsonAsync<JsonElement>($"/api/mass-transfers?order={orderId}");
            return list.EnumerateArray().SelectMany(t => t.GetProperty("schools").EnumerateArray())
                .Where(s => s.GetProperty("organisation").GetString() == "c2").Select(s => (JsonElement?)s).FirstOrDefault();
        }, "the transfer to record c2");
        Assert.Equal("excluded", c2.GetProperty("status").GetString());
        return (orderId, instanceId);
    }

    private async Task<Guid> ExceptionTaskAsync(Guid instanceId) =>
        await MassPathwaysEndToEndTests.WaitForAsync(api, async () =>
        {
            await using var scope = api.Services.CreateAsyncScope();
            var task = await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Tasks.AsNoTracking()
                .Where(t => t.InstanceId == instanceId && t.ElementId == "exclusionException" && t.EndedAt == null)
                .Select(t => new { t.Id, t.Organisation }).FirstOrDefaultAsync();
            Assert.True(task is null || task.Organisation == "c2", $"the exception is asked of {task?.Organisation}");
            return task?.Id;
        }, "c2's head to be asked for the exception");

    /// <summary>c2's head answers the exception through the API.</summary>
    private async Task AnswerAsync(Guid instanceId, string applies, string reasonKk, string reasonRu)
    {
        var taskId = await ExceptionTaskAsync(instanceId);
        using var head = await api.ClientForAsync("head.c2");
        using var done = await head.PostAsync($"/api/tasks/{taskId}/complete", Pathways.Json(new
        {
            data = new { exceptionApplies = applies, exceptionReasonKk = reasonKk, exceptionReasonRu = reasonRu },
        }));
        Assert.True(done.StatusCode == HttpStatusCode.OK, await done.Content.ReadAsStringAsync());
    }

    private async Task<List<string>> OrdersRenderedAsync(Guid instanceId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var instance = await scope.ServiceProvider.GetRequiredService<EngineReads>().InstanceAsync(instanceId);
        return [.. Assert.IsType<JsonObject>(instance!.Variables["schoolOrderDocuments"]).Select(o => o.Key)];
    }
}

/// <summary>
/// The API on a clock set back to 1 October 2024 (Kazakhstan time), between order 130's para 3-1 (2024-06-11) and the 2025
/// amendment (2025-05-13): the 2023/24 exclusion table, with its exception, is in force.
/// </summary>
public sealed class Autumn2024ApiFactory : WorkflowsApiFactory
{
    protected override TimeProvider? Clock { get; } = new ShiftedClock(new DateTimeOffset(2024, 10, 1, 9, 0, 0, TimeSpan.FromHours(5)));

    private sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
    {
        private readonly TimeSpan _shift = start - System.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
    }
}
