using System.Text.Json.Nodes;
using static Qadam.Workflows.Tests.Bpmn;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// The caps of workflows/limits, evaluated by the engine as a business rule task would: TVET 20 % (not for the
/// medical and competition grounds), the TVET programme exclusion (from para 3-1 of 2024), order 97's higher-education
/// caps and the 2020 edition's credit caps (order 374).
/// </summary>
public sealed class LimitsTests(EngineFixture fixture) : PathwayTestBase(fixture), IClassFixture<EngineFixture>
{
    private async Task<JsonNode?> DecideAsync(string table, JsonObject variables, DateOnly? filed = null)
    {
        await Pathway.Load("limits").PublishAsync(Fixture);
        var key = "check-" + table;
        await using (var host = Fixture.NewHost())
        {
            if (!host.Db.Definitions.Any(d => d.Key == key))
            {
                await Fixture.PublishAsync(key, Process(key, $"""
                    <bpmn:startEvent id="start" />
                    <bpmn:businessRuleTask id="decide" qadam:table="{table}" qadam:resultVariable="result" />
                    <bpmn:endEvent id="end" />
                    {Flow("f0", "start", "decide")}{Flow("f1", "decide", "end")}
                    """));
            }
        }

        var started = await StartFiledAsync(key, variables, filed ?? new DateOnly(2025, 9, 1));
        return (await VariablesAsync(started.InstanceId))["result"];
    }

    [Theory]
    [InlineData("parent", 480, true)]
    [InlineData("parent", 481, false)]
    [InlineData("medical", 1200, true)]
    [InlineData("competition", 1200, true)]
    public async Task The_TVET_cap_is_20_percent_except_for_medical_and_competition_grounds(string ground, int distanceHours, bool within)
    {
        var result = await DecideAsync("tvet-distance-cap", new JsonObject { ["ground"] = ground, ["distanceHours"] = distanceHours, ["totalHours"] = 2400 });

        Assert.Equal(within, result!["withinCap"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("2024-06-10", "pedagogical", false)]
    [InlineData("2024-06-11", "pedagogical", true)]
    [InlineData("2025-09-01", "pharmaceutical", true)]
    [InlineData("2025-09-01", "it", false)]
    public async Task Medical_pharmaceutical_and_pedagogical_TVET_programmes_are_excluded_from_paragraph_3_1_on(string filed, string group, bool excluded)
    {
        var result = await DecideAsync("tvet-programme-exclusion",
            new JsonObject { ["student"] = new JsonObject { ["programmeGroup"] = group } }, DateOnly.Parse(filed, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(excluded, result!["excluded"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("disciplines", "law", false, 20)]
    [InlineData("disciplines", "economics", false, 50)]
    [InlineData("disciplineVolume", "economics", false, 20)]
    [InlineData("academicMobility", "economics", false, 20)]
    [InlineData("doubleDegree", "economics", false, 50)]
    [InlineData("mooc", "economics", false, 20)]
    public async Task Order_97_caps_depend_on_the_field_and_the_measure(string measure, string field, bool emergency, int cap)
    {
        var result = await DecideAsync("higher-ed-distance-caps",
            new JsonObject { ["measure"] = measure, ["field"] = field, ["isMooc"] = false, ["emergency"] = emergency });

        Assert.Equal(cap, result!["capPercent"]!.GetValue<int>());
    }

    [Fact]
    public async Task In_an_emergency_academic_mobility_may_exceed_the_order_97_cap()
    {
        var result = await DecideAsync("higher-ed-distance-caps",
            new JsonObject { ["measure"] = "academicMobility", ["field"] = "law", ["isMooc"] = false, ["emergency"] = true });

        Assert.True(result!["exceedAllowed"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("programme", "MBA", "", "bachelor", 30)]
    [InlineData("programme", "EMBA", "", "master", 15)]
    [InlineData("field", "", "choreography", "bachelor", 30)]
    [InlineData("academicMobility", "", "", "bachelor", 60)]
    [InlineData("doubleDegree", "", "", "bachelor", 120)]
    [InlineData("doubleDegree", "", "", "master", 60)]
    public async Task The_2020_edition_caps_credits_in_absolute_numbers(string measure, string programme, string field, string level, int credits)
    {
        var result = await DecideAsync("higher-ed-credit-caps-2020", new JsonObject
        {
            ["measure"] = measure, ["programme"] = programme, ["field"] = field, ["level"] = level, ["emergency"] = false,
        }, new DateOnly(2021, 3, 1));

        Assert.Equal(credits, result!["capCredits"]!.GetValue<int>());
    }
}
