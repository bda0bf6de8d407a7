using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Tables;
using Qadam.Workflows.Tests.Pathways;
using static Qadam.Workflows.Tests.Bpmn;

namespace Qadam.Workflows.Tests.Execution;

/// <summary>
/// Deadlines counted in working days ("=addWorkingDays(date, 5)") over Kazakhstan's calendar, the table
/// <c>kz-working-calendar</c> published per year from <c>workflows/calendar/</c>: weekends, public holidays and the
/// government's transferred days off and working days.
/// </summary>
public sealed class WorkingDayDeadlineTests(EngineFixture fixture) : EngineTestBase(fixture), IClassFixture<EngineFixture>
{
    private async Task<DateTimeOffset> DueAsync(string from, int days)
    {
        await Pathway.Load("calendar").PublishAsync(Fixture);
        var key = "deadline-" + days;
        await using (var db = Fixture.NewContext())
        {
            if (!await db.Definitions.AnyAsync(d => d.Key == key))
            {
                await Fixture.PublishAsync(key, Process(key, $"""
                    <bpmn:startEvent id="start" />
                    <bpmn:intermediateCatchEvent id="deadline"><bpmn:timerEventDefinition><bpmn:timeDate>=addWorkingDays(registeredOn, {days})</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
                    {UserTask("late")}{Ends("late")}
                    {Flow("f0", "start", "deadline")}{Flow("f1", "deadline", "late")}
                    """));
            }
        }

        var started = await StartAsync(key, new JsonObject { ["registeredOn"] = from });
        await using var read = Fixture.NewContext();
        return (await read.Timers.SingleAsync(t => t.InstanceId == started.InstanceId)).DueAt;
    }

    private static DateTimeOffset Midnight(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.FromHours(5));

    [Fact]
    public async Task Five_working_days_from_the_Wednesday_before_Nauryz_end_on_the_Monday_after_the_transferred_days_off()
    {
        // 2025: 21 March (Fri) holiday, 22-23 weekend and holiday, 24-25 March transferred days off.
        Assert.Equal(Midnight(2025, 3, 31), await DueAsync("2025-03-19", 5));
    }

    [Fact]
    public async Task A_Sunday_made_a_working_day_counts_and_the_Friday_made_a_day_off_does_not()
    {
        // 2025: the day off of Sunday 5 January moved to Friday 3 January.
        Assert.Equal(Midnight(2025, 1, 5), await DueAsync("2025-01-02", 1));
    }

    [Fact]
    public async Task A_term_across_the_new_year_reads_each_years_calendar()
    {
        // 30, 31 December; 1-2 January holidays, 3-4 weekend; 5, 6; 7 January (Orthodox Christmas) off; 8 January.
        Assert.Equal(Midnight(2026, 1, 8), await DueAsync("2025-12-29", 5));
    }

    [Fact]
    public void A_year_without_a_published_calendar_is_an_error_not_a_guess()
    {
        var ex = Assert.Throws<ArgumentException>(() => WorkingCalendar.AddWorkingDays(new DateOnly(2026, 12, 30), 5, _ => null));
        Assert.Contains("kz-working-calendar", ex.Message, StringComparison.Ordinal);
    }
}
