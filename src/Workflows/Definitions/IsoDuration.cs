using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using Qadam.Identifiers;

namespace Qadam.Workflows.Definitions;

/// <summary>
/// An ISO 8601 duration as timers and deadlines write it (P3D, PT2H, P1M, P1Y2M10DT2H30M), the one grammar the validator
/// checks and the engine computes due times with. Years, months and days are calendar units counted on Kazakhstan's
/// calendar: a period in months ends on the same day of its last month, or on that month's last day when it has no such day
/// (Civil Code of the Republic of Kazakhstan, art. 170), so P1M from 31 January ends on the last day of February.
/// Weeks are not part of the grammar (write P14D).
/// </summary>
public sealed partial class IsoDuration
{
    private IsoDuration(Period period, bool negative)
    {
        Period = period;
        IsNegative = negative;
    }

    /// <summary>The period, without its sign.</summary>
    public Period Period { get; }

    /// <summary>Written with a leading minus (-P1D): before, not after.</summary>
    public bool IsNegative { get; }

    /// <summary>True when the duration moves time forward: not negative and not zero.</summary>
    public bool IsPositive => !IsNegative && !Period.Normalize().Equals(Period.Zero);

    /// <summary>Reads <paramref name="text"/>, or says it is not an ISO 8601 duration of this grammar.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out IsoDuration? duration)
    {
        duration = null;
        if (text is null || !Shape().IsMatch(text))
        {
            return false;
        }

        var negative = text.StartsWith('-');
        var parsed = PeriodPattern.NormalizingIso.Parse(negative ? text[1..] : text);
        if (!parsed.Success)
        {
            return false;
        }

        duration = new IsoDuration(parsed.Value, negative);
        return true;
    }

    /// <summary>Reads <paramref name="text"/>; a <see cref="FormatException"/> when it is not an ISO 8601 duration.</summary>
    public static IsoDuration Parse(string text) =>
        TryParse(text, out var duration) ? duration : throw new FormatException($"'{text}' is not an ISO 8601 duration, e.g. P3D or PT2H");

    /// <summary>
    /// The instant the duration after (or, negative, before) <paramref name="instant"/> lands on, counted on the Kazakhstan
    /// wall clock; in UTC, as PostgreSQL stores instants.
    /// </summary>
    public DateTimeOffset After(DateTimeOffset instant)
    {
        var local = LocalDateTime.FromDateTime(KazakhstanClock.ToLocal(instant).DateTime);
        var moved = IsNegative ? local.Minus(Period) : local.Plus(Period);
        return KazakhstanClock.At(moved.ToDateTimeUnspecified()).ToUniversalTime();
    }

    [GeneratedRegex(@"^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
