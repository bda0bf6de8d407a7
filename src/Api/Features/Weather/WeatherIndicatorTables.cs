using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Persistence;
using Qadam.Workflows.Versions;

namespace Qadam.Api.Features.Weather;

/// <summary>The approved indicator table that applies to a school: its key and the approval it was published with.</summary>
/// <param name="Key">The condition table's key, <c>weather-indicators-&lt;territory code&gt;</c>.</param>
/// <param name="Territory">The oblast, city or district whose education body approved it.</param>
/// <param name="Approval">Who approved it, when, and with whom it was agreed (the act of its legal basis).</param>
/// <param name="SchoolYear">The school year it was approved for (the edition of its legal basis).</param>
public sealed record WeatherIndicatorTable(string Key, string Territory, string Approval, string? SchoolYear);

/// <summary>
/// The indicator tables of unfavourable weather are approved before the school year by the education bodies of the oblast,
/// the city and the district, by climate and the students' age (order 349 as amended by 103, annex 1, para 12(1)). Each is
/// a condition table keyed <c>weather-indicators-&lt;territory code&gt;</c>, versioned by its effective date (a new school
/// year is a new version) and published with its approval as its legal basis. The most specific one applies to a school:
/// its district's over its city's over its oblast's.
/// </summary>
internal static class WeatherIndicatorTables
{
    public const string KeyPrefix = "weather-indicators-";

    /// <summary>
    /// The notification systems (para 12(2): responsible persons, forms and methods; para 13: the channels) are approved by
    /// the same bodies before the same school year and found the same way: <c>weather-notification-&lt;territory code&gt;</c>.
    /// </summary>
    public const string NotificationPrefix = "weather-notification-";

    /// <summary>The table (of the kind <paramref name="prefix"/> names) in force for a territory itself: its own, else the nearest one above it.</summary>
    public static async Task<WeatherIndicatorTable?> ForTerritoryAsync(
        Organisation territory, DateOnly day, QadamDbContext db, VersionsInForce versions, string prefix,
        CancellationToken cancellationToken)
    {
        var inForce = await InForceAsync(day, versions, prefix, cancellationToken);
        if (inForce.TryGetValue(territory.Code, out var own))
        {
            return own;
        }

        var above = await ForSchoolsAsync([territory], day, db, versions, prefix, cancellationToken);
        return above.GetValueOrDefault(territory.Id);
    }

    /// <summary>For each school, the table (of the kind <paramref name="prefix"/> names) in force on <paramref name="day"/> of the nearest territory above it that has one.</summary>
    public static async Task<IReadOnlyDictionary<Guid, WeatherIndicatorTable>> ForSchoolsAsync(
        IReadOnlyCollection<Organisation> schools, DateOnly day, QadamDbContext db, VersionsInForce versions, string prefix,
        CancellationToken cancellationToken)
    {
        var inForce = await InForceAsync(day, versions, prefix, cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Code, o.ParentId })
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var found = new Dictionary<Guid, WeatherIndicatorTable>();
        foreach (var school in schools)
        {
            for (var current = school.ParentId; current is { } id && organisations.TryGetValue(id, out var above); current = above.ParentId)
            {
                if (inForce.TryGetValue(above.Code, out var table))
                {
                    found[school.Id] = table;
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>The tables in force on the day, by territory code: each key's latest version effective by then.</summary>
    private static async Task<Dictionary<string, WeatherIndicatorTable>> InForceAsync(
        DateOnly day, VersionsInForce versions, string prefix, CancellationToken cancellationToken) =>
        (await versions.AllAsync(DefinitionKind.ConditionTable, day, prefix, cancellationToken))
            .ToDictionary(d => d.Key[prefix.Length..], d => new WeatherIndicatorTable(d.Key, d.Key[prefix.Length..],
                d.LegalBasis?.Act ?? string.Empty, d.LegalBasis?.Edition), StringComparer.Ordinal);
}
