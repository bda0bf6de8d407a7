using Qadam.Api.Features.Organisations;
using Qadam.Api.Features.Students;

namespace Qadam.Api.Features.Cases;

/// <summary>
/// Whom the individual grounds (medical, competition, parent's application, TVET online) reach at all. The rules cover the
/// levels of secondary, TVET and post-secondary education (order 349 Annex 2 para 1, 3; 2025 Annex 1 para 1, 3): a
/// preschool group is not a class of a secondary school. An additional-education organisation provides distance learning
/// only on the emergency ground (349 Annex 2 para 4), which a regional order starts for every student, never a filed case.
/// </summary>
internal static class CaseScope
{
    /// <summary>The pathway of online learning in TVET (order 225; from 2025 order 349 Annex 2 as amended by 103).</summary>
    private const string TvetOnline = "tvet-online";

    /// <summary>
    /// Pathways filed by an organisation for itself and one of its educational programmes, with no student: online learning in
    /// TVET is the college's working curriculum of a programme, approved by the head's order (225 para 7; 103 Annex 2 para 5).
    /// </summary>
    public static bool IsOrganisationCase(string pathway) => string.Equals(pathway, TvetOnline, StringComparison.Ordinal);

    /// <summary>
    /// Why the caller's organisation may not file an organisation's own case, or null: online learning is organised by
    /// "организации ТиППО" (225 para 1-2; 103 Annex 2 para 1-2), the working curriculum of a college's programme, which a
    /// school, an office above the colleges or the ministry has not.
    /// </summary>
    public static string? OrganisationRefusal(OrganisationKind kind) => kind == OrganisationKind.College
        ? null
        : "Online learning (order 225; order 349 Annex 2) is registered by a TVET organisation for its educational programme: file it as the college's staff.";

    #pragma warning disable IDE0060 // the pathway stays in the contract: a future ground may reach fewer levels
    public static string? Refusal(EducationLevel level, OrganisationKind kind, string pathway) => (level, kind) switch
    {
        (EducationLevel.Preschool, _) =>
            "The rules of distance learning (order 349) cover secondary, TVET and post-secondary education, not preschool groups.",
        (_, OrganisationKind.AdditionalEducation) =>
            "An additional-education organisation provides distance learning only under an emergency order (order 349, para 4).",
        _ => null,
    };
#pragma warning restore IDE0060
}
