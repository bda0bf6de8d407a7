using System.Text.Json.Nodes;
using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// Weather under the 2023 edition (349 Annex 2 para 6), on a day after order 130 added para 3-1 (in force from 2024-06-11):
/// a college running pedagogical programmes is not moved by the regional body's order; its head decides, with reasons,
/// whether the case is one of art. 37-2 para 2 of the Law on education (the exception this edition allows); refused, the
/// college is left out with the table's reason recorded. A secondary school goes on to the distance regime of para 15,
/// which lists weather (ground 2) in 2023).
/// </summary>
public sealed class WeatherRegimeAndExclusion2023Tests(EngineFixtureIn2024 fixture) : PathwayTestBase(fixture), IClassFixture<EngineFixtureIn2024>
{
    private const string Region = "almaty-edu";
    private const string SecondarySchool = "s-almaty-001";
    private const string PedagogicalCollege = "c-almaty-ped";
    private static readonly TimeSpan Kazakhstan = TimeSpan.FromHours(5);

    private static JsonObject Day() => new()
    {
        ["organisation"] = Region, ["region"] = "Алматы", ["ground"] = "weather", ["language"] = "ru",
        ["schools"] = new JsonArray(
            new JsonObject { ["organisation"] = SecondarySchool, ["name"] = "№ 1", ["shifts"] = new JsonArray(1), ["kind"] = "school", ["programmes"] = new JsonArray() },
            new JsonObject
            {
                ["organisation"] = PedagogicalCollege, ["name"] = "Педагогический колледж", ["shifts"] = new JsonArray(1), ["kind"] = "college",
                ["programmes"] = new JsonArray("pedagogical"),
            }),
    };

    private async Task<Guid> OrderedAsync()
    {
        // A school day in autumn 2024, after para 3-1 came into force; each test takes the next day (the clock never goes back).
        var autumn = new DateOnly(2024, 9, 16);
        var day = Today < autumn ? autumn : Today.AddDays(1);

        Fixture.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(5, 0)), Kazakhstan).ToUniversalTime());
        await Pathway.Load("weather").PublishAsync(Fixture);
        var started = await StartFiledAsync("weather", Day(), day);
        await CompleteAsAsync(started.InstanceId, "regionalOrder", As("regionalOfficer", Region), new JsonObject
        {
            ["orderNumber"] = "41-о", ["orderDate"] = Iso(day), ["forDate"] = Iso(day), ["shiftGroup"] = "first", ["gradesFrom"] = 0, ["gradesTo"] = 11,
        });
        await RunJobsAsync();
        return started.InstanceId;
    }

    [Fact]
    public async Task The_pedagogical_college_is_left_out_with_its_reason_when_its_head_finds_no_exception_and_the_school_runs_the_regime()
    {
        var id = await OrderedAsync();

        // The school moved, its order rendered, its parents notified; the college's head is asked first, nothing moved there.
        Assert.Equal([("transferStudents", (string?)SecondarySchool)], (await OutboxAsync(id, "mass-transfer")).Select(m => (m.Element, m.School)));
        var exception = (await OpenTasksAsync(id)).Single(t => t.ElementId == "exclusionException");
        Assert.Equal((PedagogicalCollege, "tvet-exclusion-exception"), (exception.Organisation, exception.FormKey));
        Assert.Equal(["head"], exception.CandidateRoles);

        await CompleteTaskAsAsync(exception, As("head", PedagogicalCollege), new JsonObject
        {
            ["exceptionApplies"] = "no",
            ["exceptionReasonKk"] = "Заңның 37-2-бабының 2-тармағында көзделген жағдай жоқ",
            ["exceptionReasonRu"] = "Случая пункта 2 статьи 37-2 Закона нет",
        });
        await RunJobsAsync();

        // The college's step records the exclusion (the API's mass transfer marks it "excluded" with the table's reason).
        Assert.Equal([("transferStudents", (string?)SecondarySchool), ("recordExclusion", PedagogicalCollege)],
            (await OutboxAsync(id, "mass-transfer")).Select(m => (m.Element, m.School)));
        Assert.DoesNotContain((await OpenTasksAsync(id)), t => t.Organisation == PedagogicalCollege);

        // Para 15(1): the secondary school hands over its programmes and schedules; the 2023 regime runs for it.
        var regime = (await OpenTasksAsync(id)).Single(t => t.ElementId == "attestationSchedule");
        Assert.Equal(SecondarySchool, regime.Organisation);
        Assert.Equal(["notifyParents"], (await OutboxAsync(id, "notify")).Select(m => m.Element));
        Assert.Equal(InstanceStatus.Active, await StatusAsync(id));
    }

    [Fact]
    public async Task A_head_who_records_the_exception_with_reasons_has_the_college_moved()
    {
        var id = await OrderedAsync();
        var exception = (await OpenTasksAsync(id)).Single(t => t.ElementId == "exclusionException");
        await CompleteTaskAsAsync(exception, As("head", PedagogicalCollege, "head.c-almaty-ped"), new JsonObject
        {
            ["exceptionApplies"] = "yes",
            ["exceptionReasonKk"] = "Заңның 37-2-бабының 2-тармағында көзделген жағдай",
            ["exceptionReasonRu"] = "Случай пункта 2 статьи 37-2 Закона",
        });
        await RunJobsAsync();

        Assert.Contains(("transferStudents", (string?)PedagogicalCollege), (await OutboxAsync(id, "mass-transfer")).Select(m => (m.Element, m.School)));
        Assert.DoesNotContain(("recordExclusion", (string?)PedagogicalCollege), (await OutboxAsync(id, "mass-transfer")).Select(m => (m.Element, m.School)));
        // A college keeps no secondary regime: only the school's hand-over is open.
        Assert.Equal([SecondarySchool], (await OpenTasksAsync(id)).Where(t => t.ElementId == "attestationSchedule").Select(t => t.Organisation));
    }
}
