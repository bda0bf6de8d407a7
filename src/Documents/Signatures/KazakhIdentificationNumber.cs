namespace Qadam.Documents.Signatures;

/// <summary>
/// The check digit of an IIN (individual) or BIN (organisation), both 12 digits
/// (Government resolution 565 of 11.06.2003): S = Σ d[i]·w[i] over the first 11 digits with
/// weights 1..11, c = S mod 11; if c is 10, weights 3..11,1,2; if still 10 the number is invalid.
/// </summary>
public static class KazakhIdentificationNumber
{
    private static readonly int[] FirstWeights = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    private static readonly int[] SecondWeights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

    /// <summary>True when <paramref name="number"/> is 12 digits with a correct check digit.</summary>
    public static bool IsValid(string? number)
    {
        if (number is null || number.Length != 12 || !number.All(char.IsAsciiDigit))
        {
            return false;
        }

        var check = CheckDigit(number.AsSpan(0, 11));
        return check is not null && check == number[11] - '0';
    }

    /// <summary>The check digit for the first 11 digits, or null when no digit fits (such numbers are never issued).</summary>
    public static int? CheckDigit(ReadOnlySpan<char> first11)
    {
        var c = Sum(first11, FirstWeights) % 11;
        if (c == 10)
        {
            c = Sum(first11, SecondWeights) % 11;
        }

        return c == 10 ? null : c;
    }

    private static int Sum(ReadOnlySpan<char> digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < 11; i++)
        {
            sum += (digits[i] - '0') * weights[i];
        }

        return sum;
    }
}
