using System.Diagnostics.CodeAnalysis;

namespace Qadam.Identifiers;

/// <summary>Sex as encoded in the seventh digit of an IIN: odd is male, even is female.</summary>
public enum IinSex
{
    /// <summary>An odd seventh digit.</summary>
    Male,

    /// <summary>An even seventh digit.</summary>
    Female,
}

/// <summary>
/// A checked 12-digit individual identification number (ИИН): digits 1-6 the birth date <c>YYMMDD</c>,
/// digit 7 century and sex, digits 8-11 a serial, digit 12 the check digit
/// (Government resolution 565 of 11.06.2003; docs/domain-facts.md). Every IIN that enters the API goes through
/// <see cref="TryParse(string?, out Iin, out string?)"/>, so an <see cref="Iin"/> value is always valid. The one place
/// the rule is written: the API's rosters, the engine's expression helpers and the signature checks all use it.
/// </summary>
public readonly record struct Iin
{
    private static readonly int[] FirstWeights = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    private static readonly int[] SecondWeights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

    private Iin(string value, DateOnly birthDate, IinSex sex)
    {
        Value = value;
        BirthDate = birthDate;
        Sex = sex;
    }

    /// <summary>The twelve digits.</summary>
    public string Value { get; }

    /// <summary>The birth date digits 1-7 encode.</summary>
    public DateOnly BirthDate { get; }

    /// <summary>The sex digit 7 encodes.</summary>
    public IinSex Sex { get; }

    /// <summary>
    /// Full years of age on <paramref name="on"/>. A birthday on 29 February counts on 28 February in other years: a term
    /// counted in years that would end on a date the month lacks ends on that month's last day.
    /// </summary>
    public int AgeOn(DateOnly on) => AgeOn(BirthDate, on);

    /// <summary>Full years of age on <paramref name="on"/> of someone born on <paramref name="birthDate"/>.</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly on)
    {
        var age = on.Year - birthDate.Year;
        if (on < birthDate.AddYears(age))
        {
            age--;
        }

        return age;
    }

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Parses a valid IIN or throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static Iin Parse(string value) =>
        TryParse(value, out var iin, out var error) ? iin : throw new FormatException(error);

    /// <summary>Parses a valid IIN.</summary>
    public static bool TryParse(string? value, out Iin iin) => TryParse(value, out iin, out _);

    /// <summary>Checks length, digits, the birth date, the century digit and the check digit; <paramref name="error"/> says which failed.</summary>
    public static bool TryParse(string? value, out Iin iin, [NotNullWhen(false)] out string? error)
    {
        iin = default;
        if (!TryReadBirthDate(value, out var birthDate, out error))
        {
            return false;
        }

        if (!HasValidCheckDigit(value!))
        {
            error = "The check digit of the IIN is wrong.";
            return false;
        }

        iin = new Iin(value!, birthDate, (value![6] - '0') % 2 == 1 ? IinSex.Male : IinSex.Female);
        return true;
    }

    /// <summary>
    /// The birth date of 12 digits shaped like an IIN (date, century digit), without judging the check digit: what the
    /// engine's <c>ageOn</c> and <c>birthDate</c> helpers read from a case's variables.
    /// </summary>
    public static bool TryReadBirthDate(string? value, out DateOnly birthDate, [NotNullWhen(false)] out string? error)
    {
        birthDate = default;
        if (string.IsNullOrEmpty(value) || value.Length != 12)
        {
            error = "An IIN has exactly 12 digits.";
            return false;
        }

        if (!value.All(char.IsAsciiDigit))
        {
            error = "An IIN has digits only.";
            return false;
        }

        int? century = value[6] switch
        {
            '1' or '2' => 1800,
            '3' or '4' => 1900,
            '5' or '6' => 2000,
            _ => null,
        };
        if (century is null)
        {
            error = $"The seventh digit of an IIN gives century and sex and must be 1 to 6, not {value[6]}.";
            return false;
        }

        var year = century.Value + ((value[0] - '0') * 10) + (value[1] - '0');
        var month = ((value[2] - '0') * 10) + (value[3] - '0');
        var day = ((value[4] - '0') * 10) + (value[5] - '0');
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = $"The first six digits of an IIN are the birth date YYMMDD; {value[..6]} is not a date.";
            return false;
        }

        birthDate = new DateOnly(year, month, day);
        error = null;
        return true;
    }

    /// <summary>12 digits whose last is the check digit of the first 11 (the rule IINs and BINs share).</summary>
    public static bool HasValidCheckDigit(string value)
    {
        if (value.Length != 12 || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        Span<int> digits = stackalloc int[12];
        for (var i = 0; i < 12; i++)
        {
            digits[i] = value[i] - '0';
        }

        return CheckDigit(digits) == digits[11];
    }

    /// <summary>The check digit over the first 11 digits, or null when both weight sequences give 10 (no valid IIN has that serial).</summary>
    public static int? CheckDigit(ReadOnlySpan<int> digits)
    {
        var c = WeightedSum(digits, FirstWeights) % 11;
        if (c == 10)
        {
            c = WeightedSum(digits, SecondWeights) % 11;
        }

        return c == 10 ? null : c;
    }

    /// <summary>Completes 11 digits with their check digit; null when no check digit exists for them.</summary>
    public static string? Complete(string elevenDigits)
    {
        var digits = new int[11];
        for (var i = 0; i < 11; i++)
        {
            digits[i] = elevenDigits[i] - '0';
        }

        var check = CheckDigit(digits);
        return check is null ? null : elevenDigits + (char)('0' + check.Value);
    }

    private static int WeightedSum(ReadOnlySpan<int> digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < 11; i++)
        {
            sum += digits[i] * weights[i];
        }

        return sum;
    }
}
