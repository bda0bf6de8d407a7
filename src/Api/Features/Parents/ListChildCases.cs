using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Cases;
using Qadam.Api.Features.Documents;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;
using Qadam.Documents.Persistence;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Persistence;
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
    public static async Task<Ok<List<ChildCasesResponse>>> HandleAsync(
        HttpRequest http, ClaimsPrincipal user, QadamDbContext db, EngineReads reads, DocumentsDbContext documents,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var russian = PrefersRussian(http);
        var userId = Guid.Parse(user.FindFirstValue(Claims.Subject)!);
        var children = await (from l in db.ParentLinks.AsNoTracking()
                              join s in db.Students on l.StudentId equals s.Id
                              join o in db.Organisations on s.OrganisationId equals o.Id
                              where l.ParentUserId == userId
                              orderby s.FullName
                              select new { s.Id, s.Iin, s.FullName, o.Code }).ToListAsync(cancellationToken);
        var studentIds = children.Select(c => c.Id).ToList();
        // A student-less case (an organisation's own, tvet-online) has no child and never reaches a parent.
        var cases = studentIds.Count == 0
            ? new List<Case>()
            : await db.Cases.Where(c => c.StudentId != null && studentIds.Contains(c.StudentId.Value))
                .OrderByDescending(c => c.FiledOn).ToListAsync(cancellationToken);
        if (cases.Count == 0)
        {
            // Most parents opening the tracker on a morning of closures have no case yet: their answer needs no engine or
            // documents query (five round trips fewer per request under the morning crowd).
            return TypedResults.Ok(children.Select(child => new ChildCasesResponse(child.Iin, child.FullName, child.Code, [])).ToList());
        }

        // A status set by a service task in a background job (transferred, returned) reaches the case row when the case
        // is next read; the parent's tracker is such a read, as the case page is (GetCase), or the parent would see
        // "in progress" beside a signed order.
        var followed = false;
        foreach (var @case in cases)
        {
            followed |= await CaseInstance.FollowAsync(@case, reads, time, cancellationToken);
        }

        // On the replica (read-only) the followed status is shown but not stored: the primary stores it when the case is
        // next read there (the case page, a step completed).
        if (followed && !ReadReplica.Serves(http.HttpContext))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        var keys = cases.Select(c => c.Id.ToString()).ToList();
        var open = await reads.Tasks.Open()
            .Where(t => t.BusinessKey != null && keys.Contains(t.BusinessKey))
            .OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt)
            .Select(t => new { t.BusinessKey, t.ElementId, t.Name, t.LabelKk, t.LabelRu, t.DueAt })
            .ToListAsync(cancellationToken);
        // A case that waits for a date (the end of a competition's period, of a VKK conclusion, the next attestation) has
        // no open task: its next step is the timer, shown with the day it fires.
        var waiting = await WaitingTimers.NextStepsAsync(reads, keys, russian, cancellationToken);
        var issued = await documents.Documents.AsNoTracking()
            .Where(d => d.CaseReference != null && keys.Contains(d.CaseReference))
            .OrderBy(d => d.CreatedAt)
            .Select(d => new
            {
                d.CaseReference, d.Id, d.RegistryNumber, d.TemplateKey, d.DocumentType, d.Language, d.CreatedAt,
            })
            .ToListAsync(cancellationToken);
        // "Signed" for a parent means signed by everyone who must sign that kind of document, not by anyone at all.
        var signed = await DocumentSigners.FullySignedAsync([.. issued.Select(d => (d.Id, d.DocumentType))], db, documents, cancellationToken);

        return TypedResults.Ok(children.Select(child => new ChildCasesResponse(child.Iin, child.FullName, child.Code,
            [.. cases.Where(c => c.StudentId == child.Id).Select(c => new ChildCaseResponse(c.Id, c.Number, c.PathwayKey, c.Status, c.FiledOn,
                [.. open.Where(t => t.BusinessKey == c.Id.ToString())
                    .Select(t => new NextStepResponse((russian ? t.LabelRu ?? t.LabelKk : t.LabelKk ?? t.LabelRu) ?? t.Name ?? t.ElementId, t.DueAt))
                    .Concat(waiting.GetValueOrDefault(c.Id.ToString()) ?? [])],
                [.. issued.Where(d => d.CaseReference == c.Id.ToString())
                    .Select(d => new ParentDocumentResponse(d.Id, d.RegistryNumber, d.TemplateKey, d.Language.ToString().ToLowerInvariant(),
                        d.CreatedAt, signed.Contains(d.Id), $"/api/documents/{d.Id}/content?signed={(signed.Contains(d.Id) ? "true" : "false")}"))]))]))
            .ToList());
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
}
