namespace Qadam.Identifiers.Tests;

/// <summary>
/// Kazakhstan is UTC+5 nationwide since 1 March 2024 (docs/domain-facts.md): "today" turns at 19:00 UTC, and a time
/// written without an offset is Kazakhstan's.
/// </summary>
public sealed class KazakhstanClockTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }

    [Fact]
    public void Today_turns_at_midnight_in_Kazakhstan_which_is_19_00_UTC()
    {
        Assert.Equal(new DateOnly(2025, 8, 31), KazakhstanClock.Today(new FixedClock(new DateTimeOffset(2025, 8, 31, 18, 59, 0, TimeSpan.Zero))));
        Assert.Equal(new DateOnly(2025, 9, 1), KazakhstanClock.Today(new FixedClock(new DateTimeOffset(2025, 8, 31, 19, 0, 0, TimeSpan.Zero))));
    }

    [Fact]
    public void Now_reads_as_a_Kazakhstan_wall_clock_at_UTC_plus_5()
    {
        var now = KazakhstanClock.Now(new FixedClock(new DateTimeOffset(2025, 9, 1, 4, 0, 0, TimeSpan.Zero)));

        Assert.Equal(TimeSpan.FromHours(5), now.Offset);
        Assert.Equal(9, now.Hour);
    }

    [Fact]
    public void A_date_starts_at_Kazakhstan_midnight_and_a_local_time_is_read_as_Kazakhstan_time()
    {
        Assert.Equal(new DateTimeOffset(2025, 8, 31, 19, 0, 0, TimeSpan.Zero), KazakhstanClock.StartOf(new DateOnly(2025, 9, 1)));
        Assert.Equal(new DateTimeOffset(2025, 9, 1, 1, 0, 0, TimeSpan.Zero), KazakhstanClock.At(new DateTime(2025, 9, 1, 6, 0, 0)));
    }
}
