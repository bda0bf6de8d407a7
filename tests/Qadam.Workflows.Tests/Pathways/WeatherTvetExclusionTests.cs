using System.Text.Json.Nodes;
using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// Weather under the 2025 edition: 103 Annex 1 para 3 excludes TVET organisations running medical, pharmaceutical or
/// pedagogical programmes from distance learning on every ground, weather included, with no exception. The exclusion is
/// read on the day of the decision, before any order window opens: such a college's head gets no order task, nothing of
/// it moves, and the table's reason is kept in the college's part of the decision.
/// </summary>
public sealed class WeatherTvetExclusionTests(EngineFixture fixture) : PathwayTestBase(fixture), IClassFixture<EngineFixture>
{
    private const string Region = "astana-edu";
    private const string SecondarySchool = "s-astana-001";
    private const string PedagogicalCollege = "c-astana-ped";
    private static readonly TimeSpan Kazakhstan = TimeSpan.FromHours(5);

    private static JsonObject College() => new()
    {
        ["organisation"] = PedagogicalCollege, ["nameRu"] = "Педагогический колледж", ["shifts"] = new JsonArray(1), ["kind"] = "college",
        ["programmes"] = new JsonArray("pedagogical"),
    };

    private async Task<Guid> BlizzardAsync(params JsonObject[] schools)
    {
        var forDate = Today.AddDays(1);
        Fixture.Clock.SetUtcNow(new DateTimeOffset(forDate.ToDateTime(new TimeOnly(5, 0)), Kazakhstan).ToUniversalTime());
        await Pathway.Load("weather").PublishAsync(Fixture);
        var day = new JsonObject
        {
            ["organisation"] = Region, ["region"] = "Астана", ["ground"] = "weather", ["language"] = "kk",
            ["schools"] = new JsonArray([.. schools]),
        };
        var started = await StartFiledAsync("weather", day, Today);
        await CompleteAsAsync(started.InstanceId, "enterWeather", As("regionalOfficer", Region), new JsonObject
        {
            ["forDate"] = Iso(forDate), ["shiftGroup"] = "first", ["source"] = "observed", ["temperature"] = -20, ["windSpeed"] = 15, ["blizzard"] = true,
        });
        await RunJobsAsync();
        Fixture.Clock.SetUtcNow(new DateTimeOffset(forDate.ToDateTime(new TimeOnly(6, 0)), Kazakhstan).ToUniversalTime());
        await FireTimersAsync();
        return started.InstanceId;
    }

    [Fact]
    public async Task In_a_blizzard_the_school_orders_while_the_pedagogical_college_gets_no_order_task_and_its_exclusion_is_recorded()
    {
        var id = await BlizzardAsync(
            new JsonObject { ["organisation"] = SecondarySchool, ["nameRu"] = "№ 1", ["shifts"] = new JsonArray(1), ["kind"] = "school", ["programmes"] = new JsonArray() },
            College());

        Assert.Equal([SecondarySchool], (await OpenTasksAsync(id)).Where(t => t.ElementId == "headOrder").Select(t => t.Organisation));
        Assert.DoesNotContain(await OpenTasksAsync(id), t => t.Organisation == PedagogicalCollege);
        Assert.Equal([("recordExclusion", (string?)PedagogicalCollege)], (await OutboxAsync(id, "mass-transfer")).Select(m => (m.Element, m.School)));
    }

    [Fact]
    public async Task A_decision_for_the_college_alone_closes_with_the_tables_reason_and_paragraph_in_its_part()
    {
        var id = await BlizzardAsync(College());

        Assert.Equal(InstanceStatus.Completed, await StatusAsync(id));
        var part = Assert.Single((await VariablesAsync(id))["schoolDays"]!.AsArray())!;
        var check = part["programmeCheck"]!;
        Assert.True(check["excluded"]!.GetValue<bool>());
        Assert.False(check["exceptionPossible"]!.GetValue<bool>());
        Assert.Contains("педагогического", check["reasonRu"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("педагогикалық", check["reasonKk"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await OutboxAsync(id, "notify"));
    }
}
