using Qadam.Identifiers;

namespace Qadam.Documents.Tests.Signatures;

/// <summary>The check digit a certificate's IIN or BIN must pass (signature checks use the one rule of Qadam.Identifiers).</summary>
public sealed class SignerIdentifierCheckDigitTests
{
    [Theory]
    [InlineData("900615300011", true)]  // first pass gives 1 (docs/domain-facts.md)
    [InlineData("061211600012", true)]  // first pass gives 10, second pass 2
    [InlineData("051140001230", true)]  // the demo organisation's BIN
    [InlineData("900615300012", false)]
    [InlineData("90061530001", false)]
    [InlineData("9006153000a1", false)]
    public void IsValid_ChecksTheCheckDigit(string number, bool valid)
    {
        Assert.Equal(valid, Iin.HasValidCheckDigit(number));
    }
}
