using Qadam.Api.Features.Students;
using Qadam.Api.Persistence;

namespace Qadam.Api.Features.Rosters;

/// <summary>
/// A matched roster applied to the students: new IINs created, changed students updated, the rest unchanged; each row's
/// report says which. Only the students that change are tracked; the new ones are written with COPY (<see cref="StudentCopy"/>).
/// </summary>
internal sealed class RosterApplication
{
    private readonly List<Student> _created = [];

    private RosterApplication(RosterImportReport report)
    {
        Report = report;
    }

    /// <summary>The report of the import as applied (<c>Imported</c> false until written).</summary>
    public RosterImportReport Report { get; private set; }

    /// <summary>Decides each row's outcome and stages the changes on <paramref name="db"/>; writes nothing yet.</summary>
    public static RosterApplication Stage(RosterMatch match, bool dryRun, QadamDbContext db, DateTimeOffset now)
    {
        var reports = match.Reports;
        var created = new List<Student>();
        int updated = 0, unchanged = 0;
        foreach (var (index, iin, details) in match.Candidates)
        {
            string outcome;
            if (!match.Existing.TryGetValue(iin.Value, out var student))
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

        var application = new RosterApplication(
            new RosterImportReport(false, dryRun, reports.Count, created.Count, updated, unchanged, reports));
        application._created.AddRange(created);
        return application;
    }

    /// <summary>Saves the staged changes and copies the new students in (inside the caller's transaction).</summary>
    public async Task WriteAsync(QadamDbContext db, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await StudentCopy.WriteAsync(db, _created, cancellationToken);
        Report = Report with { Imported = true };
    }
}
