using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Qadam.Api.Features.Identity;
using Qadam.Api.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qadam.Api.Features.Organisations;

/// <summary>
/// What the caller may see (every query is scoped): staff of a school or college see their own
/// organisation, a district or region office everything below it, the ministry everything; a parent sees only the
/// children linked to them. Every query of scoped data filters by <see cref="OrganisationIds"/> or
/// <see cref="StudentIds"/>, or by <see cref="SeesAllOrganisations"/>.
/// </summary>
public sealed class CallerScope
{
    private CallerScope(
        Guid? organisationId, bool seesAll, IReadOnlySet<Guid> organisationIds, IReadOnlyList<string> organisationCodes,
        IReadOnlySet<Guid> studentIds, string? userId)
    {
        this.organisationCodes = organisationCodes;
        OrganisationId = organisationId;
        SeesAllOrganisations = seesAll;
        OrganisationIds = organisationIds;
        StudentIds = studentIds;
        UserId = userId;
    }

    private readonly IReadOnlyList<string> organisationCodes;

    /// <summary>The caller's own organisation, if any.</summary>
    public Guid? OrganisationId { get; }

    /// <summary>True for the ministry: no organisation filter applies.</summary>
    public bool SeesAllOrganisations { get; }

    /// <summary>The caller's organisation and everything below it (empty for parents and clients without one).</summary>
    public IReadOnlySet<Guid> OrganisationIds { get; }

    /// <summary>Students linked to the caller as a parent, or the caller's own record for a university student.</summary>
    public IReadOnlySet<Guid> StudentIds { get; }

    /// <summary>The subject of the token: a user id, or a client id for integrations.</summary>
    public string? UserId { get; }

    public bool CanSeeOrganisation(Guid organisationId) => SeesAllOrganisations || OrganisationIds.Contains(organisationId);

    /// <summary>
    /// Codes of the organisations the caller sees (null: all), for the engine's task rows, which carry the code. They come
    /// with the subtree (<see cref="OrganisationTree"/>, cached): no query of their own.
    /// </summary>
    public List<string>? OrganisationCodes() => SeesAllOrganisations ? null : [.. organisationCodes];

    public static async Task<CallerScope> ResolveAsync(ClaimsPrincipal caller, QadamDbContext db, CancellationToken cancellationToken)
    {
        var subject = caller.FindFirstValue(Claims.Subject);
        Guid? organisationId = Guid.TryParse(caller.FindFirstValue(QadamClaims.Organisation), out var parsed) ? parsed : null;

        var seesAll = false;
        IReadOnlySet<Guid> organisations = new HashSet<Guid>();
        IReadOnlyList<string> codes = [];
        if (organisationId is { } id
            && await db.GetService<OrganisationTree>().SubtreeAsync(id, db, cancellationToken) is { } subtree)
        {
            seesAll = subtree.Kind == OrganisationKind.Ministry;
            organisations = subtree.Ids;
            codes = subtree.Codes;
        }

        IReadOnlySet<Guid> students = new HashSet<Guid>();
        if (caller.IsInRole(QadamRoles.Parent) && Guid.TryParse(subject, out var userId))
        {
            students = (await db.ParentLinks.Where(l => l.ParentUserId == userId).Select(l => l.StudentId).ToListAsync(cancellationToken))
                .ToHashSet();
        }
        else if (caller.IsInRole(QadamRoles.Student) && Guid.TryParse(subject, out var studentUserId))
        {
            // A university student is an adult applicant and sees their own record only, matched by their own IIN.
            students = (await (from u in db.Users
                               join s in db.Students on u.Iin equals s.Iin
                               where u.Id == studentUserId
                               select s.Id).ToListAsync(cancellationToken)).ToHashSet();
        }

        return new CallerScope(organisationId, seesAll, organisations, codes, students, subject);
    }
}
