using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;
using Qadam.Identifiers;

namespace Qadam.Api.Features.Rosters;

/// <summary>
/// <c>POST /api/rosters/import</c> (multipart, field <c>file</c>): validates every row, then upserts all students by
/// IIN in one transaction with its audit event, or writes nothing. A clerk imports for the own
/// school or college; a regional officer for those in the region. A student already on another organisation's roster
/// that the caller does not cover is refused: moving a student between schools is that school's or the region's act.
/// The file is read by <see cref="RosterFile"/>, its rows checked by <see cref="RosterRows"/> and matched by
/// <see cref="RosterMatch"/>, and the students written by <see cref="RosterApplication"/>.
/// </summary>
internal static class ImportRoster
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
        var (roster, fileProblem) = await RosterFile.ReadAsync(file, options.Value.MaxRosterBytes, cancellationToken);
        if (roster is null)
        {
            return fileProblem!;
        }

        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        var importable = await ImportableOrganisations.ResolveAsync(user, scope, db, cancellationToken);
        var match = await RosterMatch.MatchAsync(roster.Rows, importable, KazakhstanClock.Today(time), db, cancellationToken);
        if (match.Rejected)
        {
            return match.Rejection(dryRun == true);
        }

        var application = RosterApplication.Stage(match, dryRun == true, db, time.GetUtcNow());
        if (dryRun == true)
        {
            return TypedResults.Ok(application.Report);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await audit.AppendAsync(AuditActor.From(user), new AuditEntry("roster.imported", roster.Bytes), cancellationToken);
        try
        {
            await application.WriteAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when ((ex as Npgsql.PostgresException ?? ex.InnerException as Npgsql.PostgresException)
                                   is { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return RosterFile.Problem(StatusCodes.Status409Conflict, "Another import wrote the same students at the same time.",
                "Nothing was imported; run the import again.");
        }

        return TypedResults.Ok(application.Report);
    }
}
