using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Identity;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Features.Students;
using Qadam.Api.Persistence;
using Qadam.Identifiers;

namespace Qadam.Api.Features.Cases;

/// <summary>
/// Whom a case is filed about: the organisation that numbers it, with what the process tests of it (its code, kind and
/// programmes), and, unless the case is the organisation's own (tvet-online), its student.
/// </summary>
internal sealed record FilingSubject(
    Guid OrganisationId, string Code, OrganisationKind Kind, RestrictedProgrammes Programmes, Student? Student,
    IReadOnlyList<VotingMember> Members)
{
    /// <summary>The student with this IIN on the rosters the caller sees; null for an unknown IIN and a foreign one alike.</summary>
    public static async Task<FilingSubject?> StudentAsync(QadamDbContext db, CallerScope scope, Iin iin, CancellationToken cancellationToken)
    {
        // At most one student has an IIN (its unique index), so the first found is the one.
        await foreach (var found in StudentInScope(db, iin.Value, scope.SeesAllOrganisations,
            scope.SeesAllOrganisations ? [] : [.. scope.OrganisationIds], [.. scope.StudentIds]).WithCancellation(cancellationToken))
        {
            return found;
        }

        return null;
    }

    // Compiled once: a filing is what a clerk waits on, and building and
    // looking up LINQ trees, this one's among them, was about a twentieth of a filing's CPU (bench/Http/README.md,
    // "Session 12"). The scope's test is a parameter; the IIN's index finds the row. The members of the organisation's
    // voting bodies come in the same statement (a round trip less per filing): the process opens a ballot for each.
    private static readonly Func<QadamDbContext, string, bool, Guid[], Guid[], IAsyncEnumerable<FilingSubject>> StudentInScope =
        EF.CompileAsyncQuery((QadamDbContext db, string iin, bool everywhere, Guid[] organisations, Guid[] students) =>
            from s in db.Students.AsNoTracking()
            join o in db.Organisations on s.OrganisationId equals o.Id
            where s.Iin == iin && (everywhere || organisations.Contains(s.OrganisationId) || students.Contains(s.Id))
            select new FilingSubject(s.OrganisationId, o.Code, o.Kind, o.Programmes, s,
                (from u in db.Users
                 join ur in db.UserRoles on u.Id equals ur.UserId
                 join r in db.Roles on ur.RoleId equals r.Id
                 where u.OrganisationId == s.OrganisationId && (r.Name == QadamRoles.CouncilMember || r.Name == QadamRoles.Trustee)
                 orderby u.UserName
                 select new VotingMember(u.Id, u.UserName!, r.Name!)).ToList()));

    /// <summary>
    /// The caller's own organisation for its own case: a college's clerk or head files for their college (order 225 para 7);
    /// null when the caller has none or it may not file such a case.
    /// </summary>
    public static async Task<FilingSubject?> OwnOrganisationAsync(QadamDbContext db, CallerScope scope, CancellationToken cancellationToken)
    {
        FilingSubject? own = null;
        if (scope.OrganisationId is { } ownId)
        {
            await foreach (var found in Own(db, ownId).WithCancellation(cancellationToken))
            {
                own = found;
            }
        }

        return own is null || CaseScope.OrganisationRefusal(own.Kind) is not null ? null : own;
    }

    // The same projection as the student's, with the same members' subquery: a compiled query cannot call a shared
    // helper that builds it (EF inlines only what it can evaluate without the query's parameters), so the two are kept
    // side by side here, and FilingVariables reads the members from whichever found the subject.
    private static readonly Func<QadamDbContext, Guid, IAsyncEnumerable<FilingSubject>> Own =
        EF.CompileAsyncQuery((QadamDbContext db, Guid organisationId) =>
            from o in db.Organisations.AsNoTracking()
            where o.Id == organisationId
            select new FilingSubject(o.Id, o.Code, o.Kind, o.Programmes, null,
                (from u in db.Users
                 join ur in db.UserRoles on u.Id equals ur.UserId
                 join r in db.Roles on ur.RoleId equals r.Id
                 where u.OrganisationId == o.Id && (r.Name == QadamRoles.CouncilMember || r.Name == QadamRoles.Trustee)
                 orderby u.UserName
                 select new VotingMember(u.Id, u.UserName!, r.Name!)).ToList()));
}
