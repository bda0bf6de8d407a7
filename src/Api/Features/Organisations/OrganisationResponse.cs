namespace Qadam.Api.Features.Organisations;

/// <summary>One organisation as the API shows it; for a college, <c>Programmes</c> lists the restricted programmes it runs.</summary>
public sealed record OrganisationResponse(
    Guid Id, string Code, string Kind, string NameKk, string NameRu, Guid? ParentId, IReadOnlyList<string>? Programmes = null);
