using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.Identity;
using Qadam.Api.Persistence;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.Engine;

/// <summary>
/// A council of fifty votes in a live meeting: every member presses "vote" at the same moment. The commands on the one
/// case queue on its process instance instead of failing on each other: fifty ballots are cast, the tally counts each
/// once, and the audit chain that recorded them in parallel still verifies.
/// </summary>
public sealed class SimultaneousBallotsTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    private const string Pathway = "council-of-fifty";
    private const int Members = 50;

    private static readonly string Bpmn = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:qadam="http://qadam.kz/schema/bpmn"
                          id="defs_{Pathway}" targetNamespace="http://qadam.kz/test">
          <bpmn:process id="{Pathway}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="ballot" qadam:candidateRoles="councilMember" qadam:organisationScope="=member.organisation" qadam:assignee="=member.user"
                           qadam:labelKk="Педагогикалық кеңестің дауыс беруі" qadam:labelRu="Голосование педагогического совета">
              <bpmn:multiInstanceLoopCharacteristics isSequential="false" qadam:collection="council.members" qadam:elementVariable="member" qadam:outputCollection="votes" />
            </bpmn:userTask>
            <bpmn:userTask id="order" qadam:candidateRoles="head" qadam:labelKk="Бұйрық" qadam:labelRu="Приказ" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="ballot" />
            <bpmn:sequenceFlow id="f2" sourceRef="ballot" targetRef="order" />
            <bpmn:sequenceFlow id="f3" sourceRef="order" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task Fifty_members_casting_their_ballots_at_the_same_moment_all_succeed_and_the_tally_and_audit_chain_hold()
    {
        await AddCouncilMembersAsync();
        await Pathways.PublishAsync(api, Pathway, Bpmn);
        using var clerk = await api.ClientForAsync("clerk.s1");
        var caseId = (await Pathways.FileAsync(clerk, Pathway, await Pathways.ChildOfParentP1Async(api))).GetProperty("id").GetString()!;
        var members = new List<(HttpClient Client, string BallotId, string Vote)>();
        for (var i = 1; i <= Members; i++)
        {
            var member = await api.ClientForAsync($"council{i}.s1");
            var ballots = (await member.GetFromJsonAsync<JsonElement>($"/api/tasks?caseId={caseId}")).GetProperty("items");
            members.Add((member, Assert.Single(ballots.EnumerateArray()).GetProperty("id").GetString()!, i % 5 == 0 ? "no" : "yes"));
        }

        using var start = new SemaphoreSlim(0);
        var casting = members.Select(async m =>
        {
            await start.WaitAsync();
            using var cast = await m.Client.PostAsync($"/api/tasks/{m.BallotId}/complete", Pathways.Json(new { data = new { vote = m.Vote } }));
            return (cast.StatusCode, await cast.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(Members);
        var results = await Task.WhenAll(casting);

        Assert.All(results, r => Assert.True(r.StatusCode == HttpStatusCode.OK, $"{r.StatusCode}: {r.Item2}"));
        using var secretary = await api.ClientForAsync("secretary.s1");
        var box = Assert.Single((await secretary.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/ballots")).EnumerateArray());
        Assert.Equal(Members, box.GetProperty("total").GetInt32());
        Assert.Equal(40, box.GetProperty("yes").GetInt32());
        Assert.Equal(10, box.GetProperty("no").GetInt32());
        Assert.Equal(0, box.GetProperty("outstanding").GetInt32());
        Assert.All(box.GetProperty("ballots").EnumerateArray(), b => Assert.Equal("cast", b.GetProperty("status").GetString()));
        using var head = await api.ClientForAsync("head.s1");
        Assert.Equal("order", Assert.Single(
            (await head.GetFromJsonAsync<JsonElement>($"/api/tasks?caseId={caseId}")).GetProperty("items").EnumerateArray()).GetProperty("elementId").GetString());

        using var auditor = await api.ClientForAsync("auditor.r1");
        var verification = await auditor.GetFromJsonAsync<AuditVerification>("/api/audit/verify");
        Assert.True(verification!.Intact, verification.Problem);
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        await AuditChain.PlaceAsync(db, default);
        Assert.Equal(Members, await db.AuditEvents.CountAsync(e => e.Action == "task.completed" && e.CaseId == Guid.Parse(caseId)));
        foreach (var member in members)
        {
            member.Client.Dispose();
        }
    }

    /// <summary>council6.s1 … council50.s1, beside the five demo members, with the demo password.</summary>
    private async Task AddCouncilMembersAsync()
    {
        _ = api.Server;
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        var normalizer = scope.ServiceProvider.GetRequiredService<ILookupNormalizer>();
        var first = await db.Users.SingleAsync(u => u.UserName == "council1.s1");
        var role = await db.UserRoles.Where(r => r.UserId == first.Id).Select(r => r.RoleId).SingleAsync();
        for (var i = 6; i <= Members; i++)
        {
            var user = new QadamUser($"council{i}.s1", $"council{i}.s1 (s1)", first.OrganisationId)
            {
                NormalizedUserName = normalizer.NormalizeName($"council{i}.s1"),
                PasswordHash = first.PasswordHash,
                LockoutEnabled = true,
                ConcurrencyStamp = Guid.NewGuid().ToString(),
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = role });
        }

        await db.SaveChangesAsync();
    }
}
