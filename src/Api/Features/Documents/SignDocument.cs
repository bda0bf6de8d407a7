using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.Identity;
using Qadam.Api.Features.Parents;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;
using Qadam.Documents.Persistence;
using Qadam.Documents.Pki;
using Qadam.Documents.Signatures;
using Qadam.Workflows.Reads;

namespace Qadam.Api.Features.Documents;

/// <summary>
/// How to sign: <c>{"mode":"server"}</c> (the server signs with the key it holds for the user: the demo
/// PKI), or <c>{"cms":"…"}</c>, a detached CMS made on the signer's machine (as NCALayer makes it), which
/// is verified before it is accepted.
/// </summary>
public sealed record SignDocumentRequest(string? Mode = null, string? Cms = null);

/// <summary>
/// <c>POST /api/documents/{id}/signatures</c>: a signer of the document's kind (<see cref="DocumentSigners"/>) signs a document
/// they may read; anyone else gets 403 naming the role that signs it. A second signature by the same person (same IIN) is a
/// replay answered with the first: the signatures of one document are taken one at a time under a transaction-scoped lock,
/// so 20 requests at once still store one signature and one audit event.
/// </summary>
internal static class SignDocument
{
    public static async Task<Results<Created<DocumentResponse>, Ok<DocumentResponse>, NotFound, ProblemHttpResult>> HandleAsync(
        Guid id, SignDocumentRequest request, HttpRequest http, ClaimsPrincipal user, QadamDbContext db, DocumentsDbContext documents,
        EngineReads reads, DocumentSigning signing, UserManager<QadamUser> users, DemoPki pki, IOptions<QadamOptions> options,
        AuditTrail audit, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (await DocumentAccess.FindVisibleAsync(id, user, db, documents, cancellationToken) is not { } document)
        {
            return TypedResults.NotFound();
        }

        var russian = ListChildCases.PrefersRussian(http);
        if (!DocumentSigners.MaySign(document.DocumentType, user)
            || !await DeputySigning.AllowedAsync(document, user, reads, cancellationToken))
        {
            var required = DocumentSigners.Describe(document.DocumentType, russian);
            return TypedResults.Problem(
                russian
                    ? $"Документ № {document.RegistryNumber} ({document.DocumentType}) подписывает: {required}."
                    : $"№ {document.RegistryNumber} құжатына ({document.DocumentType}) қол қоятын: {required}.",
                statusCode: StatusCodes.Status403Forbidden,
                title: russian ? "Вы не подписываете документы этого вида" : "Сіз мұндай құжаттарға қол қоймайсыз",
                extensions: new Dictionary<string, object?> { ["requiredRoles"] = DocumentSigners.Required(document.DocumentType) });
        }

        var signer = await users.GetUserAsync(user);
        if (signer?.Iin is null)
        {
            return Problem("The signer has no IIN on record; a signature must name its signer (SERIALNUMBER=IIN…).", "iin");
        }

        // The signature and its audit event commit together: both contexts on one connection and transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await documents.Database.UseTransactionAsync(transaction.GetDbTransaction(), cancellationToken);
        // One signer at a time per document until this transaction ends; the next one then sees this signature.
        await documents.Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock(hashtextextended({id.ToString()}, 0))", cancellationToken);
        if (await documents.Signatures.AsNoTracking().AnyAsync(s => s.DocumentId == id && s.SignerIin == signer.Iin, cancellationToken))
        {
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Ok(await GetDocument.DescribeAsync(document, documents, cancellationToken));
        }

        try
        {
            if (request.Cms is { Length: > 0 } cms)
            {
                var accepted = await signing.AcceptClientSignatureAsync(id, cms, signer.Iin, cancellationToken);
                if (accepted.Signature is null)
                {
                    return Problem("The signature was refused: " + string.Join("; ", accepted.Problems), "cms");
                }
            }
            else if (string.Equals(request.Mode, "server", StringComparison.Ordinal))
            {
                if (!options.Value.Demo)
                {
                    return Problem("The server holds signing keys only in the Demo profile; sign with your own key (cms).", "mode");
                }

                using var certificate = pki.User(signer.Iin, signer.DisplayName);
                // A signature made outside its certificate's validity would never verify: say so instead of failing inside.
                var now = time.GetUtcNow();
                if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
                {
                    return Problem(
                        $"The server's demo key for this signer is valid from {certificate.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm} to "
                        + $"{certificate.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC, not at {now:yyyy-MM-dd HH:mm} UTC; sign with your own key (cms).", "mode");
                }

                await signing.SignOnServerAsync(id, certificate, cancellationToken);
            }
            else
            {
                return Problem("Give either \"cms\" (a base64 detached CMS) or \"mode\": \"server\".", "mode");
            }
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The database's own guard (one signature per signer and document): a replay that passed the check above on
            // another path is answered with the first signature, like any replay.
            await transaction.RollbackAsync(cancellationToken);
            documents.ChangeTracker.Clear();
            return TypedResults.Ok(await GetDocument.DescribeAsync(document, documents, cancellationToken));
        }

        await audit.AppendAsync(AuditActor.From(user),
            new AuditEntry("document.signed", Encoding.UTF8.GetBytes($"{document.Id}:{document.Sha256}"),
                Guid.TryParse(document.CaseReference, out var caseId) ? caseId : null, document.ProcessKey,
                int.TryParse(document.ProcessVersion, out var version) ? version : null),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/documents/{id}", await GetDocument.DescribeAsync(document, documents, cancellationToken));
    }

    private static ProblemHttpResult Problem(string detail, string field) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The document was not signed",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [detail] } });
}
