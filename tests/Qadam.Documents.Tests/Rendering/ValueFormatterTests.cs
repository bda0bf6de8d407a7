using System.Text.Json.Nodes;
using Qadam.Documents.Rendering;

namespace Qadam.Documents.Tests.Rendering;

public sealed class ValueFormatterTests
{
    [Theory]
    [InlineData(2025, 5, 2, "2025 жылғы 2 мамыр", "2 мая 2025 года")]
    [InlineData(2024, 1, 31, "2024 жылғы 31 қаңтар", "31 января 2024 года")]
    [InlineData(2025, 4, 6, "2025 жылғы 6 сәуір", "6 апреля 2025 года")]
    [InlineData(2025, 9, 1, "2025 жылғы 1 қыркүйек", "1 сентября 2025 года")]
    [InlineData(2025, 12, 2, "2025 жылғы 2 желтоқсан", "2 декабря 2025 года")]
    public void FormatDate_WritesOfficialForm_InKazakhAndRussian(int year, int month, int day, string kazakh, string russian)
    {
        var date = new DateOnly(year, month, day);
        Assert.Equal(kazakh, ValueFormatter.FormatDate(date, DocumentLanguage.Kk));
        Assert.Equal(russian, ValueFormatter.FormatDate(date, DocumentLanguage.Ru));
    }

    [Fact]
    public void Format_TreatsIsoDateStringsAsDates_AndLeavesOtherTextAlone()
    {
        Assert.Equal("2 мая 2025 года", ValueFormatter.Format(JsonValue.Create("2025-05-02"), DocumentLanguage.Ru));
        Assert.Equal("2 мая 2025 года, 07:30", ValueFormatter.Format(JsonValue.Create("2025-05-02T07:30:00+05:00"), DocumentLanguage.Ru));
        Assert.Equal("7 «Ә»", ValueFormatter.Format(JsonValue.Create("7 «Ә»"), DocumentLanguage.Kk));
    }

    [Fact]
    public void Format_WritesNumbersWithNonBreakingThousandsAndDecimalComma()
    {
        Assert.Equal("1\u00A0234\u00A0567,5", ValueFormatter.Format(JsonNode.Parse("1234567.5"), DocumentLanguage.Ru));
        Assert.Equal("-32", ValueFormatter.Format(JsonValue.Create(-32), DocumentLanguage.Kk));
        Assert.Equal("иә", ValueFormatter.Format(JsonValue.Create(true), DocumentLanguage.Kk));
        Assert.Equal("нет", ValueFormatter.Format(JsonValue.Create(false), DocumentLanguage.Ru));
    }
}
