namespace Qadam.Identifiers;

/// <summary>
/// Kazakhstan's date and time over a <see cref="TimeProvider"/>: the one place the offset is written. Kazakhstan keeps one
/// time zone, UTC+5, nationwide since 1 March 2024 (docs/domain-facts.md; docs/architecture.md, languages and time). The
/// instants the engine and the API store stay UTC; a date a person reads or a period counts by (today, a deadline's day, a
/// midnight timer) is Kazakhstan's.
/// </summary>
public static class KazakhstanClock
{
    /// <summary>UTC+5.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(5);

    /// <summary>The current instant as a Kazakhstan wall clock shows it.</summary>
    public static DateTimeOffset Now(TimeProvider time) => time.GetUtcNow().ToOffset(Offset);

    /// <summary>Today's date in Kazakhstan.</summary>
    public static DateOnly Today(TimeProvider time) => DateOf(time.GetUtcNow());

    /// <summary>The Kazakhstan date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>An instant in Kazakhstan wall-clock time.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>Midnight of <paramref name="date"/> in Kazakhstan.</summary>
    public static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), Offset);

    /// <summary>A wall-clock time without an offset, read as Kazakhstan's.</summary>
    public static DateTimeOffset At(DateTime local) => new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Offset);
}
