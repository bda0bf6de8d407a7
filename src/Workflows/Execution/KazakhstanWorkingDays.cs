namespace Qadam.Workflows.Execution;

/// <summary>
/// Working days in Kazakhstan for deadlines an order counts in working days (order 97 para 39(2): digital content placed
/// "не менее чем за 5 рабочих дней до начала академического периода"): Monday to Friday, less the public holidays of
/// the Law "On holidays in the Republic of Kazakhstan" of 13.12.2001 No. 267 that fall on a fixed date, and the weekday
/// after a holiday that falls on a weekend (Labour Code art. 85 para 2).
/// </summary>
/// <remarks>
/// Kurban ait (a lunar date) and the days the Government moves by decree are not known here: a deadline that meets
/// them is counted as though they were working days (workflows/README.md, legal assumptions). Republic Day (25 October)
/// is a holiday again from 2022 and 17 December stopped being one from 2022
/// (https://adilet.zan.kz/rus/docs/Z010000267_).
/// </remarks>
public static class KazakhstanWorkingDays
{
    /// <summary>Working days <c>d</c> with <paramref name="from"/> ≤ d &lt; <paramref name="to"/> (0 when to ≤ from).</summary>
    public static int Between(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from; day < to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Whether <paramref name="day"/> is a working day.</summary>
    public static bool IsWorkingDay(DateOnly day) =>
        !IsWeekend(day) && !IsHoliday(day) && !MovedDaysOff(day.Year).Contains(day) && !MovedDaysOff(day.Year - 1).Contains(day);

    /// <summary>
    /// The weekdays a holiday on a Saturday or Sunday moves to (the next weekday that is not itself a holiday or a moved
    /// day off); religious holidays, here Orthodox Christmas, are not moved (Labour Code art. 85 para 2).
    /// </summary>
    private static HashSet<DateOnly> MovedDaysOff(int year)
    {
        var moved = new HashSet<DateOnly>();
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            if (!IsWeekend(day) || !IsHoliday(day) || (day.Month, day.Day) == (1, 7))
            {
                continue;
            }

            var off = day.AddDays(1);
            while (IsWeekend(off) || IsHoliday(off) || moved.Contains(off))
            {
                off = off.AddDays(1);
            }

            moved.Add(off);
        }

        return moved;
    }

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static bool IsHoliday(DateOnly day) => (day.Month, day.Day) switch
    {
        (1, 1) or (1, 2) or (1, 7) or (3, 8) or (3, 21) or (3, 22) or (3, 23) or (5, 1) or (5, 7) or (5, 9) or (7, 6) or (8, 30)
            or (12, 16) => true,
        (10, 25) => day.Year >= 2022,
        (12, 17) => day.Year < 2022,
        _ => false,
    };
}
