using System.Text.Json.Nodes;
using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// Unfavourable weather, 2025 edition (349 as amended by 103, Annex 1 para 11-21): the region's indicator table proposes
/// the grades; each school of the shift is its own instance: its head (or the person replacing the head) issues the
/// order inside 06:00-07:00 (first shift) or 10:30-12:00 (second and third), never before; its parents are notified
/// inside 06:45-08:00 / 11:15-13:00, never before; a late school is escalated without holding the others.
/// </summary>
public sealed class WeatherTests(EngineFixture fixture) : PathwayTestBase(fixture), IClassFixture<EngineFixture>
{
    private const string Region = "astana-edu";
    private static readonly TimeSpan Kazakhstan = TimeSpan.FromHours(5);

    private static JsonObject Day(int firstShiftSchools = 2) => new()
    {
        ["organisation"] = Region,
        ["region"] = "Астана",
        ["ground"] = "weather",
        ["language"] = "kk",
        ["schools"] = new JsonArray([
            .. Enumerable.Range(1, firstShiftSchools).Select(i => (JsonNode)new JsonObject
            {
                ["organisation"] = $"s-astana-{i:000}", ["name"] = $"№ {i} мектеп", ["shifts"] = new JsonArray(1),
            }),
            new JsonObject { ["organisation"] = "s-astana-101", ["name"] = "№ 101 мектеп", ["shifts"] = new JsonArray(2) },
            new JsonObject { ["organisation"] = "s-astana-102", ["name"] = "№ 102 мектеп", ["shifts"] = new JsonArray(1, 2) }]),
    };

    /// <summary>A day strictly after the clock's, so that each test can set its own hours without the clock going back.</summary>
    private DateOnly NextDay() => Today.AddDays(1);

    private void SetClock(DateOnly day, int hour, int minute) =>
        Fixture.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), Kazakhstan).ToUniversalTime());

    private async Task<Guid> EnterAsync(
        DateOnly forDate, string shiftGroup, double temperature, double wind, bool blizzard = false, int schools = 2, Action<JsonObject>? adjust = null)
    {
        await Pathway.Load("weather").PublishAsync(Fixture);
        var day = Day(schools);
        adjust?.Invoke(day);
        var started = await StartFiledAsync("weather", day, Today);
        await CompleteAsAsync(started.InstanceId, "enterWeather", As("regionalOfficer", Region), new JsonObject
        {
            ["forDate"] = Iso(forDate), ["shiftGroup"] = shiftGroup, ["source"] = "observed",
            ["temperature"] = temperature, ["windSpeed"] = wind, ["blizzard"] = blizzard,
        });
        return started.InstanceId;
    }

    private static JsonObject OrderForm() => new()
    {
        ["classesAndShift"] = "0-4 сыныптар, 1-ауысым / 0-4 классы, 1 смена", ["modeOfWork"] = "Кезекші топтар / Дежурные группы",
        ["responsibleAdministration"] = "Директордың орынбасары / Заместитель директора",
        ["responsibleTeachers"] = "Сынып жетекшілері / Классные руководители",
    };

    /// <summary>The head (or the deputy replacing the head) fills in the order, then signs the order rendered from it and posts it.</summary>
    private async Task IssueAsync(Guid id, string school, string role = "head")
    {
        await CompleteTaskAsAsync((await OpenTasksAsync(id)).Single(t => t.ElementId == "headOrder" && t.Organisation == school), As(role, school), OrderForm());
        await CompleteTaskAsAsync((await OpenTasksAsync(id)).Single(t => t.ElementId == "signSchoolOrder" && t.Organisation == school), As(role, school),
            new JsonObject { ["websiteUrl"] = $"https://{school}.edu.kz/news/frost", ["postedOnNoticeBoard"] = true });
    }

    private async Task NotifyAsync(Guid id, string school) =>
        await CompleteTaskAsAsync((await OpenTasksAsync(id)).Single(t => t.ElementId == "parentsNotified" && t.Organisation == school),
            As("classTeacher", school), new JsonObject { ["parentsNotified"] = true, ["channel"] = "messenger" });

    [Theory]
    [InlineData(-27, 3, false, 4, 0)]
    [InlineData(-25, 2, false, 4, 0)]
    [InlineData(-31, 6, false, 11, 2)]
    [InlineData(-34, 5, false, 11, 2)]
    [InlineData(-12, 14, true, 11, 4)]
    public async Task The_indicator_table_proposes_the_grades_for_the_temperature_and_wind(
        double temperature, double wind, bool blizzard, int gradesTo, int collegeYears)
    {
        var forDate = NextDay();
        SetClock(forDate, 5, 30);
        var id = await EnterAsync(forDate, "first", temperature, wind, blizzard);

        var remote = (await VariablesAsync(id))["remote"]!;
        Assert.Equal(0, remote["gradesFrom"]!.GetValue<int>());
        Assert.Equal(gradesTo, remote["gradesTo"]!.GetValue<int>());
        Assert.Equal(collegeYears, remote["collegeYears"]!.AsArray().Count);
    }

    [Theory]
    [InlineData(-24, 8, false)]
    [InlineData(-29, 1, false)]
    [InlineData(-15, 9, true)]
    public async Task Below_the_indicators_the_day_ends_without_a_transfer(double temperature, double wind, bool blizzard)
    {
        var forDate = NextDay();
        SetClock(forDate, 5, 30);
        var id = await EnterAsync(forDate, "first", temperature, wind, blizzard);

        Assert.Null((await VariablesAsync(id))["remote"]);
        Assert.Equal(InstanceStatus.Completed, await StatusAsync(id));
    }

    [Fact]
    public async Task Twenty_schools_at_six_nineteen_order_in_time_and_notify_by_ten_past_seven_while_the_late_one_is_escalated_alone()
    {
        var forDate = NextDay();
        SetClock(forDate, 5, 40);
        var id = await EnterAsync(forDate, "first", -27, 3, schools: 19);
        var schools = Enumerable.Range(1, 19).Select(i => $"s-astana-{i:000}").Append("s-astana-102").ToList();

        // Before 06:00 no head can issue the order: there is no order task yet (para 15).
        var beforeSix = await OpenTasksAsync(id);
        SetClock(forDate, 6, 0);
        await FireTimersAsync();
        var orders = await OpenTasksAsync(id);

        Assert.Empty(beforeSix);
        Assert.Equal(schools.Order(StringComparer.Ordinal), orders.Select(t => t.Organisation!).Order(StringComparer.Ordinal));
        Assert.All(orders, t => Assert.Equal(("headOrder", new DateTimeOffset(forDate.ToDateTime(new TimeOnly(7, 0)), Kazakhstan)), (t.ElementId, t.DueAt)));
        Assert.All(orders, t => Assert.Equal(["head", "deputyHead"], t.CandidateRoles));

        // 19 schools order between 06:10 and 06:40; at school 7 the head is absent and the deputy issues it.
        SetClock(forDate, 6, 10);
        foreach (var school in schools.Where(s => s != "s-astana-102"))
        {
            await IssueAsync(id, school, school == "s-astana-007" ? "deputyHead" : "head");
        }

        SetClock(forDate, 6, 40);
        await FireTimersAsync();
        var noticesBefore645 = await OutboxAsync(id, "notify");
        SetClock(forDate, 6, 45);
        await FireTimersAsync();
        var notices = await OutboxAsync(id, "notify");
        SetClock(forDate, 7, 1);
        await FireTimersAsync();
        var escalations = (await OpenTasksAsync(id)).Where(t => t.ElementId == "escalateLateOrder").ToList();
        SetClock(forDate, 7, 5);
        foreach (var school in schools.Where(s => s != "s-astana-102"))
        {
            await NotifyAsync(id, school);
        }

        // No notice before 06:45 (para 14); every ordering school's parents are notified by 07:10; the late school is escalated alone.
        Assert.Empty(noticesBefore645);
        Assert.Equal(19, notices.Count(n => n.Element == "notifyParents"));
        Assert.DoesNotContain("s-astana-102", notices.Select(n => n.School));
        Assert.All(notices, n => Assert.InRange(n.At, At(forDate, 6, 45), At(forDate, 7, 10)));
        Assert.Equal(19, (await OutboxAsync(id, "mass-transfer")).Count);
        Assert.Equal(Region, Assert.Single(escalations).Organisation);
        var open = await OpenTasksAsync(id);
        Assert.Equal(19, open.Count(t => t.ElementId == "attendance"));
        Assert.Equal("s-astana-102", Assert.Single(open, t => t.ElementId == "headOrder").Organisation);

        // The late school orders at 07:20 and notifies at once, on its own clock.
        SetClock(forDate, 7, 20);
        await IssueAsync(id, "s-astana-102");
        await FireTimersAsync();
        Assert.Contains(await OutboxAsync(id, "notify"), n => n.School == "s-astana-102" && n.At == At(forDate, 7, 20));
    }

    [Fact]
    public async Task At_a_quarter_to_seven_each_school_is_given_the_channels_of_its_own_approved_notification_system()
    {
        var forDate = NextDay();
        SetClock(forDate, 5, 40);
        // School 1 lies in a district that approved its own system (order 103 para 12(2)); school 102 follows the city's.
        var id = await EnterAsync(forDate, "first", -27, 3, schools: 1,
            adjust: day => day["schools"]![0]!["notificationTable"] = "weather-notification-d2");
        SetClock(forDate, 6, 5);
        await FireTimersAsync();
        await IssueAsync(id, "s-astana-001");
        await IssueAsync(id, "s-astana-102");
        SetClock(forDate, 6, 45);
        await FireTimersAsync();

        var instance = await InstanceAsync(id);
        var channels = (await OpenTasksAsync(id)).Where(t => t.ElementId == "parentsNotified").ToDictionary(t => t.Organisation!,
            t => string.Join(",", instance.VariablesAt(t.TokenId)["notificationSystem"]!["channels"]!.AsArray().Select(c => c!["code"]!.GetValue<string>())));

        // The city's system uses all four ways of para 13; the district's has no television; each names who is responsible.
        Assert.Equal("tv-radio,website,social-messengers,class-teachers", channels["s-astana-102"]);
        Assert.Equal("website,social-messengers,class-teachers", channels["s-astana-001"]);
        Assert.Equal(2, (await OutboxAsync(id, "notify")).Count(n => n.Element == "notifyParents"));
    }

    [Fact]
    public async Task A_second_shift_school_orders_between_half_past_ten_and_noon_and_notifies_from_a_quarter_past_eleven()
    {
        var forDate = NextDay();
        SetClock(forDate, 9, 0);
        var id = await EnterAsync(forDate, "later", -31, 6);

        SetClock(forDate, 10, 29);
        await FireTimersAsync();
        var before = await OpenTasksAsync(id);
        SetClock(forDate, 10, 30);
        await FireTimersAsync();
        var orders = await OpenTasksAsync(id);
        SetClock(forDate, 10, 50);
        await IssueAsync(id, "s-astana-101");
        await FireTimersAsync();
        var noticesBefore1115 = await OutboxAsync(id, "notify");
        SetClock(forDate, 11, 15);
        await FireTimersAsync();

        Assert.Empty(before);
        Assert.Equal(["s-astana-101", "s-astana-102"], orders.Select(t => t.Organisation).Order(StringComparer.Ordinal));
        Assert.All(orders, t => Assert.Equal(new DateTimeOffset(forDate.ToDateTime(new TimeOnly(12, 0)), Kazakhstan), t.DueAt));
        Assert.Empty(noticesBefore1115);
        Assert.Equal(("s-astana-101", At(forDate, 11, 15)), Assert.Single(await OutboxAsync(id, "notify")) is var n ? (n.School, n.At) : default);
        Assert.All((await OpenTasksAsync(id)).Where(t => t.ElementId == "parentsNotified"),
            t => Assert.Equal(new DateTimeOffset(forDate.ToDateTime(new TimeOnly(13, 0)), Kazakhstan), t.DueAt));
    }

    [Fact]
    public async Task A_school_that_misses_the_notice_deadline_is_escalated_and_the_day_closes_when_every_school_reported()
    {
        var forDate = NextDay();
        SetClock(forDate, 5, 50);
        var id = await EnterAsync(forDate, "first", -27, 3, schools: 1);
        SetClock(forDate, 6, 5);
        await FireTimersAsync();
        await IssueAsync(id, "s-astana-001");
        await IssueAsync(id, "s-astana-102");
        SetClock(forDate, 6, 50);
        await FireTimersAsync();
        await NotifyAsync(id, "s-astana-001");
        SetClock(forDate, 8, 1);
        await FireTimersAsync();

        Assert.Equal(["escalateLateNotification", "parentsNotified"],
            (await OpenTasksAsync(id)).Where(t => t.Organisation != "s-astana-001").Select(t => t.ElementId));
        await CompleteAsAsync(id, "escalateLateNotification", As("regionalOfficer", Region),
            new JsonObject { ["escalationNote"] = "Директормен байланыс / Связались с директором", ["contactedPerson"] = "Директор" });
        await NotifyAsync(id, "s-astana-102");
        foreach (var task in await OpenTasksAsync(id))
        {
            Assert.Equal("attendance", task.ElementId);
            await CompleteTaskAsAsync(task, As("head", task.Organisation!),
                new JsonObject { ["studentsCame"] = 12, ["studentsConnected"] = 380, ["hotMeals"] = true, ["escortedHome"] = true });
        }

        Assert.Equal(InstanceStatus.Completed, await StatusAsync(id));
        var days = (await VariablesAsync(id))["schoolDays"]!.AsArray();
        Assert.Equal(2, days.Count);
        Assert.All(days, d => Assert.Equal(12, d!["studentsCame"]!.GetValue<int>()));
    }

    private static DateTimeOffset At(DateOnly day, int hour, int minute) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), Kazakhstan).ToUniversalTime();
}
