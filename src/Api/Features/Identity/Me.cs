using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qadam.Api.Features.Identity;

/// <summary>Who the caller is, as the token says, and what the caller's scope covers.</summary>
public sealed record MeResponse(
    string Subject, string? Name, IReadOnlyList<string> Roles, string? OrganisationCode, bool SeesAllOrganisations,
    IReadOnlyList<string> VisibleOrganisationCodes, IReadOnlyList<string> LinkedChildren,
    string? OrganisationNameKk = null, string? OrganisationNameRu = null);

internal static class Me
{
    public static async Task<Ok<MeResponse>> GetAsync(ClaimsPrincipal user, QadamDbContext db, CancellationToken cancellationToken)
    {
        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        var codes = scope.SeesAllOrganisations
            ? []
            : await db.Organisations.Where(o => scope.OrganisationIds.Contains(o.Id)).OrderBy(o => o.Code).Select(o => o.Code)
                .ToListAsync(cancellationToken);
        var children = await db.Students.Where(s => scope.StudentIds.Contains(s.Id)).OrderBy(s => s.Iin).Select(s => s.Iin)
            .ToListAsync(cancellationToken);
        // The header names the person's school or office, not its code.
        var code = user.FindFirstValue(QadamClaims.OrganisationCode);
        var organisation = code is null ? null : await db.Organisations.AsNoTracking().Where(o => o.Code == code)
            .Select(o => new { o.NameKk, o.NameRu }).SingleOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(new MeResponse(
            user.FindFirstValue(Claims.Subject) ?? string.Empty,
            user.FindFirstValue(Claims.Name),
            [.. user.FindAll(Claims.Role).Select(c => c.Value)],
            code,
            scope.SeesAllOrganisations,
            codes,
            children,
            organisation?.NameKk,
            organisation?.NameRu));
    }
}
