using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Students;
using Qadam.Api.Persistence;
using Qadam.Identifiers;

namespace Qadam.Api.Features.Rosters;

/// <summary>A row that passed its checks: its place in the report and the student it describes.</summary>
internal readonly record struct RosterCandidate(int Report, Iin Iin, StudentDetails Details);

/// <summary>
/// The roster's rows matched against each other (an IIN once per file) and against the students already on a roster
/// (by IIN; one on a roster the caller does not manage is refused: that organisation or the region transfers them).
/// </summary>
internal sealed class RosterMatch
{
    private RosterMatch(List<RosterRowReport> reports, List<RosterCandidate> candidates, Dictionary<string, Student> existing)
    {
        Reports = reports;
        Candidates = candidates;
        Existing = existing;
    }

    /// <summary>One report per row, by position: <c>rejected</c> with its errors, else <c>pending</c>.</summary>
    public List<RosterRowReport> Reports { get; }

    /// <summary>The rows that passed their own checks, in file order.</summary>
    public IReadOnlyList<RosterCandidate> Candidates { get; }

    /// <summary>The students already on a roster with the candidates' IINs, read untracked.</summary>
    public IReadOnlyDictionary<string, Student> Existing { get; }

    /// <summary>Whether any row has an error (then nothing is written).</summary>
    public bool Rejected => Reports.Any(r => r.Errors.Count > 0);

    public static async Task<RosterMatch> MatchAsync(
        IReadOnlyList<RosterCsvRow> rows, ImportableOrganisations importable, DateOnly today, QadamDbContext db,
        CancellationToken cancellationToken)
    {
        // Every step below is one pass over the rows (reports by position, organisations by id), so a region's roster
        // of 100,000 students is checked and written in seconds.
        var reports = new List<RosterRowReport>(rows.Count);
        var candidates = new List<RosterCandidate>();
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var errors = new List<RosterRowError>();
            var parsed = RosterRows.Parse(row, importable, today, errors);
            if (parsed is { } p && !firstLineOf.TryAdd(p.Iin.Value, row.Line))
            {
                errors.Add(new RosterRowError(RosterCsv.Iin, $"The IIN is already on line {firstLineOf[p.Iin.Value]} of this file."));
            }

            if (errors.Count > 0 || parsed is null)
            {
                reports.Add(new RosterRowReport(row.Line, RosterRows.NullIfEmpty(row.Get(RosterCsv.Iin)), "rejected", errors));
            }
            else
            {
                candidates.Add(new RosterCandidate(reports.Count, parsed.Value.Iin, parsed.Value.Details));
                reports.Add(new RosterRowReport(row.Line, parsed.Value.Iin.Value, "pending", []));
            }
        }

        var iins = candidates.Select(v => v.Iin.Value).ToList();
        var existing = await db.Students.AsNoTracking().Where(s => iins.Contains(s.Iin))
            .ToDictionaryAsync(s => s.Iin, StringComparer.Ordinal, cancellationToken);
        foreach (var (index, iin, _) in candidates)
        {
            if (existing.TryGetValue(iin.Value, out var student) && !importable.Ids.Contains(student.OrganisationId))
            {
                reports[index] = reports[index] with
                {
                    Outcome = "rejected",
                    Errors = [new RosterRowError(RosterCsv.Iin, "The student is on the roster of an organisation you do not manage; "
                        + "that organisation or the region transfers them.")],
                };
            }
        }

        return new RosterMatch(reports, candidates, existing);
    }

    /// <summary>422 with every row's error by <c>rows[line].column</c>, and the report (the other rows <c>valid</c>).</summary>
    public ProblemHttpResult Rejection(bool dryRun)
    {
        var rejected = Reports.Select(r => r.Errors.Count > 0 ? r : r with { Outcome = "valid" }).ToList();
        var report = new RosterImportReport(false, dryRun, Reports.Count, 0, 0, 0, rejected);
        var problem = new HttpValidationProblemDetails(
            rejected.SelectMany(r => r.Errors.Select(e => (Key: $"rows[{r.Line}].{e.Field}", e.Message)))
                .GroupBy(e => e.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal))
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The roster has errors; nothing was imported.",
            Detail = $"{rejected.Count(r => r.Errors.Count > 0)} of {Reports.Count} rows have errors; "
                + "fix them and import the whole file again.",
        };
        problem.Extensions["report"] = report;
        return TypedResults.Problem(problem);
    }
}
