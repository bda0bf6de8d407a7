using System.Net.Http.Json;
using System.Text.Json;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.Notifications;

/// <summary>A case's "notify" step reaches the parents' feed once, in their language, with the paragraph it carries out.</summary>
public sealed class CaseNoticeTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    private const string NotifyAtOnce = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:qadam="http://qadam.kz/schema/bpmn"
                          id="defs_notice" targetNamespace="http://qadam.kz/test">
          <bpmn:process id="notice-test" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="notifyParent" />
            <bpmn:serviceTask id="notifyParent" qadam:activity="notify" qadam:labelKk="Шешім туралы хабарлама" qadam:labelRu="Уведомление о решении">
              <bpmn:extensionElements><qadam:legalBasis act="Приказ № 349" edition="2025" paragraph="п. 3 пп. 5)" /></bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="f2" sourceRef="notifyParent" targetRef="wait" />
            <bpmn:userTask id="wait" qadam:candidateRoles="clerk" />
            <bpmn:sequenceFlow id="f3" sourceRef="wait" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task The_parent_reads_the_notice_of_their_childs_case_in_kazakh_or_russian()
    {
        await Pathways.PublishAsync(api, "notice-test", NotifyAtOnce);
        using var clerk = await api.ClientForAsync("clerk.s1");
        var filed = await Pathways.FileAsync(clerk, "notice-test", await Pathways.ChildOfParentP1Async(api));
        var caseId = filed.GetProperty("id").GetString();
        using var parent = await api.ClientForAsync("parent.p1");

        // The engine's worker runs the step and delivers its message in the background.
        JsonElement notice = default;
        for (var waited = 0; waited < 200 && notice.ValueKind == JsonValueKind.Undefined; waited++)
        {
            var feed = await parent.GetFromJsonAsync<JsonElement>("/api/parents/me/notifications");
            notice = feed.EnumerateArray().FirstOrDefault(n => n.GetProperty("caseId").GetString() == caseId);
            await Task.Delay(100);
        }

        using var ru = new HttpRequestMessage(HttpMethod.Get, "/api/parents/me/notifications");
        ru.Headers.AcceptLanguage.ParseAdd("ru");
        using var inRussian = await parent.SendAsync(ru);
        var russian = (await inRussian.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .Where(n => n.GetProperty("caseId").GetString() == caseId).ToList();

        Assert.Equal("case", notice.GetProperty("kind").GetString());
        Assert.Contains("Шешім туралы хабарлама", notice.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("п. 3 пп. 5)", notice.GetProperty("legalBasis").GetString(), StringComparison.Ordinal);
        Assert.Contains("Уведомление о решении", Assert.Single(russian).GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}
