namespace Qadam.Documents.Registry;

/// <summary>A registry number and the parts it was made from.</summary>
/// <param name="Text">The number as printed, e.g. <c>SCH001-ORDER-2025-0042</c>.</param>
/// <param name="OrganisationCode">Issuing organisation.</param>
/// <param name="DocumentType">Document type.</param>
/// <param name="Year">Registry year.</param>
/// <param name="Sequence">Sequence within organisation, type and year.</param>
public sealed record RegistryNumber(string Text, string OrganisationCode, string DocumentType, int Year, int Sequence);
