using System.Text.Json.Nodes;
using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// Unfavourable weather, 2023 edition (order 349, Annex 2 para 6), in force from 8 December 2023 until the 2025 edition:
/// distance learning "is organised on the basis of the order of the education body of the oblast, the city of republican
/// significance, the capital". The regional officer records that order (number, date, day, shift, grades); every school of
/// the shift then moves and notifies its parents on its own, with no head's order of its own and no indicator table.
/// </summary>
public sealed class WeatherEdition2023Tests(EngineFixture fixture) : PathwayTestBase(fixture), IClassFixture<EngineFixture>
{
    private const string Region = "almaty-edu";

    private static JsonObject Day() => new()
    {
        ["organisation"] = Region, ["region"] = "Алматы", ["ground"] = "weather", ["language"] = "ru",
        ["schools"] = new JsonArray(
            new JsonObject { ["organisation"] = "s-almaty-001", ["name"] = "№ 1", ["shifts"] = new JsonArray(1) },
            new JsonObject { ["organisation"] = "s-almaty-002", ["name"] = "№ 2", ["shifts"] = new JsonArray(1, 2) },
            new JsonObject { ["organisation"] = "s-almaty-101", ["name"] = "№ 101", ["shifts"] = new JsonArray(2) }),
    };

    [Fact]
    public async Task In_january_2024_the_regional_bodys_order_moves_every_school_of_the_shift_without_a_heads_order()
    {
        await Pathway.Load("weather").PublishAsync(Fixture);
        var started = await StartFiledAsync("weather", Day(), new DateOnly(2024, 1, 15));
        var first = (await OpenTasksAsync(started.InstanceId)).Single();
        Assert.Equal("regionalOrder", first.ElementId);
        Assert.Equal(["regionalOfficer"], first.CandidateRoles);

        await CompleteAsAsync(started.InstanceId, "regionalOrder", As("regionalOfficer", Region), new JsonObject
        {
            ["orderNumber"] = "12-о", ["orderDate"] = "2024-01-15", ["forDate"] = "2024-01-16", ["shiftGroup"] = "first",
            ["gradesFrom"] = 0, ["gradesTo"] = 4,
        });
        await RunJobsAsync();

        var remote = (await VariablesAsync(started.InstanceId))["remote"]!;
        Assert.Equal((0, 4), (remote["gradesFrom"]!.GetValue<int>(), remote["gradesTo"]!.GetValue<int>()));
        var transfers = await OutboxAsync(started.InstanceId, "mass-transfer");
        Assert.Equal(["s-almaty-001", "s-almaty-002"], transfers.Select(t => t.School!).Order(StringComparer.Ordinal));
        Assert.Equal(2, (await OutboxAsync(started.InstanceId, "notify")).Count);
        Assert.DoesNotContain(await OpenTasksAsync(started.InstanceId), t => t.ElementId == "headOrder");
        Assert.Equal(InstanceStatus.Completed, await StatusAsync(started.InstanceId));
    }

    [Fact]
    public async Task From_13_may_2025_the_same_pathway_runs_the_2025_edition_on_the_indicators()
    {
        await Pathway.Load("weather").PublishAsync(Fixture);
        var started = await StartFiledAsync("weather", Day(), new DateOnly(2025, 5, 13));

        Assert.Equal("enterWeather", (await OpenTasksAsync(started.InstanceId)).Single().ElementId);
    }

    [Fact]
    public async Task A_school_under_a_district_table_decides_by_it_while_its_neighbour_follows_the_region()
    {
        var kazakhstan = TimeSpan.FromHours(5);
        var forDate = Today.AddDays(1);
        Fixture.Clock.SetUtcNow(new DateTimeOffset(forDate.ToDateTime(new TimeOnly(5, 30)), kazakhstan).ToUniversalTime());
        await Pathway.Load("weather").PublishAsync(Fixture);
        var day = Day();
        day["indicatorTable"] = "weather-indicators-r1";
        day["schools"]![1]!["indicatorTable"] = "weather-indicators-d2";
        var started = await StartFiledAsync("weather", day, Today);
        await CompleteAsAsync(started.InstanceId, "enterWeather", As("regionalOfficer", Region), new JsonObject
        {
            ["forDate"] = Iso(forDate), ["shiftGroup"] = "first", ["source"] = "observed",
            ["temperature"] = -23, ["windSpeed"] = 3, ["blizzard"] = false,
        });
        await RunJobsAsync();
        Fixture.Clock.SetUtcNow(new DateTimeOffset(forDate.ToDateTime(new TimeOnly(6, 0)), kazakhstan).ToUniversalTime());
        await FireTimersAsync();

        // The region's table proposes nothing at -23 °C with 3 m/s; the district's proposes grades 0-4, for its school only.
        Assert.Null((await VariablesAsync(started.InstanceId))["remote"]);
        var orders = (await OpenTasksAsync(started.InstanceId)).Where(t => t.ElementId == "headOrder").ToList();
        Assert.Equal(["s-almaty-002"], orders.Select(t => t.Organisation));
        Assert.Equal(InstanceStatus.Active, await StatusAsync(started.InstanceId));
    }
}
