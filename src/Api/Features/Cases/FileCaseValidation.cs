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
    /// <paramref name="iin"/> is the student's IIN when it parses.
    /// </summary>
    public static Dictionary<string, string[]> Problems(FileCaseRequest request, DateOnly today, out Iin iin)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Iin.TryParse(request.StudentIin, out iin, out var iinError))
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
