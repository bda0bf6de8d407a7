using System.Text.Json.Nodes;
using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// Unfavourable weather, 2025 edition (349 as amended by 103, Annex 1 para 11-21): the region's indicator table
/// decides the grades, each affected school's head issues the order by 07:00 (first shift) or 12:00 (second and
/// third), parents are notified by 08:00 / 13:00, missed deadlines escalate to the regional officer.
/// </summary>
public sealed class WeatherTests(EngineFixture fixture) : PathwayTestBase(fixture), IClassFixture<EngineFixture>
{
    private const string Region = "astana-edu";
    private static readonly TimeSpan Kazakhstan = TimeSpan.FromHours(5);

    private static JsonObject Day() => new()
    {
        ["organisation"] = Region,
        ["region"] = "Астана",
        ["ground"] = "weather",
        ["language"] = "kk",
        ["schools"] = new JsonArray(
            new JsonObject { ["organisation"] = "s-astana-017", ["name"] = "№ 17 мектеп-лицей", ["shifts"] = new JsonArray(1, 2) },
            new JsonObject { ["organisation"] = "s-astana-045", ["name"] = "№ 45 мектеп-гимназия", ["shifts"] = new JsonArray(1) },
            new JsonObject { ["organisation"] = "s-astana-101", ["name"] = "№ 101 мектеп", ["shifts"] = new JsonArray(2) }),
    };

    private async Task<(Guid Id, DateOnly ForDate)> EnterAsync(string shiftGroup, double temperature, double wind, bool blizzard = false)
    {
        await Pathway.Load("weather").PublishAsync(Fixture);
        var started = await StartFiledAsync("weather", Day(), Today);
        var forDate = Today.AddDays(1);
        await CompleteAsAsync(started.InstanceId, "enterWeather", As("regionalOfficer", Region), new JsonObject
        {
            ["forDate"] = Iso(forDate), ["shiftGroup"] = shiftGroup, ["source"] = "forecast",
            ["temperature"] = temperature, ["windSpeed"] = wind, ["blizzard"] = blizzard,
        });
        return (started.InstanceId, forDate);
    }

    [Theory]
    [InlineData(-27, 3, false, 4, 0)]
    [InlineData(-25, 2, false, 4, 0)]
    [InlineData(-31, 6, false, 11, 2)]
    [InlineData(-34, 5, false, 11, 2)]
    [InlineData(-12, 14, true, 11, 4)]
    public async Task The_indicator_table_chooses_the_grades_for_the_temperature_and_wind(
        double temperature, double wind, bool blizzard, int gradesTo, int collegeYears)
    {
        var (id, _) = await EnterAsync("first", temperature, wind, blizzard);

        var remote = (await VariablesAsync(id))["remote"]!;
        Assert.Equal(0, remote["gradesFrom"]!.GetValue<int>());
        Assert.Equal(gradesTo, remote["gradesTo"]!.GetValue<int>());
        Assert.Equal(collegeYears, remote["collegeYears"]!.AsArray().Count);
        Assert.Equal(["schoolOrders", "schoolOrders"], await OpenTaskIdsAsync(id));
    }

    [Theory]
    [InlineData(-24, 8, false)]
    [InlineData(-29, 1, false)]
    [InlineData(-15, 9, true)]
    public async Task Below_the_indicators_the_day_ends_without_a_transfer(double temperature, double wind, bool blizzard)
    {
        var (id, _) = await EnterAsync("first", temperature, wind, blizzard);

        Assert.Null((await VariablesAsync(id))["remote"]);
        Assert.Equal(InstanceStatus.Completed, await StatusAsync(id));
    }

    [Fact]
    public async Task The_second_shift_orders_go_to_the_schools_that_have_one_and_are_due_by_noon()
    {
        var (id, forDate) = await EnterAsync("later", -31, 6);

        var orders = await OpenTasksAsync(id);
        Assert.Equal(["s-astana-017", "s-astana-101"], orders.Select(t => t.Organisation).Order(StringComparer.Ordinal));
        Assert.All(orders, t => Assert.Equal(new DateTimeOffset(forDate.ToDateTime(new TimeOnly(12, 0)), Kazakhstan), t.DueAt));
    }

    [Fact]
    public async Task A_head_who_misses_seven_oclock_is_escalated_to_the_regional_officer_and_the_day_still_closes()
    {
        var (id, forDate) = await EnterAsync("first", -27, 3);
        var orders = await OpenTasksAsync(id);
        Assert.All(orders, t => Assert.Equal(new DateTimeOffset(forDate.ToDateTime(new TimeOnly(7, 0)), Kazakhstan), t.DueAt));
        Assert.All(orders, t => Assert.Equal(["head"], t.CandidateRoles));
        var order = new JsonObject
        {
            ["orderNumber"] = "17-АР-3", ["classesAndShift"] = "0-4 сыныптар, 1-ауысым / 0-4 классы, 1 смена", ["modeOfWork"] = "Кезекші топтар / Дежурные группы",
            ["responsibleAdministration"] = "Директордың орынбасары / Заместитель директора", ["responsibleTeachers"] = "Сынып жетекшілері / Классные руководители",
            ["postedOnWebsite"] = true,
        };
        await CompleteTaskAsAsync(orders.Single(t => t.Organisation == "s-astana-017"), As("head", "s-astana-017"), order);

        Fixture.Clock.SetUtcNow(new DateTimeOffset(forDate.ToDateTime(new TimeOnly(7, 1)), Kazakhstan).ToUniversalTime());
        await FireTimersAsync();

        Assert.Equal(["escalateLateOrders", "schoolOrders"], await OpenTaskIdsAsync(id));
        Assert.Equal(Region, (await OpenTaskAsync(id, "escalateLateOrders")).Organisation);
        await CompleteAsAsync(id, "schoolOrders", As("head", "s-astana-045"), order);
        await CompleteAsAsync(id, "escalateLateOrders", As("regionalOfficer", Region), new JsonObject { ["escalationNote"] = "Директормен байланыс / Связались с директором" });
        Assert.Equal(["transferStudents"], await StringsAsync(id, "massTransfers"));
        Assert.Equal(["notifyParents"], await NotifiedElementsAsync(id));

        var notices = await OpenTasksAsync(id);
        Assert.All(notices, t => Assert.Equal(new DateTimeOffset(forDate.ToDateTime(new TimeOnly(8, 0)), Kazakhstan), t.DueAt));
        foreach (var school in new[] { "s-astana-017", "s-astana-045" })
        {
            await CompleteTaskAsAsync(notices.Single(t => t.Organisation == school), As("classTeacher", school),
                new JsonObject { ["parentsNotified"] = true, ["channel"] = "messenger" });
        }

        foreach (var task in await OpenTasksAsync(id))
        {
            Assert.Equal("attendance", task.ElementId);
            await CompleteTaskAsAsync(task, As("head", task.Organisation!),
                new JsonObject { ["studentsCame"] = 12, ["studentsConnected"] = 380, ["hotMeals"] = true, ["escortedHome"] = true });
        }

        Assert.Equal(InstanceStatus.Completed, await StatusAsync(id));
        Assert.Equal(2, (await VariablesAsync(id))["attendance"]!.AsArray().Count);
    }
}
