using Qadam.Documents.Registry;

namespace Qadam.Documents.Tests.Registry;

public sealed class RegistryNumberPatternTests
{
    [Theory]
    [InlineData("{org}-{type}-{year}-{seq:0000}", "SCH001-ORDER-2025-0042")]
    [InlineData("№ {seq}/{year}", "№ 42/2025")]
    [InlineData("{seq}-ө", "42-ө")]
    public void Format_WritesTheConfiguredShape(string pattern, string expected)
    {
        Assert.Equal(expected, new RegistryNumberPattern(pattern).Format("SCH001", "ORDER", 2025, 42).Text);
    }

    [Fact]
    public void Constructor_RefusesPatternsThatWouldRepeatNumbers_OrHaveUnknownTokens()
    {
        Assert.Contains("no {seq}", Assert.Throws<ArgumentException>(() => new RegistryNumberPattern("{org}-{year}")).Message, StringComparison.Ordinal);
        Assert.Contains("{month}", Assert.Throws<ArgumentException>(() => new RegistryNumberPattern("{month}-{seq}")).Message, StringComparison.Ordinal);
    }
}
