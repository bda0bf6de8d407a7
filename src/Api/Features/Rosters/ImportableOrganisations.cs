using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Identity;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Persistence;

namespace Qadam.Api.Features.Rosters;

/// <summary>An organisation a roster may name: its id, and whether it is a college (groups) or a school (classes).</summary>
internal sealed record Importable(Guid Id, bool College);

/// <summary>
/// The schools and colleges whose rosters the caller may import, by code (case-insensitive): a clerk's own, a regional
/// officer's everything in the region (all of them for the ministry's).
/// </summary>
internal sealed class ImportableOrganisations
{
    private readonly Dictionary<string, Importable> _byCode;

    private ImportableOrganisations(Dictionary<string, Importable> byCode)
    {
        _byCode = byCode;
        Ids = byCode.Values.Select(o => o.Id).ToHashSet();
    }

    /// <summary>The ids of those organisations.</summary>
    public IReadOnlySet<Guid> Ids { get; }

    /// <summary>The organisation with this code, if the caller may import for it.</summary>
    public Importable? Find(string code) => _byCode.GetValueOrDefault(code);

    public static async Task<ImportableOrganisations> ResolveAsync(
        ClaimsPrincipal user, CallerScope scope, QadamDbContext db, CancellationToken cancellationToken)
    {
        var ids = new HashSet<Guid>();
        if (user.IsInRole(QadamRoles.Clerk) && scope.OrganisationId is { } own)
        {
            ids.Add(own);
        }

        if (user.IsInRole(QadamRoles.RegionalOfficer))
        {
            ids.UnionWith(scope.OrganisationIds);
        }

        var all = scope.SeesAllOrganisations && user.IsInRole(QadamRoles.RegionalOfficer);
        return new ImportableOrganisations(await db.Organisations
            .Where(o => (o.Kind == OrganisationKind.School || o.Kind == OrganisationKind.College) && (all || ids.Contains(o.Id)))
            .ToDictionaryAsync(o => o.Code, o => new Importable(o.Id, o.Kind == OrganisationKind.College), StringComparer.OrdinalIgnoreCase,
                cancellationToken));
    }
}
