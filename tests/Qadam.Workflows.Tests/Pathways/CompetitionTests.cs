using System.Text.Json.Nodes;
using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// Camps, competitions, contests, festivals (349 Annex 2 para 9-10; 2025: Annex 1 para 26-27): the application with
/// the authorised body's order (letter) and dates, the head's order for that period, the return on the end date, and
/// for a secondary student whose СОР/СОЧ were missed an individual schedule.
/// </summary>
public sealed class CompetitionTests(EngineFixture fixture) : PathwayTestBase(fixture), IClassFixture<EngineFixture>
{
    private async Task<Guid> ApplyAsync(DateOnly filed, DateOnly from, DateOnly to, bool dangerZone = false)
    {
        await Pathway.Load("competition").PublishAsync(Fixture);
        var variables = ParentApplicationCase.Secondary(ParentApplicationCase.ElevenYearOld, School);
        variables["ground"] = "competition";
        var started = await StartFiledAsync("competition", variables, filed);
        await CompleteAsAsync(started.InstanceId, "registerLetter", As("clerk"), new JsonObject
        {
            ["authorityName"] = "ҚР Туризм және спорт министрлігі / Министерство туризма и спорта РК", ["letterNumber"] = "04-2/1187",
            ["letterDate"] = Iso(filed), ["eventKind"] = "sport", ["eventName"] = "Азия чемпионаты (дзюдо) / Чемпионат Азии (дзюдо)",
            ["eventLevel"] = "international", ["periodFrom"] = Iso(from), ["periodTo"] = Iso(to), ["departsToDangerZone"] = dangerZone,
        });
        return started.InstanceId;
    }

    [Fact]
    public async Task The_student_returns_after_the_last_day_of_the_letter_and_sits_missed_assessments_on_an_individual_schedule()
    {
        var from = Today.AddDays(5);
        var id = await ApplyAsync(Today, from, from.AddDays(9));
        await CompleteAsAsync(id, "signOrder", As("head"),
            new JsonObject { ["orderNumber"] = "017-С-4", ["orderDate"] = Iso(Today), ["distanceFrom"] = Iso(from), ["signed"] = true });

        Fixture.Clock.Advance(TimeSpan.FromDays(14));
        await FireTimersAsync();
        var beforeEnd = await OpenTaskIdsAsync(id);
        Fixture.Clock.Advance(TimeSpan.FromDays(1));
        await FireTimersAsync();
        await CompleteAsAsync(id, "missedAssessments", As("classTeacher"),
            new JsonObject { ["assessmentsMissed"] = true, ["missedList"] = "Алгебра ТЖБ / СОЧ по алгебре" });
        await CompleteAsAsync(id, "individualSchedule", As("classTeacher"),
            new JsonObject { ["scheduleItems"] = "Алгебра ТЖБ — 2025-09-29", ["scheduleUntil"] = Iso(Today.AddDays(7)) });

        Assert.Equal(["attestationSchedule"], beforeEnd);
        Assert.Equal(InstanceStatus.Completed, await StatusAsync(id));
        Assert.Equal(["statusTransferred", "statusReturned"], await StringsAsync(id, "statusHistory"));
        Assert.Equal(["order-transfer", "parent-notice", "individual-schedule"], await StringsAsync(id, "renderedDocuments"));
    }

    [Fact]
    public async Task Under_2023_a_trip_to_a_combat_zone_is_refused_and_under_2025_the_exclusion_is_gone()
    {
        var refused = await ApplyAsync(new DateOnly(2025, 2, 3), new DateOnly(2025, 2, 10), new DateOnly(2025, 2, 20), dangerZone: true);
        var allowed = await ApplyAsync(new DateOnly(2025, 9, 1), new DateOnly(2025, 9, 10), new DateOnly(2025, 9, 20), dangerZone: true);

        Assert.Equal(["refusalReasons"], await OpenTaskIdsAsync(refused));
        Assert.Equal(["signOrder"], await OpenTaskIdsAsync(allowed));
    }
}
