using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Cases;
using Qadam.Api.Features.Definitions;
using Qadam.Api.Persistence;
using Qadam.Workflows.Execution;

namespace Qadam.Api.Features.Tasks;

/// <summary>Tasks as the inbox shows them: with the case number, the student, the study programme and the assignee's name.</summary>
internal static class TaskResponses
{
    // The inbox names the student of each case (staff work people, not case numbers); an organisation's own case
    // (tvet-online) has none and shows its number alone. A university student's study plan (one per student, keyed by
    // the student) names the programme and faculty. One query for all of it, compiled once: building and looking up its
    // LINQ tree for every inbox page cost more CPU than running it (bench/Http/README.md, session 10).
    private static readonly Func<QadamDbContext, List<Guid>, IAsyncEnumerable<CaseRow>> CasesOfPage = EF.CompileAsyncQuery(
        (QadamDbContext db, List<Guid> caseIds) =>
            from c in db.Cases.AsNoTracking()
            join s in db.Students on c.StudentId equals s.Id into students
            from s in students.DefaultIfEmpty()
            join plan in db.StudyPlans on c.StudentId equals plan.StudentId into plans
            from plan in plans.DefaultIfEmpty()
            join programme in db.UniversityProgrammes on plan.ProgrammeId equals programme.Id into programmes
            from programme in programmes.DefaultIfEmpty()
            join faculty in db.Organisations on programme.FacultyId equals faculty.Id into faculties
            from faculty in faculties.DefaultIfEmpty()
            where caseIds.Contains(c.Id)
            select new CaseRow(
                c.Id, c.Number,
                s == null ? null : s.FullName,
                s == null ? null : s.ClassName,
                faculty == null ? null : programme.Code,
                faculty == null ? null : programme.NameKk,
                faculty == null ? null : programme.NameRu,
                faculty == null ? null : faculty.NameKk,
                faculty == null ? null : faculty.NameRu));

    public static async Task<List<TaskResponse>> DescribeAsync(
        IReadOnlyList<ProcessTask> tasks, QadamDbContext db, Documents.Citations citations, CancellationToken cancellationToken)
    {
        var caseIds = tasks.Select(TaskCase.IdOf).OfType<Guid>().Distinct().ToList();
        // None for a page without cases.
        var numbers = new Dictionary<Guid, CaseRow>();
        if (caseIds.Count > 0)
        {
            await foreach (var row in CasesOfPage(db, caseIds).WithCancellation(cancellationToken))
            {
                numbers[row.Id] = row;
            }
        }

        var studies = numbers.Values.Where(c => c.ProgrammeCode is not null).ToDictionary(
            c => c.Id, c => new TaskStudyResponse(c.ProgrammeCode!, c.ProgrammeKk!, c.ProgrammeRu!, c.FacultyKk!, c.FacultyRu!));
        // The inbox shows open tasks and the caller's own: most pages name no assignee, and then nobody is looked up.
        var names = tasks.Any(t => t.Assignee is not null)
            ? await GetCase.ActorNamesAsync(db, tasks.Select(t => t.Assignee), cancellationToken)
            : new Dictionary<string, GetCase.ActorName>();
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

    private sealed record CaseRow(
        Guid Id, string Number, string? FullName, string? ClassName,
        string? ProgrammeCode, string? ProgrammeKk, string? ProgrammeRu, string? FacultyKk, string? FacultyRu);
}
