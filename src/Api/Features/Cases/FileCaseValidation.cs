using Qadam.Api.Features.Definitions;
using Qadam.Identifiers;

namespace Qadam.Api.Features.Cases;

/// <summary>The checks of a <see cref="FileCaseRequest"/> on its own, before anything is looked up (422 naming the field).</summary>
internal static class FileCaseValidation
{
    /// <summary>The applicant's language: kk unless the request names ru.</summary>
    public static string LanguageOf(FileCaseRequest request) => request.Language ?? "kk";

    /// <summary>
    /// The problems of the request on its own, by field (empty when it is well formed), before anything is looked up;
    /// <paramref name="iin"/> is the student's IIN when it parses; <paramref name="programme"/> the programme of an
    /// organisation's own case (tvet-online), which names no student.
    /// </summary>
    public static Dictionary<string, string[]> Problems(FileCaseRequest request, DateOnly today, out Iin iin, out CaseProgramme? programme)
    {
        var errors = new Dictionary<string, string[]>();
        iin = default;
        programme = null;
        if (CaseScope.IsOrganisationCase(request.Pathway))
        {
            // The college files its curriculum for a programme; a student named here would be printed nowhere and mislead.
            if (!string.IsNullOrEmpty(request.StudentIin))
            {
                errors["studentIin"] =
                [
                    "Online learning (order 225; order 349 Annex 2) is filed for the organisation and an educational programme, "
                    + "not for a student: leave the student out.",
                ];
            }

            programme = CaseProgramme.From(request.ProgrammeCode, request.ProgrammeName, errors);
        }
        else if (!Iin.TryParse(request.StudentIin, out iin, out var iinError))
        {
            errors["studentIin"] = [iinError];
        }

        if (!DefinitionKeys.Pattern().IsMatch(request.Pathway))
        {
            errors["pathway"] = ["A pathway is a definition key, e.g. \"parent-application\"."];
        }

        if (string.IsNullOrWhiteSpace(request.Ground) || request.Ground.Length > 2000)
        {
            errors["ground"] = ["The ground is required, at most 2000 characters."];
        }

        if (request.FiledOn > today)
        {
            errors["filedOn"] =
                [$"The filing date {request.FiledOn:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd} in Kazakhstan)."];
        }
        else if (request.FiledOn < today.AddDays(-FileCase.MaxDaysBack))
        {
            errors["filedOn"] = [$"The filing date {request.FiledOn:yyyy-MM-dd} is more than a year ago."];
        }

        if (LanguageOf(request) is not ("kk" or "ru"))
        {
            errors["language"] = ["The applicant's language is kk or ru."];
        }

        return errors;
    }
}
