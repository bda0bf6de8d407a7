using System.Globalization;

namespace Qadam.Identifiers;

/// <summary>
/// The functions a Kazakh pathway's expressions call, which the host registers in the process engine: <c>today()</c> and
/// <c>now()</c> on Kazakhstan's clock (<see cref="KazakhstanClock"/>), <c>ageOn(iin, date)</c> and <c>birthDate(iin)</c>
/// from the birth date an IIN encodes (<see cref="Iin"/>). Each entry makes the function from the command's instant. Dates
/// are ISO 8601 text (yyyy-MM-dd), as the engine's variables hold them.
/// </summary>
public static class KazakhstanExpressionFunctions
{
    /// <summary>The functions by the name an expression calls them by.</summary>
    public static IReadOnlyDictionary<string, Func<DateTimeOffset, Delegate>> All { get; } =
        new Dictionary<string, Func<DateTimeOffset, Delegate>>(StringComparer.Ordinal)
        {
            ["today"] = now =>
            {
                var today = KazakhstanClock.DateOf(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                return new Func<string>(() => today);
            },
            ["now"] = now =>
            {
                var text = KazakhstanClock.ToLocal(now).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
                return new Func<string>(() => text);
            },
            ["ageOn"] = _ => new Func<string, string, int>((iin, date) => Iin.AgeOn(BirthDateOf(iin), ParseDate(date))),
            ["birthDate"] = _ => new Func<string, string>(iin => BirthDateOf(iin).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        };

    // The birth date only: a case's IIN was checked where it entered, and an expression must not fail on a check digit.
    private static DateOnly BirthDateOf(string iin) =>
        Iin.TryReadBirthDate(iin, out var born, out var error) ? born : throw new ArgumentException($"'{iin}': {error}");

    private static DateOnly ParseDate(string text) =>
        DateOnly.TryParseExact(text.Length > 10 ? text[..10] : text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ArgumentException($"'{text}' is not a date (yyyy-MM-dd)");
}
