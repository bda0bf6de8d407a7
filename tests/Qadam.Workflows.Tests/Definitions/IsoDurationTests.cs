using Qadam.Workflows.Definitions;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Tests.Definitions;

/// <summary>
/// Timers and deadlines count months and years on the calendar, as the Civil Code counts a period (art. 170: a
/// period in months ends on the same day of its last month, or on the month's last day when it has no such day), not as
/// 30 or 365 days; and the validator and the engine read one grammar.
/// </summary>
public sealed class IsoDurationTests
{
    private static readonly TimeSpan Kazakhstan = TimeSpan.FromHours(5);

    private static DateTimeOffset Due(string duration, DateTimeOffset from) => TimerSchedule.DueTime("t", TimerKind.Duration, duration, from);

    [Fact]
    public void A_month_from_31_January_ends_on_the_last_day_of_February()
    {
        Assert.Equal(new DateTimeOffset(2025, 2, 28, 10, 0, 0, Kazakhstan), Due("P1M", new DateTimeOffset(2025, 1, 31, 10, 0, 0, Kazakhstan)));
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 10, 0, 0, Kazakhstan), Due("P1M", new DateTimeOffset(2024, 1, 31, 10, 0, 0, Kazakhstan)));
    }

    [Fact]
    public void A_year_from_29_February_ends_on_28_February_and_four_years_on_29_February()
    {
        var leapDay = new DateTimeOffset(2024, 2, 29, 9, 0, 0, Kazakhstan);

        Assert.Equal(new DateTimeOffset(2025, 2, 28, 9, 0, 0, Kazakhstan), Due("P1Y", leapDay));
        Assert.Equal(new DateTimeOffset(2028, 2, 29, 9, 0, 0, Kazakhstan), Due("P4Y", leapDay));
    }

    [Fact]
    public void Months_are_counted_on_the_Kazakhstan_calendar_day_not_the_UTC_one()
    {
        // 31 January 02:00 in Astana is still 30 January in UTC: the month ends on 28 February, 02:00 Astana time.
        var earlyMorning = new DateTimeOffset(2025, 1, 30, 21, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2025, 2, 28, 2, 0, 0, Kazakhstan), Due("P1M", earlyMorning));
    }

    [Fact]
    public void Days_hours_and_a_mixed_duration_add_as_written_and_the_due_time_is_stored_in_UTC()
    {
        var from = new DateTimeOffset(2025, 9, 1, 9, 0, 0, Kazakhstan);

        var due = Due("P1Y2M10DT2H30M", from);

        Assert.Equal(new DateTimeOffset(2026, 11, 11, 11, 30, 0, Kazakhstan), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
        Assert.Equal(from.AddDays(14), Due("P14D", from));
        Assert.Equal(from.AddHours(1.5), Due("PT1H30M", from));
        Assert.Equal(from.AddSeconds(0.5), Due("PT0.5S", from));
    }

    [Theory]
    [InlineData("P1M", true)]
    [InlineData("P1Y", true)]
    [InlineData("PT2H", true)]
    [InlineData("P0D", false)]
    [InlineData("-P1D", false)]
    [InlineData("P2W", false)]
    [InlineData("P", false)]
    [InlineData("PT", false)]
    [InlineData("1M", false)]
    public void The_validator_accepts_the_durations_the_engine_computes(string text, bool valid)
    {
        Assert.Equal(valid, TimerSyntax.IsDuration(text));
        if (valid)
        {
            Assert.True(IsoDuration.TryParse(text, out _));
        }
    }

    [Fact]
    public void A_cycle_repeats_by_calendar_months()
    {
        var cycle = TimerCycle.Parse("R3/2025-01-31T09:00:00+05:00/P1M");

        var second = cycle.Period.After(cycle.Start!.Value);

        Assert.Equal(new DateTimeOffset(2025, 2, 28, 9, 0, 0, Kazakhstan), second);
    }
}
