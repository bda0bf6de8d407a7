using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.Cases;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;

namespace Qadam.Api.Features.Evidence;

/// <summary>
/// <c>POST /api/cases/{id}/evidence</c>: "evidence uploads (PDF, JPEG, PNG; size and type checked by content,
/// not by name)". The first bytes decide the type; a file whose bytes are none of the three is refused with 415 even
/// when it is called <c>scan.pdf</c> and sent as <c>application/pdf</c>.
/// </summary>
internal static class UploadEvidence
{
    public static async Task<Results<Created<EvidenceResponse>, NotFound, ProblemHttpResult>> HandleAsync(
        Guid id, IFormFile file, ClaimsPrincipal user, QadamDbContext db, AuditTrail audit, IOptions<QadamOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        var @case = await CaseQueries.Visible(db, scope).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        var max = options.Value.MaxEvidenceBytes;
        if (file.Length > max)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "The file is too large.", $"The file has {file.Length} bytes; at most {max} are accepted.");
        }

        if (file.Length == 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "The file is empty.", "Attach a PDF, JPEG or PNG file.");
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        var mediaType = Sniff(content);
        if (mediaType is null)
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "The file is not a PDF, JPEG or PNG.",
                "Its content is none of the accepted types, whatever its name or declared type says.");
        }

        // The uploader's name and extension are not kept (report.pdf.exe, shell.php): the file is stored and served under a
        // generated name with the extension of the type its bytes proved (OWASP ASVS 4.0.3 V12.3.1, V12.5.1).
        var fileName = GeneratedName(time.GetUtcNow(), mediaType);
        var actor = AuditActor.From(user);
        var evidence = new CaseEvidence(id, fileName, mediaType, content, actor.Name, time.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Evidence.Add(evidence);
        await audit.AppendAsync(actor, new AuditEntry("case.evidence-added",
            JsonSerializer.SerializeToUtf8Bytes(new { evidence = evidence.Id, fileName, mediaType, evidence.Sha256 }),
            id, @case.PathwayKey, @case.DefinitionVersion), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/cases/{id}/evidence/{evidence.Id}/content", EvidenceResponse.From(evidence));
    }

    /// <summary><c>evidence-20261120-3f9a1c0e.pdf</c>: the upload's date, a random part, the proven type's extension.</summary>
    internal static string GeneratedName(DateTimeOffset at, string mediaType) =>
        $"evidence-{at:yyyyMMdd}-{System.Security.Cryptography.RandomNumberGenerator.GetHexString(8, lowercase: true)}"
        + mediaType switch
        {
            "application/pdf" => ".pdf",
            "image/png" => ".png",
            _ => ".jpg",
        };

    /// <summary>The media type proven by the file's signature: %PDF-, the PNG signature, or the JPEG SOI marker.</summary>
    internal static string? Sniff(ReadOnlySpan<byte> content) =>
        content.StartsWith("%PDF-"u8) ? "application/pdf"
        : content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : null;

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
            Extensions = { ["errors"] = new Dictionary<string, string[]> { ["file"] = [detail] } },
        });
}
