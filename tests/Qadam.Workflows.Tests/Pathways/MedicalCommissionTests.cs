using System.Text.Json.Nodes;
using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// A medical advisory commission (VKK) conclusion (349 Annex 2 para 7-8; 2025: Annex 1 para 24-25): the period is the
/// conclusion's; the student returns when it ends, unless a new conclusion extends it.
/// </summary>
public sealed class MedicalCommissionTests(EngineFixture fixture) : PathwayTestBase(fixture), IClassFixture<EngineFixture>
{
    private async Task<Guid> RegisterAsync(DateOnly periodTo)
    {
        await Pathway.Load("medical-commission").PublishAsync(Fixture);
        var variables = ParentApplicationCase.Secondary(ParentApplicationCase.ElevenYearOld, School);
        variables["ground"] = "medical";
        var started = await StartFiledAsync("medical-commission", variables, Today);
        await CompleteAsAsync(started.InstanceId, "registerConclusion", As("clerk"), new JsonObject
        {
            ["conclusionNumber"] = "ДКК-5521", ["conclusionDate"] = Iso(Today), ["medicalOrganisation"] = "№ 4 қалалық емхана / Городская поликлиника № 4",
            ["periodFrom"] = Iso(Today), ["periodTo"] = Iso(periodTo),
        });
        await CompleteAsAsync(started.InstanceId, "signOrder", As("head"),
            new JsonObject { ["orderNumber"] = "017-М-9", ["orderDate"] = Iso(Today), ["distanceFrom"] = Iso(Today), ["signed"] = true });
        return started.InstanceId;
    }

    [Fact]
    public async Task The_student_returns_by_timer_the_day_after_the_conclusions_period()
    {
        var id = await RegisterAsync(Today.AddDays(20));
        Assert.Equal(["attestationSchedule", "newConclusion"], await OpenTaskIdsAsync(id));

        Fixture.Clock.Advance(TimeSpan.FromDays(20));
        await FireTimersAsync();
        var lastDay = await StatusAsync(id);
        Fixture.Clock.Advance(TimeSpan.FromDays(1));
        await FireTimersAsync();

        Assert.Equal(InstanceStatus.Active, lastDay);
        // The return ends the case with a terminate end event: the distance regime, called beside the period, ends with it.
        Assert.Equal(InstanceStatus.Terminated, await StatusAsync(id));
        Assert.Equal(["statusTransferred", "statusReturned"], await StringsAsync(id, "statusHistory"));
        Assert.Equal(["notifyParent", "notifyReturn"], await NotifiedElementsAsync(id));
    }

    [Fact]
    public async Task A_new_conclusion_extends_the_period_with_a_new_order()
    {
        var id = await RegisterAsync(Today.AddDays(10));
        var newEnd = Today.AddDays(40);
        await CompleteAsAsync(id, "newConclusion", As("clerk"),
            new JsonObject { ["conclusionNumber"] = "ДКК-5790", ["conclusionDate"] = Iso(Today.AddDays(8)), ["periodTo"] = Iso(newEnd) });
        await CompleteAsAsync(id, "signExtension", As("head"), new JsonObject { ["orderNumber"] = "017-М-12", ["signed"] = true });

        Fixture.Clock.Advance(TimeSpan.FromDays(15));
        await FireTimersAsync();
        var afterFirstPeriod = await OpenTaskIdsAsync(id);
        Fixture.Clock.Advance(TimeSpan.FromDays(26));
        await FireTimersAsync();

        Assert.Equal(["attestationSchedule", "newConclusion"], afterFirstPeriod);
        // The return ends the case with a terminate end event: the distance regime, called beside the period, ends with it.
        Assert.Equal(InstanceStatus.Terminated, await StatusAsync(id));
        Assert.Equal(["order-transfer", "parent-notice", "order-transfer", "parent-notice"], await StringsAsync(id, "renderedDocuments"));
    }
}
