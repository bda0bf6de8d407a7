namespace Qadam.Api.Features.Cases;

/// <summary>A case as lists show it.</summary>
public sealed record CaseResponse(
    Guid Id, string Number, string Pathway, int DefinitionVersion, string Status, string? StudentIin, string? StudentName,
    string Organisation, string Ground, DateOnly FiledOn, string Language, string Applicant, Guid? ProcessInstanceId,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? ProgrammeCode = null, string? ProgrammeName = null);
