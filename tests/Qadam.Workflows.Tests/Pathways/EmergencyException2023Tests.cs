using System.Text.Json.Nodes;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// An emergency order under the 2023 edition after order 130 added para 3-1 to 349 Annex 2: the transfer (here the step's
/// recorded outcome, as the API's mass transfer writes it) left the pedagogical college out with the exception possible;
/// its head decides, with reasons, whether the case is one of art. 37-2 para 2 of the Law on education. Granted, the college
/// is moved by its own step and gets its order like the school; refused, it gets nothing more.
/// </summary>
public sealed class EmergencyException2023Tests(EngineFixtureIn2024 fixture) : PathwayTestBase(fixture), IClassFixture<EngineFixtureIn2024>
{
    private const string Region = "almaty-edu";
    private const string SecondarySchool = "s-almaty-005";
    private const string PedagogicalCollege = "c-almaty-ped";
    private static readonly TimeSpan Kazakhstan = TimeSpan.FromHours(5);

    private async Task<Guid> OrderAsync()
    {
        // An autumn day of 2024, after para 3-1 came into force; each test takes the next day (the clock never goes back).
        var autumn = new DateOnly(2024, 10, 1);
        var day = Today < autumn ? autumn : Today.AddDays(1);
        Fixture.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), Kazakhstan).ToUniversalTime());
        await Pathway.Load("emergency-transfer").PublishAsync(Fixture);
        var started = await StartFiledAsync("emergency-transfer", new JsonObject
        {
            ["order"] = new JsonObject
            {
                ["id"] = $"order-{Guid.NewGuid():N}", ["issuingBody"] = "r-almaty", ["issuerKk"] = "Алматы қаласының білім басқармасы",
                ["issuerRu"] = "Управление образования города Алматы", ["number"] = "154",
                ["date"] = Iso(day), ["ground"] = "Карантин", ["territory"] = Region,
            },
            ["period"] = new JsonObject { ["from"] = Iso(day), ["to"] = Iso(day.AddDays(20)) },
            ["organisations"] = new JsonArray(SecondarySchool, PedagogicalCollege),
            ["organisation"] = Region,
            // What MassTransferActivity records for transferStudents when the 2024 table excludes the college (exception possible).
            ["transfers"] = new JsonObject
            {
                ["transferStudents"] = new JsonObject
                {
                    ["excluded"] = new JsonArray(PedagogicalCollege), ["exceptionPossible"] = new JsonArray(PedagogicalCollege),
                },
            },
        }, day);
        return started.InstanceId;
    }

    private async Task AnswerAsync(Guid id, string applies)
    {
        var exception = (await OpenTasksAsync(id)).Single(t => t.ElementId == "exclusionException");
        Assert.Equal((PedagogicalCollege, "tvet-exclusion-exception"), (exception.Organisation, exception.FormKey));
        Assert.Equal(["head"], exception.CandidateRoles);
        // Nothing else waits for the college's head: the school's order is rendered once the head has answered.
        Assert.DoesNotContain(await OpenTasksAsync(id), t => t.ElementId == "schoolOrder");
        await CompleteTaskAsAsync(exception, As("head", PedagogicalCollege), new JsonObject
        {
            ["exceptionApplies"] = applies,
            ["exceptionReasonKk"] = "Заңның 37-2-бабының 2-тармағы бойынша негіздеме",
            ["exceptionReasonRu"] = "Обоснование по пункту 2 статьи 37-2 Закона",
        });
        await RunJobsAsync();
    }

    [Fact]
    public async Task A_college_granted_the_exception_is_moved_by_its_own_step_and_gets_its_order()
    {
        var id = await OrderAsync();
        await AnswerAsync(id, "yes");

        Assert.Equal([("transferStudents", (string?)null), ("transferExcepted", PedagogicalCollege)],
            (await OutboxAsync(id, "mass-transfer")).Select(m => (m.Element, m.School)));
        Assert.Equal([PedagogicalCollege, SecondarySchool],
            (await OpenTasksAsync(id)).Where(t => t.ElementId == "schoolOrder").Select(t => t.Organisation!).Order(StringComparer.Ordinal));
        var decision = Assert.Single((await VariablesAsync(id))["exclusionExceptions"]!.AsArray());
        Assert.Equal("yes", decision!["exceptionApplies"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_college_refused_the_exception_stays_out_and_only_the_school_gets_its_order()
    {
        var id = await OrderAsync();
        await AnswerAsync(id, "no");

        Assert.Equal([("transferStudents", (string?)null)], (await OutboxAsync(id, "mass-transfer")).Select(m => (m.Element, m.School)));
        Assert.Equal([SecondarySchool], (await OpenTasksAsync(id)).Where(t => t.ElementId == "schoolOrder").Select(t => t.Organisation!));
        Assert.DoesNotContain(await OpenTasksAsync(id), t => t.Organisation == PedagogicalCollege);
    }
}
