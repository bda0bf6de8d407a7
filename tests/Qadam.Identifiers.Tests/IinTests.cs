using System.Globalization;

namespace Qadam.Identifiers.Tests;

/// <summary>
/// The IIN rule of Government resolution No. 565 of 11.06.2003 (docs/domain-facts.md): birth date and century from
/// digits 1-7, sex from digit 7, the check digit in two passes. Every roster row, expression helper and signer check
/// goes through it, so each way an IIN can be wrong is refused here with its reason.
/// </summary>
public sealed class IinTests
{
    [Fact]
    public void Worked_example_900615300011_is_a_man_born_on_15_June_1990()
    {
        Assert.True(Iin.TryParse("900615300011", out var iin, out var error), error);

        Assert.Equal(new DateOnly(1990, 6, 15), iin.BirthDate);
        Assert.Equal(IinSex.Male, iin.Sex);
        Assert.Equal("900615300011", iin.ToString());
    }

    [Fact]
    public void Worked_example_061211600012_needs_the_second_weights_and_is_a_woman_born_on_11_December_2006()
    {
        Assert.True(Iin.TryParse("061211600012", out var iin, out var error), error);

        Assert.Equal(new DateOnly(2006, 12, 11), iin.BirthDate);
        Assert.Equal(IinSex.Female, iin.Sex);
    }

    [Theory]
    [InlineData("9006153000" + "1", 1)] // weights 1..11 give 1
    [InlineData("0612116000" + "1", 2)] // weights 1..11 give 10; weights 3..11,1,2 give 2
    [InlineData("9006153002" + "0", 7)] // the second pass again
    public void The_check_digit_is_the_weighted_sum_mod_11_with_a_second_pass_when_the_first_gives_10(string eleven, int check)
    {
        Assert.Equal(check, Iin.CheckDigit(eleven.Select(c => c - '0').ToArray()));
        Assert.Equal(eleven + check, Iin.Complete(eleven));
    }

    [Fact]
    public void Eleven_digits_whose_both_passes_give_10_have_no_check_digit_and_no_twelfth_digit_makes_them_valid()
    {
        const string eleven = "06121160005";

        Assert.Null(Iin.Complete(eleven));
        for (var last = 0; last <= 9; last++)
        {
            Assert.False(Iin.TryParse(eleven + last, out _, out var error));
            Assert.Equal("The check digit of the IIN is wrong.", error);
        }
    }

    [Theory]
    [InlineData('1', 1800, IinSex.Male)]
    [InlineData('2', 1800, IinSex.Female)]
    [InlineData('3', 1900, IinSex.Male)]
    [InlineData('4', 1900, IinSex.Female)]
    [InlineData('5', 2000, IinSex.Male)]
    [InlineData('6', 2000, IinSex.Female)]
    public void The_seventh_digit_gives_the_century_and_the_sex(char seventh, int century, IinSex sex)
    {
        var iin = Iin.Parse(Valid("120305" + seventh));

        Assert.Equal(new DateOnly(century + 12, 3, 5), iin.BirthDate);
        Assert.Equal(sex, iin.Sex);
    }

    [Theory]
    [InlineData("900615300012", "The check digit of the IIN is wrong.")]
    [InlineData("061211600011", "The check digit of the IIN is wrong.")]
    [InlineData("90061530001", "An IIN has exactly 12 digits.")]
    [InlineData("9006153000111", "An IIN has exactly 12 digits.")]
    [InlineData(" 900615300011", "An IIN has exactly 12 digits.")]
    [InlineData("", "An IIN has exactly 12 digits.")]
    [InlineData(null, "An IIN has exactly 12 digits.")]
    [InlineData("90061530001A", "An IIN has digits only.")]
    [InlineData("9006 5300011", "An IIN has digits only.")]
    [InlineData("٩٠٠٦١٥٣٠٠٠١١", "An IIN has digits only.")] // Arabic-Indic digits are digits, but not an IIN's
    [InlineData("901315300011", "The first six digits of an IIN are the birth date YYMMDD; 901315 is not a date.")]
    [InlineData("900230300011", "The first six digits of an IIN are the birth date YYMMDD; 900230 is not a date.")]
    [InlineData("900600300011", "The first six digits of an IIN are the birth date YYMMDD; 900600 is not a date.")]
    [InlineData("900615700011", "The seventh digit of an IIN gives century and sex and must be 1 to 6, not 7.")]
    [InlineData("900615000011", "The seventh digit of an IIN gives century and sex and must be 1 to 6, not 0.")]
    public void Invalid_IINs_are_refused_with_the_reason(string? value, string reason)
    {
        Assert.False(Iin.TryParse(value, out _, out var error));
        Assert.Equal(reason, error);
        Assert.False(Iin.TryParse(value, out _));
        Assert.False(Iin.HasValidCheckDigit(value ?? string.Empty) && Iin.TryReadBirthDate(value, out _, out _));
    }

    [Fact]
    public void Parse_throws_with_the_reason()
    {
        var thrown = Assert.Throws<FormatException>(() => Iin.Parse("900615300012"));

        Assert.Equal("The check digit of the IIN is wrong.", thrown.Message);
    }

    [Fact]
    public void The_29th_of_February_is_a_date_only_in_leap_years()
    {
        Assert.Equal(new DateOnly(2000, 2, 29), Iin.Parse(Valid("0002295")).BirthDate);
        Assert.Equal(new DateOnly(1996, 2, 29), Iin.Parse(Valid("9602294")).BirthDate);

        // 2001 and 1900 are not leap years; whatever the check digit, the date is impossible.
        for (var check = 0; check <= 9; check++)
        {
            Assert.False(Iin.TryParse("0102295" + "0001" + check, out _));
            Assert.False(Iin.TryParse("0002293" + "0001" + check, out _));
        }
    }

    [Fact]
    public void The_birth_date_is_read_without_the_check_digit_for_the_engines_age_helper()
    {
        Assert.True(Iin.TryReadBirthDate("900615300012", out var born, out var error), error);
        Assert.Equal(new DateOnly(1990, 6, 15), born);
        Assert.False(Iin.TryReadBirthDate("900615700011", out _, out _));
    }

    [Theory]
    [InlineData("900615300011", "2024-06-14", 33)]
    [InlineData("900615300011", "2024-06-15", 34)]
    [InlineData("900615300011", "1990-06-15", 0)]
    [InlineData("061211600012", "2016-12-10", 9)]
    [InlineData("061211600012", "2016-12-11", 10)] // the 2025 edition's child's opinion from ten (349/103 Annex 1 para 28)
    public void Age_on_a_date_counts_full_years(string value, string on, int age)
    {
        Assert.Equal(age, Iin.Parse(value).AgeOn(DateOnly.Parse(on, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Someone_born_on_29_February_comes_of_age_on_28_February_in_other_years()
    {
        // A term counted in years that would end on a date the month lacks ends on the month's last day.
        var leapling = Iin.Parse(Valid("0802295"));

        Assert.Equal(9, leapling.AgeOn(new DateOnly(2018, 2, 27)));
        Assert.Equal(10, leapling.AgeOn(new DateOnly(2018, 2, 28)));
        Assert.Equal(11, leapling.AgeOn(new DateOnly(2019, 3, 1)));
        Assert.Equal(12, leapling.AgeOn(new DateOnly(2020, 2, 29)));
        Assert.Equal(11, leapling.AgeOn(new DateOnly(2020, 2, 28)));
    }

    [Theory]
    [InlineData("051140001230")] // the demo organisation's BIN
    [InlineData("900615300011")]
    public void BINs_share_the_check_digit_rule(string number)
    {
        Assert.True(Iin.HasValidCheckDigit(number));
        Assert.False(Iin.HasValidCheckDigit(number[..11] + (char)('0' + ((number[11] - '0' + 1) % 10))));
    }

    /// <summary>A valid IIN starting with the seven given digits: the first serial that has a check digit.</summary>
    private static string Valid(string sevenDigits)
    {
        for (var serial = 1; serial < 10_000; serial++)
        {
            if (Iin.Complete(sevenDigits + serial.ToString("D4", CultureInfo.InvariantCulture)) is { } iin)
            {
                return iin;
            }
        }

        throw new InvalidOperationException($"No serial completes {sevenDigits}.");
    }
}
