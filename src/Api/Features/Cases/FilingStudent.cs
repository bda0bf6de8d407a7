using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Features.Students;
using Qadam.Api.Persistence;
using Qadam.Identifiers;

namespace Qadam.Api.Features.Cases;

/// <summary>The student a case is filed for, with what the process tests of their organisation (its code, kind and programmes).</summary>
internal sealed record FilingStudent(Student Student, string Code, OrganisationKind Kind, RestrictedProgrammes Programmes)
{
    /// <summary>The student with this IIN on the rosters the caller sees; null for an unknown IIN and a foreign one alike.</summary>
    public static Task<FilingStudent?> FindAsync(QadamDbContext db, CallerScope scope, Iin iin, CancellationToken cancellationToken) =>
        (from s in db.Students.AsNoTracking()
         join o in db.Organisations on s.OrganisationId equals o.Id
         where s.Iin == iin.Value
               && (scope.SeesAllOrganisations || scope.OrganisationIds.Contains(s.OrganisationId) || scope.StudentIds.Contains(s.Id))
         select new FilingStudent(s, o.Code, o.Kind, o.Programmes)).SingleOrDefaultAsync(cancellationToken);
}
