using System.Diagnostics.CodeAnalysis;

namespace Qadam.Api.Features.Students;

/// <summary>Sex as encoded in the seventh digit of an IIN: odd is male, even is female.</summary>
public enum IinSex
{
    Male,
    Female,
}

/// <summary>
/// A checked 12-digit individual identification number (ИИН): digits 1-6 the birth date <c>YYMMDD</c>,
/// digit 7 century and sex, digits 8-11 a serial, digit 12 the check digit
/// (Government resolution 565 of 11.06.2003; domain-facts.md). Every IIN that enters the API goes through
/// <see cref="TryParse(string?, out Iin, out string?)"/>, so an <see cref="Iin"/> value is always valid.
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

    public string Value { get; }

    public DateOnly BirthDate { get; }

    public IinSex Sex { get; }

    /// <summary>Full years of age on <paramref name="on"/>; a birthday on 29 February counts on 1 March in other years.</summary>
    public int AgeOn(DateOnly on)
    {
        var age = on.Year - BirthDate.Year;
        if (on < BirthDate.AddYears(age))
        {
            age--;
        }

        return age;
    }

    public override string ToString() => Value;

    public static Iin Parse(string value) =>
        TryParse(value, out var iin, out var error) ? iin : throw new FormatException(error);

    public static bool TryParse(string? value, out Iin iin) => TryParse(value, out iin, out _);

    /// <summary>Checks length, digits, the birth date, the century digit and the check digit; <paramref name="error"/> says which failed.</summary>
    public static bool TryParse(string? value, out Iin iin, [NotNullWhen(false)] out string? error)
    {
        iin = default;
        if (string.IsNullOrEmpty(value) || value.Length != 12)
        {
            error = "An IIN has exactly 12 digits.";
            return false;
        }

        foreach (var c in value)
        {
            if (c is < '0' or > '9')
            {
                error = "An IIN has digits only.";
                return false;
            }
        }

        var d = new int[12];
        for (var i = 0; i < 12; i++)
        {
            d[i] = value[i] - '0';
        }

        int? century = d[6] switch
        {
            1 or 2 => 1800,
            3 or 4 => 1900,
            5 or 6 => 2000,
            _ => null,
        };
        if (century is null)
        {
            error = $"The seventh digit of an IIN gives century and sex and must be 1 to 6, not {d[6]}.";
            return false;
        }

        var year = century.Value + (d[0] * 10) + d[1];
        var month = (d[2] * 10) + d[3];
        var day = (d[4] * 10) + d[5];
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = $"The first six digits of an IIN are the birth date YYMMDD; {value[..6]} is not a date.";
            return false;
        }

        var check = CheckDigit(d);
        if (check is null || check.Value != d[11])
        {
            error = "The check digit of the IIN is wrong.";
            return false;
        }

        iin = new Iin(value, new DateOnly(year, month, day), d[6] % 2 == 1 ? IinSex.Male : IinSex.Female);
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
    internal static int? CheckDigit(ReadOnlySpan<int> digits)
    {
        var c = WeightedSum(digits, FirstWeights) % 11;
        if (c == 10)
        {
            c = WeightedSum(digits, SecondWeights) % 11;
        }

        return c == 10 ? null : c;
    }

    /// <summary>Completes 11 digits with their check digit; null when no check digit exists for them.</summary>
    internal static string? Complete(string elevenDigits)
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
