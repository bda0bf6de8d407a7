using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Qadam.Api.Features.Cases;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;
using Qadam.Workflows.Reads;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qadam.Api.Features.Parents;

/// <summary>The next thing that happens in a case, in the parent's language.</summary>
public sealed record NextStepResponse(string Label, DateTimeOffset? DueAt);

/// <summary>A document the case produced (the head's order, the decision notice …), to download at <paramref name="ContentUrl"/>.</summary>
public sealed record ParentDocumentResponse(Guid Id, string RegistryNumber, string TemplateKey, string Language, DateTimeOffset CreatedAt, bool Signed,
    string ContentUrl);

/// <summary>One case of a child as the parent sees it.</summary>
public sealed record ChildCaseResponse(
    Guid Id, string Number, string Pathway, string Status, DateOnly FiledOn, IReadOnlyList<NextStepResponse> NextSteps,
    IReadOnlyList<ParentDocumentResponse> Documents);

/// <summary>A linked child and their cases.</summary>
public sealed record ChildCasesResponse(string Iin, string FullName, string Organisation, IReadOnlyList<ChildCaseResponse> Cases);

/// <summary>
/// <c>GET /api/parents/me/cases</c>: parents "see each case's status, the next step and its deadline ... in
/// Kazakh or Russian". <c>Accept-Language: ru</c> chooses Russian labels; Kazakh otherwise, the state language.
/// Decision documents join this answer when the documents part lands.
/// </summary>
internal static class ListChildCases
{
    // The children and their cases in one round trip (a child without a case is one row with no case), compiled once: the
    // tracker is the busiest read of the morning crowd, and building and looking up its LINQ tree per request cost more CPU
    // than the query. Untracked: a case whose status is followed is loaded tracked on its own (rare).
    private static readonly Func<QadamDbContext, Guid, IAsyncEnumerable<ChildCaseRow>> ChildrenAndCases = EF.CompileAsyncQuery(
        (QadamDbContext db, Guid userId) =>
            from l in db.ParentLinks.AsNoTracking()
            join s in db.Students on l.StudentId equals s.Id
            join o in db.Organisations on s.OrganisationId equals o.Id
            // A student-less case (an organisation's own, tvet-online) has no child and never reaches a parent.
            from c in db.Cases.Where(c => c.StudentId == s.Id).DefaultIfEmpty()
            where l.ParentUserId == userId
            orderby s.FullName, s.Id, c!.FiledOn descending
            select new ChildCaseRow(s.Id, s.Iin, s.FullName, o.Code, c));

    public static async Task<Ok<List<ChildCasesResponse>>> HandleAsync(
        HttpRequest http, ClaimsPrincipal user, QadamDbContext db, Lazy<EngineReads> reads, TimeProvider time, CancellationToken cancellationToken)
    {
        var russian = PrefersRussian(http);
        var userId = Guid.Parse(user.FindFirstValue(Claims.Subject)!);
        var children = new List<(ChildCaseRow Child, List<Case> Cases)>();
        var cases = new List<Case>();
        await foreach (var row in ChildrenAndCases(db, userId).WithCancellation(cancellationToken))
        {
            if (children.Count == 0 || children[^1].Child.StudentId != row.StudentId)
            {
                children.Add((row, []));
            }

            if (row.Case is { } @case)
            {
                children[^1].Cases.Add(@case);
                cases.Add(@case);
            }
        }

        if (cases.Count == 0)
        {
            // Most parents opening the tracker on a morning of closures have no case yet: their answer is that one query.
            return TypedResults.Ok(children.Select(child => new ChildCasesResponse(child.Child.Iin, child.Child.FullName, child.Child.Code, [])).ToList());
        }

        var keys = cases.Select(c => c.Id.ToString()).ToArray();
        // The instances' outcomes, open tasks and waiting timers: one round trip to the engine.
        var progress = await reads.Value.CaseProgressAsync([.. cases.Where(c => c.ProcessInstanceId is not null).Select(c => c.ProcessInstanceId!.Value)],
            keys, cancellationToken);
        await FollowAsync(cases, progress, db, ReadReplica.Serves(http.HttpContext), time, cancellationToken);

        // A case that waits for a date (the end of a competition's period, of a VKK conclusion, the next attestation) has
        // no open task: its next step is the timer, shown with the day it fires.
        var waiting = await WaitingTimers.NextStepsAsync(reads.Value, progress.Timers, russian, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        List<CaseDocument> issued;
        try
        {
            issued = await CaseDocuments.OfCasesAsync((NpgsqlConnection)db.Database.GetDbConnection(), keys, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return TypedResults.Ok(children.Select(child => new ChildCasesResponse(child.Child.Iin, child.Child.FullName, child.Child.Code,
            [.. child.Cases.Select(c => new ChildCaseResponse(c.Id, c.Number, c.PathwayKey, c.Status, c.FiledOn,
                [.. progress.OpenTasks.Where(t => t.BusinessKey == c.Id.ToString())
                    .Select(t => new NextStepResponse((russian ? t.LabelRu ?? t.LabelKk : t.LabelKk ?? t.LabelRu) ?? t.Name ?? t.ElementId, t.DueAt))
                    .Concat(waiting.GetValueOrDefault(c.Id.ToString()) ?? [])],
                [.. issued.Where(d => d.CaseReference == c.Id.ToString())
                    .Select(d => new ParentDocumentResponse(d.Id, d.RegistryNumber, d.TemplateKey, d.Language.ToString().ToLowerInvariant(),
                        d.CreatedAt, d.Signed, $"/api/documents/{d.Id}/content?signed={(d.Signed ? "true" : "false")}"))]))]))
            .ToList());
    }

    /// <summary>
    /// A status set by a service task in a background job (transferred, returned) reaches the case row when the case is
    /// next read; the parent's tracker is such a read, as the case page is (GetCase), or the parent would see "in progress"
    /// beside a signed order. The answer shows the followed status; the row is stored on the primary only (on the replica,
    /// read-only, the primary stores it when the case is next read there: the case page, a step completed).
    /// </summary>
    private static async Task FollowAsync(
        List<Case> cases, CaseProgress progress, QadamDbContext db, bool onReplica, TimeProvider time, CancellationToken cancellationToken)
    {
        var followed = false;
        foreach (var @case in cases)
        {
            if (progress.Instances.FirstOrDefault(i => i.InstanceId == @case.ProcessInstanceId) is not { } instance
                || !@case.Follow(instance.Status, instance.Outcome, time.GetUtcNow()) || onReplica)
            {
                continue;
            }

            // The row read above is untracked: the change is made again on the tracked row, as it stands now.
            if (await db.Cases.FindAsync([@case.Id], cancellationToken) is { } tracked)
            {
                followed |= tracked.Follow(instance.Status, instance.Outcome, time.GetUtcNow());
            }
        }

        if (followed)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The first of kk and ru that the Accept-Language header ranks highest; kk when it names neither.</summary>
    public static bool PrefersRussian(HttpRequest http)
    {
        var ranked = http.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(l => l is "kk" or "ru");
        return ranked == "ru";
    }

    /// <summary>A linked child and one of its cases, or none (a row of <see cref="ChildrenAndCases"/>).</summary>
    private sealed record ChildCaseRow(Guid StudentId, string Iin, string FullName, string Code, Case? Case);
}
