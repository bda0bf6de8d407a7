using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.Identity;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Features.Students;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;
using Qadam.Identifiers;

namespace Qadam.Api.Features.Rosters;

/// <summary>One problem in one cell of the roster.</summary>
public sealed record RosterRowError(string Field, string Message);

/// <summary>What happened to one row: <c>created</c>, <c>updated</c>, <c>unchanged</c> or <c>rejected</c>.</summary>
public sealed record RosterRowReport(int Line, string? Iin, string Outcome, IReadOnlyList<RosterRowError> Errors);

/// <summary>The per-row report of an import; nothing is written unless every row is valid.</summary>
public sealed record RosterImportReport(bool Imported, bool DryRun, int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<RosterRowReport> Results);

/// <summary>
/// <c>POST /api/rosters/import</c> (multipart, field <c>file</c>): validates every row, then upserts all students by
/// IIN in one transaction with its audit event, or writes nothing. A clerk imports for the own
/// school or college; a regional officer for those in the region. A student already on another organisation's roster
/// that the caller does not cover is refused: moving a student between schools is that school's or the region's act.
/// </summary>
internal static partial class ImportRoster
{
    public static async Task<Results<Ok<RosterImportReport>, ProblemHttpResult>> HandleAsync(
        IFormFile file,
        bool? dryRun,
        ClaimsPrincipal user,
        QadamDbContext db,
        AuditTrail audit,
        TimeProvider time,
        IOptions<QadamOptions> options,
        CancellationToken cancellationToken)
    {
        if (file.Length > options.Value.MaxRosterBytes)
        {
            return FileProblem(StatusCodes.Status413PayloadTooLarge, "The roster file is too large.",
                $"The file has {file.Length} bytes; at most {options.Value.MaxRosterBytes} are accepted. Split the roster by school.");
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, cancellationToken);
        }

        if (RosterCsv.WhyNotText(bytes, out var text) is { } notText)
        {
            return FileProblem(StatusCodes.Status415UnsupportedMediaType, "The roster file is not CSV text.", notText);
        }

        var rows = RosterCsv.Parse(text, out var headerProblem);
        if (headerProblem is not null)
        {
            return FileProblem(StatusCodes.Status400BadRequest, "The roster's header row is wrong.", headerProblem);
        }

        if (rows.Count == 0)
        {
            return FileProblem(StatusCodes.Status400BadRequest, "The roster has no students.", "The file has a header row but no student rows.");
        }

        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        var importable = await ImportableOrganisationsAsync(user, scope, db, cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

        // Every step below is one pass over the rows (reports by position, organisations by id), so a region's roster
        // of 100,000 students is checked and written in seconds.
        var reports = new List<RosterRowReport>(rows.Count);
        var valid = new List<(int Report, Iin Iin, StudentDetails Details)>();
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var errors = new List<RosterRowError>();
            var parsed = ValidateRow(row, importable, today, errors);
            if (parsed is { } p && !firstLineOf.TryAdd(p.Iin.Value, row.Line))
            {
                errors.Add(new RosterRowError(RosterCsv.Iin, $"The IIN is already on line {firstLineOf[p.Iin.Value]} of this file."));
            }

            if (errors.Count > 0 || parsed is null)
            {
                reports.Add(new RosterRowReport(row.Line, NullIfEmpty(row.Get(RosterCsv.Iin)), "rejected", errors));
            }
            else
            {
                valid.Add((reports.Count, parsed.Value.Iin, parsed.Value.Details));
                reports.Add(new RosterRowReport(row.Line, parsed.Value.Iin.Value, "pending", []));
            }
        }

        var iins = valid.Select(v => v.Iin.Value).ToList();
        var existing = await db.Students.AsNoTracking().Where(s => iins.Contains(s.Iin)).ToDictionaryAsync(s => s.Iin, StringComparer.Ordinal, cancellationToken);
        var importableIds = importable.Values.Select(o => o.Id).ToHashSet();
        foreach (var (index, iin, _) in valid)
        {
            if (existing.TryGetValue(iin.Value, out var student) && !importableIds.Contains(student.OrganisationId))
            {
                reports[index] = reports[index] with
                {
                    Outcome = "rejected",
                    Errors = [new RosterRowError(RosterCsv.Iin, "The student is on the roster of an organisation you do not manage; that organisation or the region transfers them.")],
                };
            }
        }

        if (reports.Any(r => r.Errors.Count > 0))
        {
            var rejected = reports.Select(r => r.Errors.Count > 0 ? r : r with { Outcome = "valid" }).ToList();
            var report = new RosterImportReport(false, dryRun == true, rows.Count, 0, 0, 0, rejected);
            var problem = new HttpValidationProblemDetails(
                rejected.SelectMany(r => r.Errors.Select(e => (Key: $"rows[{r.Line}].{e.Field}", e.Message)))
                    .GroupBy(e => e.Key, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal))
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The roster has errors; nothing was imported.",
                Detail = $"{rejected.Count(r => r.Errors.Count > 0)} of {rows.Count} rows have errors; fix them and import the whole file again.",
            };
            problem.Extensions["report"] = report;
            return TypedResults.Problem(problem);
        }

        var now = time.GetUtcNow();
        int updated = 0, unchanged = 0;
        var created = new List<Student>();
        await using var transaction = dryRun == true ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < valid.Count; i++)
        {
            var (index, iin, details) = valid[i];
            string outcome;
            if (!existing.TryGetValue(iin.Value, out var student))
            {
                created.Add(new Student(iin, details, now));
                outcome = "created";
            }
            else if (student.Differs(details))
            {
                // Read untracked, so the change tracker holds only the students that change.
                db.Students.Attach(student);
                student.Apply(details, now);
                outcome = "updated";
                updated++;
            }
            else
            {
                outcome = "unchanged";
                unchanged++;
            }

            reports[index] = reports[index] with { Outcome = outcome };
        }

        var result = new RosterImportReport(transaction is not null, dryRun == true, rows.Count, created.Count, updated, unchanged, reports);
        if (transaction is null)
        {
            return TypedResults.Ok(result);
        }

        await audit.AppendAsync(AuditActor.From(user), new AuditEntry("roster.imported", bytes), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await StudentCopy.WriteAsync(db, created, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when ((ex as Npgsql.PostgresException ?? ex.InnerException as Npgsql.PostgresException)
                                   is { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return FileProblem(StatusCodes.Status409Conflict, "Another import wrote the same students at the same time.",
                "Nothing was imported; run the import again.");
        }

        return TypedResults.Ok(result);
    }

    /// <summary>Organisation codes the caller may import for, with their ids: schools and colleges only.</summary>
    private sealed record Importable(Guid Id, bool College);

    private static async Task<Dictionary<string, Importable>> ImportableOrganisationsAsync(
        ClaimsPrincipal user, CallerScope scope, QadamDbContext db, CancellationToken cancellationToken)
    {
        var ids = new HashSet<Guid>();
        if (user.IsInRole(QadamRoles.Clerk) && scope.OrganisationId is { } own)
        {
            ids.Add(own);
        }

        if (user.IsInRole(QadamRoles.RegionalOfficer))
        {
            ids.UnionWith(scope.OrganisationIds);
        }

        var all = scope.SeesAllOrganisations && user.IsInRole(QadamRoles.RegionalOfficer);
        return await db.Organisations
            .Where(o => (o.Kind == OrganisationKind.School || o.Kind == OrganisationKind.College) && (all || ids.Contains(o.Id)))
            .ToDictionaryAsync(o => o.Code, o => new Importable(o.Id, o.Kind == OrganisationKind.College), StringComparer.OrdinalIgnoreCase, cancellationToken);
    }

    private static (Iin Iin, StudentDetails Details)? ValidateRow(
        RosterCsvRow row, Dictionary<string, Importable> importable, DateOnly today, List<RosterRowError> errors)
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
        if (!DateOnly.TryParseExact(birthText, ["dd.MM.yyyy", "yyyy-MM-dd", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate))
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
        var organisation = importable.GetValueOrDefault(code);
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
            errors.Add(new RosterRowError(RosterCsv.Class, $"'{row.Get(RosterCsv.Class)}' is not a college group: letters, a hyphen and numbers, e.g. ИС-24."));
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

        return (iin.Value, new StudentDetails(fullName, organisationId.Value, className, shift.Value, level.Value, parentIin, parentName, phone));
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

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static ProblemHttpResult FileProblem(int status, string title, string detail) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["file"] = [detail] })
        {
            Status = status,
            Title = title,
            Detail = detail,
        });

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex MultipleSpaces();

    [GeneratedRegex(@"^(?<grade>0|[1-9]|1[01])-?(?<letter>[А-ЯӘҒҚҢӨҰҮҺІЁA-Z]?)$")]
    private static partial Regex SchoolClass();

    [GeneratedRegex(@"^[А-ЯӘҒҚҢӨҰҮҺІЁA-Z]{1,8}(-\d{1,4}){1,2}$")]
    private static partial Regex CollegeGroup();
}
