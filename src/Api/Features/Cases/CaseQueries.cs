using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Persistence;

namespace Qadam.Api.Features.Cases;

/// <summary>The queries every case endpoint starts from: the cases a caller may read, and a case as lists show it.</summary>
internal static class CaseQueries
{
    /// <summary>The cases a caller may read: their organisations' (all for the ministry), or their children's for a parent.</summary>
    public static IQueryable<Case> Visible(QadamDbContext db, CallerScope scope) =>
        db.Cases.AsNoTracking().Where(c =>
            scope.SeesAllOrganisations || scope.OrganisationIds.Contains(c.OrganisationId) 
            || (c.StudentId != null && scope.StudentIds.Contains(c.StudentId.Value)));

    /// <summary>
    /// Cases as lists show them: with the student's IIN and name and the organisation's code; an organisation's own case
    /// (tvet-online) has no student and names its programme instead.
    /// </summary>
    public static IQueryable<CaseResponse> Project(QadamDbContext db, IQueryable<Case> cases) =>
        from c in cases
        join s in db.Students on c.StudentId equals s.Id into students
        from s in students.DefaultIfEmpty()
        join o in db.Organisations on c.OrganisationId equals o.Id
        select new CaseResponse(
            c.Id, c.Number, c.PathwayKey, c.DefinitionVersion, c.Status, s == null ? null : s.Iin, s == null ? null : s.FullName,
            o.Code, c.Ground, c.FiledOn, c.Language, c.ApplicantName, c.ProcessInstanceId, c.CreatedAt, c.UpdatedAt,
            c.ProgrammeCode, c.ProgrammeName);
}
