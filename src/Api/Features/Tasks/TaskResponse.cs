using Qadam.Api.Features.Definitions;

namespace Qadam.Api.Features.Tasks;

/// <summary>A user task as the inbox shows it.</summary>
public sealed record TaskResponse(
    Guid Id, Guid? CaseId, string? CaseNumber, string DefinitionKey, int DefinitionVersion, string ElementId, string? Name,
    string? LabelKk, string? LabelRu, IReadOnlyList<string> CandidateRoles, string? Organisation, string? FormKey,
    LegalBasisResponse? LegalBasis, string Status, string? Assignee, DateTimeOffset CreatedAt, DateTimeOffset? DueAt,
    string? StudentName = null, string? StudentClass = null, TaskStudyResponse? Study = null);

/// <summary>
/// A university student's programme and faculty (from the student's study plan), so the registrar and the dean see whose
/// programme a case is about (order 97 para 20's caps depend on the programme's field); null for schools and colleges.
/// </summary>
public sealed record TaskStudyResponse(string ProgrammeCode, string ProgrammeKk, string ProgrammeRu, string FacultyKk, string FacultyRu);
