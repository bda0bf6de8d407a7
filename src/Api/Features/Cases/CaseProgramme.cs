using System.Text.RegularExpressions;

namespace Qadam.Api.Features.Cases;

/// <summary>
/// The educational programme an organisation's own case is about: online learning in TVET approves the working curriculum of
/// one programme of the college (order 225 para 7; order 349 Annex 2 as amended by 103, para 5), not of one student.
/// </summary>
public sealed partial record CaseProgramme(string Code, string Name)
{
    public const int MaxCodeLength = 20;

    public const int MaxNameLength = 300;

    /// <summary>
    /// A speciality code of the TVET classifier (eight digits, 06130100) or a qualification code (4S06130103): the forms the
    /// colleges' curricula carry. Assumed (workflows/README.md, tvet-online rows); the classifier itself is not in the seeds.
    /// </summary>
    [GeneratedRegex(@"^(\d{8}|\d[A-Z]\d{8})$")]
    private static partial Regex CodePattern();

    /// <summary>Checks what the filing form sent; adds the fields' problems to <paramref name="errors"/>.</summary>
    public static CaseProgramme? From(string? code, string? name, Dictionary<string, string[]> errors)
    {
        var trimmedCode = code?.Trim().ToUpperInvariant() ?? string.Empty;
        var trimmedName = name?.Trim() ?? string.Empty;
        if (trimmedCode.Length == 0)
        {
            errors["programmeCode"] = ["The educational programme's code is required for online learning (order 225 para 7; order 349 Annex 2 para 5)."];
        }
        else if (!CodePattern().IsMatch(trimmedCode))
        {
            errors["programmeCode"] = ["A programme code is eight digits of the TVET classifier (06130100) or a qualification code (4S06130103)."];
        }

        if (trimmedName.Length == 0)
        {
            errors["programmeName"] = ["The educational programme's name is required for online learning (order 225 para 7; order 349 Annex 2 para 5)."];
        }
        else if (trimmedName.Length > MaxNameLength)
        {
            errors["programmeName"] = [$"The programme's name is at most {MaxNameLength} characters."];
        }

        return errors.ContainsKey("programmeCode") || errors.ContainsKey("programmeName") ? null : new CaseProgramme(trimmedCode, trimmedName);
    }
}
