using Qadam.Documents.Signatures;

namespace Qadam.Documents.Tests.Signatures;

public sealed class KazakhIdentificationNumberTests
{
    [Theory]
    [InlineData("900615300011", true)]  // first pass gives 1 (domain-facts.md)
    [InlineData("061211600012", true)]  // first pass gives 10, second pass 2
    [InlineData("051140001230", true)]  // the demo organisation's BIN
    [InlineData("900615300012", false)]
    [InlineData("90061530001", false)]
    [InlineData("9006153000a1", false)]
    public void IsValid_ChecksTheCheckDigit(string number, bool valid)
    {
        Assert.Equal(valid, KazakhIdentificationNumber.IsValid(number));
    }
}
