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
    public static string? Refusal(EducationLevel level, OrganisationKind kind) => (level, kind) switch
    {
        (EducationLevel.Preschool, _) =>
            "The rules of distance learning (order 349) cover secondary, TVET and post-secondary education, not preschool groups.",
        (_, OrganisationKind.AdditionalEducation) =>
            "An additional-education organisation provides distance learning only under an emergency order (order 349, para 4).",
        _ => null,
    };
}
