using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.Dashboard;

/// <summary>Dashboard: cases by pathway and status, overdue tasks and transfers by region, each scoped to the caller.</summary>
public sealed class DashboardTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    private const string Pathway = "dashboard-overdue";

    /// <summary>One clerk's task whose deadline lies in the past the moment it opens.</summary>
    private static readonly string Bpmn = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:qadam="http://qadam.kz/schema/bpmn"
                          id="defs_{Pathway}" targetNamespace="http://qadam.kz/test">
          <bpmn:process id="{Pathway}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="late" qadam:candidateRoles="clerk" qadam:deadline="2020-01-01T09:00:00+05:00"
                           qadam:labelKk="Кешіккен қадам" qadam:labelRu="Просроченный шаг" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="late" />
            <bpmn:sequenceFlow id="f2" sourceRef="late" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task Each_caller_sees_the_figures_of_their_own_organisation_and_below()
    {
        // given a case of s1 waiting at an overdue step, and an emergency order moving s1 and s2 to distance learning
        await Pathways.PublishAsync(api, Pathway, Bpmn);
        await Pathways.PublishAsync(api, "emergency-transfer", Pathways.EmergencyTransfer);
        using var clerk = await api.ClientForAsync("clerk.s1");
        await Pathways.FileAsync(clerk, Pathway, await Pathways.FirstStudentOfAsync(api, "s1"));
        using var regional = await api.ClientForAsync("regional.r1");
        var today = Pathways.Today;
        using (var order = await regional.PostAsync("/api/emergency-orders", Pathways.Json(new
               {
                   issuingBody = "r1", number = "ЧС-DASH", date = today, organisations = new[] { "s1", "s2" },
                   period = new { from = today, to = today.AddDays(3) }, ground = "Морозы",
               })))
        {
            Assert.Equal(HttpStatusCode.Created, order.StatusCode);
        }

        // when the head of s1, the head of s2 and the region look at the dashboard
        var s1 = await DashboardAsync("head.s1");
        var s2 = await DashboardAsync("head.s2");
        var region = await DashboardAsync("regional.r1");

        // then s1 sees its case and overdue step, s2 neither, the region both; transfers count the schools each may see
        Assert.Equal(1, CasesOf(s1));
        Assert.Equal(0, CasesOf(s2));
        Assert.Equal(1, CasesOf(region));
        Assert.True(s1.GetProperty("tasks").GetProperty("overdue").GetInt32() >= 1);
        var step = s1.GetProperty("overdueSteps").EnumerateArray().Single(s => s.GetProperty("definitionKey").GetString() == Pathway);
        Assert.Equal("late", step.GetProperty("elementId").GetString());
        Assert.Equal("Кешіккен қадам", step.GetProperty("labelKk").GetString());
        Assert.DoesNotContain(s2.GetProperty("overdueSteps").EnumerateArray(), s => s.GetProperty("definitionKey").GetString() == Pathway);
        Assert.Equal(0, s2.GetProperty("tasks").GetProperty("overdue").GetInt32());

        Assert.Equal(1, Transferred(s1, today));
        Assert.Equal(1, Transferred(s2, today));
        Assert.Equal(2, Transferred(region, today));
        Assert.Equal("r1", region.GetProperty("transfers")[0].GetProperty("region").GetString());

        using var parent = await api.ClientForAsync("parent.p1");
        using var forbidden = await parent.GetAsync("/api/dashboard");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    private async Task<JsonElement> DashboardAsync(string user)
    {
        using var client = await api.ClientForAsync(user);
        return await client.GetFromJsonAsync<JsonElement>("/api/dashboard");
    }

    private static int CasesOf(JsonElement dashboard) =>
        dashboard.GetProperty("cases").EnumerateArray().Where(c => c.GetProperty("pathway").GetString() == Pathway)
            .Sum(c => c.GetProperty("count").GetInt32());

    private static int Transferred(JsonElement dashboard, DateOnly date) =>
        dashboard.GetProperty("transfers").EnumerateArray()
            .Where(t => t.GetProperty("date").GetString() == date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .Sum(t => t.GetProperty("organisations").GetInt32());
}
