using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Features.Students;
using Qadam.Api.Persistence;
using Qadam.Identifiers;

namespace Qadam.Api.Features.Cases;

/// <summary>
/// Whom a case is filed about: the organisation that numbers it, with what the process tests of it (its code, kind and
/// programmes), and, unless the case is the organisation's own (tvet-online), its student.
/// </summary>
internal sealed record FilingSubject(Guid OrganisationId, string Code, OrganisationKind Kind, RestrictedProgrammes Programmes, Student? Student)
{
    /// <summary>The student with this IIN on the rosters the caller sees; null for an unknown IIN and a foreign one alike.</summary>
    public static Task<FilingSubject?> StudentAsync(QadamDbContext db, CallerScope scope, Iin iin, CancellationToken cancellationToken) =>
        (from s in db.Students.AsNoTracking()
         join o in db.Organisations on s.OrganisationId equals o.Id
         where s.Iin == iin.Value
               && (scope.SeesAllOrganisations || scope.OrganisationIds.Contains(s.OrganisationId) || scope.StudentIds.Contains(s.Id))
         select new FilingSubject(s.OrganisationId, o.Code, o.Kind, o.Programmes, s)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The caller's own organisation for its own case: a college's clerk or head files for their college (order 225 para 7);
    /// null when the caller has none or it may not file such a case.
    /// </summary>
    public static async Task<FilingSubject?> OwnOrganisationAsync(QadamDbContext db, CallerScope scope, CancellationToken cancellationToken)
    {
        var own = scope.OrganisationId is { } ownId
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == ownId)
                .Select(o => new FilingSubject(o.Id, o.Code, o.Kind, o.Programmes, null)).SingleOrDefaultAsync(cancellationToken)
            : null;
        return own is null || CaseScope.OrganisationRefusal(own.Kind) is not null ? null : own;
    }
}
