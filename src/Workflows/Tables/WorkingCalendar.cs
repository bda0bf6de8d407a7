using System.Globalization;

namespace Qadam.Workflows.Tables;

/// <summary>
/// One year of Kazakhstan's working-day calendar, read from the condition table <see cref="Key"/> whose version is in
/// force on 1 January of that year (the legal department publishes one version per year, like any table). Each row's
/// output names a <c>date</c> and its <c>kind</c>: <c>holiday</c> and <c>dayOff</c> (a transferred day off) are not
/// working days, <c>workingDay</c> makes a Saturday or Sunday one (a transferred working day); any other date is a
/// working day from Monday to Friday (Labour Code of the Republic of Kazakhstan art. 84-85, five-day week).
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>The key of the calendar table.</summary>
    public const string Key = "kz-working-calendar";

    private readonly HashSet<DateOnly> _off = [];
    private readonly HashSet<DateOnly> _on = [];

    private WorkingCalendar()
    {
    }

    /// <summary>The calendar that a table version holds; rows without a date or kind are refused.</summary>
    public static WorkingCalendar From(ConditionTable table)
    {
        var calendar = new WorkingCalendar();
        foreach (var row in table.Rules)
        {
            var date = row.Output?["date"]?.GetValue<string>();
            var kind = row.Output?["kind"]?.GetValue<string>();
            if (date is null || !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                throw new InvalidDataException($"a calendar row has no date (yyyy-MM-dd): '{date}'");
            }

            var set = kind switch
            {
                "holiday" or "dayOff" => calendar._off,
                "workingDay" => calendar._on,
                _ => throw new InvalidDataException($"the calendar row of {date} has kind '{kind}': holiday, dayOff or workingDay"),
            };
            set.Add(day);
        }

        return calendar;
    }

    /// <summary>True when <paramref name="day"/> is a working day.</summary>
    public bool IsWorkingDay(DateOnly day) =>
        _on.Contains(day) || (!_off.Contains(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    /// <summary>
    /// The <paramref name="days"/>-th working day after <paramref name="start"/> (the start day itself is not counted: a term
    /// runs from the day after the event that starts it). Each year's calendar comes from <paramref name="year"/>; a year
    /// without one is an error, never a guess.
    /// </summary>
    public static DateOnly AddWorkingDays(DateOnly start, int days, Func<int, WorkingCalendar?> year)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, 3660);
        var isWorkingDay = WorkingDays(year);
        var day = start;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (isWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>
    /// The working days <c>d</c> with <paramref name="from"/> ≤ d &lt; <paramref name="to"/> (0 when <paramref name="to"/> ≤
    /// <paramref name="from"/>): order 97 para 39(2), content placed "не менее чем за 5 рабочих дней" before the period.
    /// Each year's calendar comes from <paramref name="year"/>; a year without one is an error, never a guess.
    /// </summary>
    public static int WorkingDaysBetween(DateOnly from, DateOnly to, Func<int, WorkingCalendar?> year)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(to.DayNumber - from.DayNumber, 3660 * 2);
        var isWorkingDay = WorkingDays(year);
        var count = 0;
        for (var day = from; day < to; day = day.AddDays(1))
        {
            if (isWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Whether a day is a working day, by the calendar of its year, each year looked up once.</summary>
    private static Func<DateOnly, bool> WorkingDays(Func<int, WorkingCalendar?> year)
    {
        var calendars = new Dictionary<int, WorkingCalendar>();
        return day =>
        {
            if (!calendars.TryGetValue(day.Year, out var calendar))
            {
                calendar = year(day.Year) ?? throw new ArgumentException($"no working-day calendar ({Key}) is in force for {day.Year}");
                calendars[day.Year] = calendar;
            }

            return calendar.IsWorkingDay(day);
        };
    }
}
