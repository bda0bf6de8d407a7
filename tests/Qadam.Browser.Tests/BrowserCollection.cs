namespace Qadam.Browser.Tests;

/// <summary>One API, database and browser for every browser test: starting them is most of a test's time.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
