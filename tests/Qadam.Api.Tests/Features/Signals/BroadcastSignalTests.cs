using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.EmergencyOrders;
using Qadam.Api.Persistence;
using Qadam.Api.Tests.Features.Definitions;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Persistence;

namespace Qadam.Api.Tests.Features.Signals;

/// <summary>
/// <c>POST /api/signals</c>: one broadcast ends the waits of a thousand instances, each exactly once, in one audited command;
/// a retry with the same Idempotency-Key answers the first broadcast, the same key with another body is refused naming it;
/// a regional officer broadcasts only within an emergency order of the officer's territory.
/// </summary>
public sealed class BroadcastSignalTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    private const string Pathway = "wait-for-lifting";
    private const int Instances = 1_000;

    private static readonly string Bpmn = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:qadam="http://qadam.kz/schema/bpmn"
                          id="defs_{Pathway}" targetNamespace="http://qadam.kz/test">
          <bpmn:signal id="Lifted" name="emergency-lifted" />
          <bpmn:process id="{Pathway}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="lifted"><bpmn:signalEventDefinition signalRef="Lifted" /></bpmn:intermediateCatchEvent>
            <bpmn:userTask id="back" qadam:candidateRoles="clerk" qadam:labelKk="Оралу" qadam:labelRu="Возвращение" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="lifted" />
            <bpmn:sequenceFlow id="f2" sourceRef="lifted" targetRef="back" />
            <bpmn:sequenceFlow id="f3" sourceRef="back" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task One_broadcast_ends_the_waits_of_a_thousand_instances_each_exactly_once_and_is_audited_and_idempotent()
    {
        await Pathways.PublishAsync(api, Pathway, Bpmn);
        var started = await StartInstancesAsync();
        using var admin = await api.ClientForAsync("admin.mon");

        using var first = await PostAsync(admin, new { name = "emergency-lifted" }, "lift-1");
        using var repeat = await PostAsync(admin, new { name = "emergency-lifted" }, "lift-1");
        using var reused = await PostAsync(admin, new { name = "emergency-over" }, "lift-1");

        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var answer = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Instances, answer.GetProperty("reached").GetInt32());
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal(Instances, (await repeat.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reached").GetInt32());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        var refusal = await reused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(refusal.GetProperty("errors").TryGetProperty("Idempotency-Key", out _), refusal.ToString());

        await using var scope = api.Services.CreateAsyncScope();
        var workflows = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        // Each instance left its wait once and has one task after it: neither the repeat nor the refused key moved anything.
        var tasks = await workflows.Tasks.AsNoTracking().Where(t => started.Contains(t.InstanceId) && t.ElementId == "back")
            .GroupBy(t => t.InstanceId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(Instances, tasks.Count);
        Assert.All(tasks, count => Assert.Equal(1, count));
        var left = await workflows.Journal.AsNoTracking()
            .Where(j => started.Contains(j.InstanceId) && j.ElementId == "lifted" && j.Event == "left").CountAsync();
        Assert.Equal(Instances, left);
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        await AuditChain.PlaceAsync(db, default);
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "signal.broadcast"));
        using var auditor = await api.ClientForAsync("auditor.r1");
        var verification = await auditor.GetFromJsonAsync<AuditVerification>("/api/audit/verify");
        Assert.True(verification!.Intact, verification.Problem);
    }

    [Fact]
    public async Task A_regional_officer_broadcasts_only_within_an_emergency_order_of_the_officers_territory()
    {
        var (own, foreign) = await AddOrdersAsync();
        using var regional = await api.ClientForAsync("regional.r1");
        using var clerk = await api.ClientForAsync("clerk.s1");

        using var unscoped = await PostAsync(regional, new { name = "emergency-lifted" });
        using var outside = await PostAsync(regional, new { name = "emergency-lifted", scope = foreign.ToString() });
        using var inside = await PostAsync(regional, new { name = "emergency-lifted", scope = own.ToString() });
        using var byClerk = await PostAsync(clerk, new { name = "emergency-lifted", scope = own.ToString() });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unscoped.StatusCode);
        Assert.True((await unscoped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("scope", out _));
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byClerk.StatusCode);
    }

    [Fact]
    public async Task A_refusal_is_worded_in_the_callers_language()
    {
        using var regional = await api.ClientForAsync("regional.r1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/signals") { Content = Pathways.Json(new { name = "emergency-lifted" }) };
        request.Headers.AcceptLanguage.ParseAdd("ru");

        using var response = await regional.SendAsync(request);

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Региональный специалист подаёт сигнал только в рамках приказа о ЧС: укажите приказ.",
            problem.GetProperty("errors").GetProperty("scope")[0].GetString());
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/signals") { Content = Pathways.Json(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    private async Task<HashSet<Guid>> StartInstancesAsync()
    {
        var started = new HashSet<Guid>();
        await using var scope = api.Services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<ProcessEngine>();
        for (var i = 0; i < Instances; i++)
        {
            var result = await engine.StartAsync(new StartProcess(Pathway, Pathways.Today, new Actor("clerk.s1", "clerk", "s1"),
                new JsonObject { ["organisation"] = "s1" }));
            Assert.Equal(["lifted"], result.WaitingAt);
            started.Add(result.InstanceId);
        }

        return started;
    }

    private async Task<(Guid Own, Guid Foreign)> AddOrdersAsync()
    {
        _ = api.Server;
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        var today = Pathways.Today;
        var issuer = await db.Organisations.SingleAsync(o => o.Code == "r1");
        var own = new EmergencyOrder(issuer, "ЧС-S1", today, null, ["s1", "s2"], today, today.AddDays(3), "Морозы", "region-r1-integration",
            DateTimeOffset.UtcNow);
        var foreign = new EmergencyOrder(issuer, "ЧС-S2", today, null, ["zz9"], today, today.AddDays(3), "Морозы", "region-r1-integration",
            DateTimeOffset.UtcNow);
        db.EmergencyOrders.AddRange(own, foreign);
        await db.SaveChangesAsync();
        return (own.Id, foreign.Id);
    }
}
