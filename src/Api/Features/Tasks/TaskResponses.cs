using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Cases;
using Qadam.Api.Features.Definitions;
using Qadam.Api.Persistence;
using Qadam.Workflows.Execution;

namespace Qadam.Api.Features.Tasks;

/// <summary>Tasks as the inbox shows them: with the case number, the student, the study programme and the assignee's name.</summary>
internal static class TaskResponses
{
    public static async Task<List<TaskResponse>> DescribeAsync(
        IReadOnlyList<ProcessTask> tasks, QadamDbContext db, Documents.Citations citations, CancellationToken cancellationToken)
    {
        var caseIds = tasks.Select(TaskCase.IdOf).OfType<Guid>().Distinct().ToList();
        // The inbox names the student of each case (staff work people, not case numbers); an organisation's own case
        // (tvet-online) has none and shows its number alone.
        var numbers = await (from c in db.Cases.AsNoTracking()
                             join s in db.Students on c.StudentId equals s.Id into students
                             from s in students.DefaultIfEmpty()
                             where caseIds.Contains(c.Id)
                             select new
                             {
                                 c.Id, c.Number,
                                 FullName = s == null ? null : s.FullName,
                                 ClassName = s == null ? null : s.ClassName,
                             }).ToDictionaryAsync(c => c.Id, cancellationToken);
        var studies = await (from c in db.Cases.AsNoTracking()
                             join plan in db.StudyPlans on c.StudentId equals plan.StudentId
                             join programme in db.UniversityProgrammes on plan.ProgrammeId equals programme.Id
                             join faculty in db.Organisations on programme.FacultyId equals faculty.Id
                             where caseIds.Contains(c.Id)
                             select new
                             {
                                 c.Id,
                                 Study = new TaskStudyResponse(
                                     programme.Code, programme.NameKk, programme.NameRu, faculty.NameKk, faculty.NameRu),
                             })
            .ToDictionaryAsync(c => c.Id, c => c.Study, cancellationToken);
        var names = await GetCase.ActorNamesAsync(db, tasks.Select(t => t.Assignee), cancellationToken);
        return [.. tasks.Select(t =>
        {
            var caseId = TaskCase.IdOf(t);
            var found = caseId is { } c ? numbers.GetValueOrDefault(c) : null;
            return new TaskResponse(
                t.Id, caseId, found?.Number, t.DefinitionKey, t.DefinitionVersion, t.ElementId, t.Name,
                t.LabelKk, t.LabelRu, t.CandidateRoles, t.Organisation, t.FormKey, DefinitionResponses.ToResponse(t.LegalBasis, citations),
                t.Status.ToString().ToLowerInvariant(),
                t.Assignee is null ? null : names.GetValueOrDefault(t.Assignee)?.UserName ?? t.Assignee,
                t.CreatedAt, t.DueAt, found?.FullName, found?.ClassName, caseId is { } s ? studies.GetValueOrDefault(s) : null);
        })];
    }
}
