using System.Globalization;
using System.Text.RegularExpressions;
using Qadam.Api.Features.Students;
using Qadam.Identifiers;

namespace Qadam.Api.Features.Rosters;

/// <summary>The rows of a roster read into students: every cell checked, each problem named by its column.</summary>
internal static partial class RosterRows
{
    /// <summary>
    /// The student a row describes, or null with its problems added to <paramref name="errors"/>: each cell checked on its own
    /// and against the others (the IIN encodes the birth date; a class's grade gives its level; a college group is tvet).
    /// </summary>
    public static (Iin Iin, StudentDetails Details)? Parse(
        RosterCsvRow row, ImportableOrganisations importable, DateOnly today, List<RosterRowError> errors)
    {
        Iin? iin = null;
        if (Iin.TryParse(row.Get(RosterCsv.Iin), out var parsedIin, out var iinError))
        {
            iin = parsedIin;
        }
        else
        {
            errors.Add(new RosterRowError(RosterCsv.Iin, iinError));
        }

        var birthText = row.Get(RosterCsv.BirthDate);
        if (!DateOnly.TryParseExact(
                birthText, ["dd.MM.yyyy", "yyyy-MM-dd", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate))
        {
            errors.Add(new RosterRowError(RosterCsv.BirthDate, $"'{birthText}' is not a date (DD.MM.YYYY or YYYY-MM-DD)."));
        }
        else if (birthDate > today)
        {
            errors.Add(new RosterRowError(RosterCsv.BirthDate, "The birth date is in the future."));
        }
        else if (iin is { } known && known.BirthDate != birthDate)
        {
            errors.Add(new RosterRowError(RosterCsv.BirthDate,
                $"The IIN encodes the birth date {known.BirthDate:dd.MM.yyyy}, not {birthDate:dd.MM.yyyy}."));
        }

        var fullName = MultipleSpaces().Replace(row.Get(RosterCsv.FullName), " ");
        if (fullName.Length is 0 or > 300)
        {
            errors.Add(new RosterRowError(RosterCsv.FullName, "The full name is required, at most 300 characters."));
        }

        var code = row.Get(RosterCsv.Organisation);
        var organisation = importable.Find(code);
        Guid? organisationId = organisation?.Id;
        if (organisation is null)
        {
            errors.Add(new RosterRowError(RosterCsv.Organisation,
                $"'{code}' is not a school or college whose roster you may import."));
        }

        var className = row.Get(RosterCsv.Class).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var level = ParseLevel(row.Get(RosterCsv.Level));
        int? grade = null;
        if (organisation is { College: false } && SchoolClass().Match(className) is { Success: true } schoolMatch)
        {
            grade = int.Parse(schoolMatch.Groups["grade"].Value, CultureInfo.InvariantCulture);
            className = schoolMatch.Groups["grade"].Value + schoolMatch.Groups["letter"].Value;
        }
        else if (organisation is { College: false })
        {
            errors.Add(new RosterRowError(RosterCsv.Class,
                $"'{row.Get(RosterCsv.Class)}' is not a school class: a grade 0-11 and a letter, e.g. 5А."));
        }
        else if (organisation is { College: true } && !CollegeGroup().IsMatch(className))
        {
            errors.Add(new RosterRowError(RosterCsv.Class,
                $"'{row.Get(RosterCsv.Class)}' is not a college group: letters, a hyphen and numbers, e.g. ИС-24."));
        }

        if (level is null)
        {
            errors.Add(new RosterRowError(RosterCsv.Level,
                "Unknown education level; use preschool, primary, basic_secondary, general_secondary or tvet (or their Russian names)."));
        }
        else if (grade is { } g && level != ExpectedLevel(g))
        {
            errors.Add(new RosterRowError(RosterCsv.Level, $"Class {className} is {ExpectedLevel(g)}, not {level}."));
        }
        else if (organisation is { College: true } && level != EducationLevel.Tvet)
        {
            errors.Add(new RosterRowError(RosterCsv.Level, "A college group's level is tvet."));
        }

        Shift? shift = row.Get(RosterCsv.Shift) switch
        {
            "1" => Shift.First,
            "2" => Shift.Second,
            "3" => Shift.Third,
            _ => null,
        };
        if (shift is null)
        {
            errors.Add(new RosterRowError(RosterCsv.Shift, "The shift is 1, 2 or 3."));
        }

        string? parentIin = NullIfEmpty(row.Get(RosterCsv.ParentIin));
        if (parentIin is not null)
        {
            if (!Iin.TryParse(parentIin, out var parent, out var parentError))
            {
                errors.Add(new RosterRowError(RosterCsv.ParentIin, parentError));
            }
            else if (iin is { } child && parent.BirthDate >= child.BirthDate)
            {
                errors.Add(new RosterRowError(RosterCsv.ParentIin, "The parent's IIN gives a birth date after the student's."));
            }
        }

        var parentName = NullIfEmpty(MultipleSpaces().Replace(row.Get(RosterCsv.ParentName), " "));
        if (parentName is { Length: > 300 })
        {
            errors.Add(new RosterRowError(RosterCsv.ParentName, "The parent's name is at most 300 characters."));
        }

        string? phone = null;
        var phoneText = row.Get(RosterCsv.ParentPhone);
        if (phoneText.Length > 0)
        {
            var digits = new string([.. phoneText.Where(char.IsAsciiDigit)]);
            if (digits.Length == 11 && digits[0] is '7' or '8' && !phoneText.Any(char.IsAsciiLetter))
            {
                phone = "+7" + digits[1..];
            }
            else
            {
                errors.Add(new RosterRowError(RosterCsv.ParentPhone, $"'{phoneText}' is not a Kazakh phone number (+7 and 10 digits)."));
            }
        }

        if (errors.Count > 0 || iin is null || organisationId is null || level is null || shift is null)
        {
            return null;
        }

        return (iin.Value,
            new StudentDetails(fullName, organisationId.Value, className, shift.Value, level.Value, parentIin, parentName, phone));
    }

    private static EducationLevel ExpectedLevel(int grade) => grade switch
    {
        0 => EducationLevel.Preschool,
        <= 4 => EducationLevel.Primary,
        <= 9 => EducationLevel.BasicSecondary,
        _ => EducationLevel.GeneralSecondary,
    };

    private static EducationLevel? ParseLevel(string text) =>
        text.Trim().ToLowerInvariant().Replace('-', ' ').Replace('_', ' ') switch
        {
            "preschool" or "предшкольное" or "предшкольная подготовка" or "мектепалды даярлық" => EducationLevel.Preschool,
            "primary" or "начальное" or "бастауыш" => EducationLevel.Primary,
            "basic secondary" or "основное среднее" or "негізгі орта" => EducationLevel.BasicSecondary,
            "general secondary" or "общее среднее" or "жалпы орта" => EducationLevel.GeneralSecondary,
            "tvet" or "типо" or "тжкб" => EducationLevel.Tvet,
            _ => null,
        };

    /// <summary>An empty cell as null.</summary>
    public static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex MultipleSpaces();

    [GeneratedRegex(@"^(?<grade>0|[1-9]|1[01])-?(?<letter>[А-ЯӘҒҚҢӨҰҮҺІЁA-Z]?)$")]
    private static partial Regex SchoolClass();

    [GeneratedRegex(@"^[А-ЯӘҒҚҢӨҰҮҺІЁA-Z]{1,8}(-\d{1,4}){1,2}$")]
    private static partial Regex CollegeGroup();
}
