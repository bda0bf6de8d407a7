using Qadam.Api.Features.Students;
using Qadam.Identifiers;

namespace Qadam.Api.Tests.Features.Students;

public sealed class IinTests
{
    [Fact]
    public void Worked_example_900615300011_is_a_man_born_on_15_June_1990()
    {
        Assert.True(Iin.TryParse("900615300011", out var iin, out var error), error);

        Assert.Equal(new DateOnly(1990, 6, 15), iin.BirthDate);
        Assert.Equal(IinSex.Male, iin.Sex);
    }

    [Fact]
    public void Worked_example_061211600012_needs_the_second_weights_and_is_a_woman_born_on_11_December_2006()
    {
        Assert.True(Iin.TryParse("061211600012", out var iin, out var error), error);

        Assert.Equal(new DateOnly(2006, 12, 11), iin.BirthDate);
        Assert.Equal(IinSex.Female, iin.Sex);
    }

    [Theory]
    [InlineData("900615300012", "check digit")] // last digit changed
    [InlineData("061211600011", "check digit")]
    [InlineData("90061530001", "12 digits")]
    [InlineData("9006153000111", "12 digits")]
    [InlineData("90061530001A", "digits only")]
    [InlineData("", "12 digits")]
    [InlineData(null, "12 digits")]
    [InlineData("901315300011", "not a date")] // month 13
    [InlineData("900230300011", "not a date")] // 30 February
    [InlineData("900615700011", "seventh digit")] // century digit 7
    [InlineData("900615000011", "seventh digit")]
    public void Invalid_IINs_are_refused_with_the_reason(string? value, string reason)
    {
        Assert.False(Iin.TryParse(value, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_29th_of_February_is_a_date_only_in_leap_years()
    {
        var leap = Iin.Complete("0002295" + "0001");
        Assert.NotNull(leap);
        Assert.True(Iin.TryParse(leap, out var iin));
        Assert.Equal(new DateOnly(2000, 2, 29), iin.BirthDate);

        // 2001 is not a leap year; whatever the check digit, the date is impossible.
        for (var check = 0; check <= 9; check++)
        {
            Assert.False(Iin.TryParse("0102295" + "0001" + check, out _));
        }
    }

    [Theory]
    [InlineData("2024-06-14", 33)]
    [InlineData("2024-06-15", 34)]
    [InlineData("1990-06-15", 0)]
    public void Age_on_a_date_counts_full_years(string on, int age)
    {
        Assert.Equal(age, Iin.Parse("900615300011").AgeOn(DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Centuries_follow_the_seventh_digit()
    {
        Assert.Equal(1890, Iin.Parse(Iin.Complete("9006151" + "0001") ?? Iin.Complete("9006151" + "0002")!).BirthDate.Year);
        Assert.Equal(2090, Iin.Parse(Iin.Complete("9006155" + "0001") ?? Iin.Complete("9006155" + "0002")!).BirthDate.Year);
    }

    [Fact]
    public void BINs_share_the_check_digit_rule()
    {
        Assert.True(Iin.HasValidCheckDigit("900615300011"));
        Assert.False(Iin.HasValidCheckDigit("900615300012"));
    }
}
