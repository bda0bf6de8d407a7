namespace Qadam.Api.Hosting;

/// <summary>Bounds of the <c>page</c> parameter of every list: (page - 1) × pageSize stays a valid row offset.</summary>
internal static class Paging
{
    public const int MaxPage = 1_000_000;
}
