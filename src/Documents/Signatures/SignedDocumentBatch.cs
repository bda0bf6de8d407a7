using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Qadam.Documents.Persistence;
using Qadam.Documents.Registry;

namespace Qadam.Documents.Signatures;

/// <summary>
/// Issues and server-signs many documents in one transaction, e.g. a nationwide order's per-school orders signed by the
/// issuing officer: numbers reserved per register in one statement, rendering and signing (detached CMS, verified, and
/// the Office signature embedded in a copy of the package) spread over the cores, documents and signatures stored by one
/// binary COPY each. Either every document of the batch is registered and signed, or none is and no number is used.
/// </summary>
public sealed class SignedDocumentBatch(DocumentsDbContext db, DocumentRegistryOptions options, SignatureVerifier verifier, TimeProvider time)
{
    /// <summary>Issues <paramref name="requests"/> and signs each with <paramref name="signer"/> (certificate with private key).</summary>
    /// <exception cref="InvalidOperationException">A template is missing, or a signature the server made does not verify (e.g. its certificate expired).</exception>
    /// <exception cref="Rendering.DocumentRenderException">The data of one request lacks variables its template uses.</exception>
    public async Task<IReadOnlyList<SignedDocument>> IssueAndSignAsync(
        IReadOnlyList<IssueDocumentRequest> requests, X509Certificate2 signer, int parallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(signer);
        await using var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var documents = await new DocumentRegistry(db, options, time).IssueManyInTransactionAsync(requests, parallelism, cancellationToken);
        var now = time.GetUtcNow();
        var signatures = new DocumentSignature[documents.Count];
        if (documents.Count == 0)
        {
            return [];
        }

        // The certificate checks (chain to a trusted root, validity at the signing time, key usage, IIN) give the same
        // answer for every document of the batch: one signer, one signing time. They run in full on the first signature;
        // the others are checked for the signature value over their own bytes only, which is what differs between them.
        var firstCms = DetachedCmsSigner.Sign(documents[0].Content, signer, now);
        var report = VerifiedReport(documents[0], firstCms, signer, now);
        try
        {
            // Each worker takes the private key out of the certificate once (an OpenSSL key handle each time otherwise, twice
            // per document) and disposes it at its end.
            BatchWorkers.Run(documents.Count, parallelism, cancellationToken, () => PrivateKey(signer),
                (i, key) =>
                {
                    // The documents were issued in this transaction, so none carries an earlier signature or signed package:
                    // the Office signature goes into the registered bytes themselves, as DocumentSigning does for a first signer.
                    var document = documents[i];
                    var cms = i == 0 ? firstCms : DetachedCmsSigner.Sign(document.Content, signer, key, now);
                    if (i > 0)
                    {
                        var signed = new SignedCms(new ContentInfo(document.Content), detached: true);
                        signed.Decode(cms);
                        signed.CheckSignature(verifySignatureOnly: true);
                    }

                    signatures[i] = new DocumentSignature(document.Id, report, cms, SignatureOrigin.Server,
                        OfficePackageSignature.Embed(document.Content, signer, key, now), now);
                },
                key => key.Dispose());
        }
        catch (AggregateException failure) when (failure.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(failure.InnerExceptions[0]).Throw();
            throw;
        }

        await CopySignaturesAsync(signatures, cancellationToken);
        if (ownTransaction is not null)
        {
            await ownTransaction.CommitAsync(cancellationToken);
        }

        return [.. documents.Select((d, i) => new SignedDocument(d, signatures[i]))];
    }

    private static AsymmetricAlgorithm PrivateKey(X509Certificate2 signer) =>
        (AsymmetricAlgorithm?)signer.GetRSAPrivateKey() ?? signer.GetECDsaPrivateKey()
        ?? throw new ArgumentException($"The certificate '{signer.Subject}' has no RSA or ECDSA private key.", nameof(signer));

    private SignatureReport VerifiedReport(RegisteredDocument document, byte[] cms, X509Certificate2 signer, DateTimeOffset now)
    {
        var reports = verifier.VerifyCms(document.Content, cms, now);
        var problems = reports.SelectMany(r => r.Problems).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"The server's signature by '{signer.Subject}' on {document.RegistryNumber} does not verify: {string.Join(" ", problems)}");
        }

        return reports[0];
    }

    /// <summary>One binary COPY for the batch's signatures; the database assigns their positions (identity column).</summary>
    private async Task CopySignaturesAsync(IReadOnlyList<DocumentSignature> signatures, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync("""
            COPY documents.signatures (id, document_id, signer_subject, signer_iin, signer_bin, certificate_thumbprint, signing_time,
                cms, origin, signed_package, signed_package_sha256, accepted_at) FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        foreach (var s in signatures)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(s.Id, NpgsqlDbType.Uuid, cancellationToken);
            await importer.WriteAsync(s.DocumentId, NpgsqlDbType.Uuid, cancellationToken);
            await importer.WriteAsync(s.SignerSubject, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(importer, s.SignerIin, NpgsqlDbType.Char, cancellationToken);
            await WriteNullableAsync(importer, s.SignerBin, NpgsqlDbType.Char, cancellationToken);
            await importer.WriteAsync(s.CertificateThumbprint, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(s.SigningTime.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(s.Cms, NpgsqlDbType.Bytea, cancellationToken);
            await importer.WriteAsync(s.Origin.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(s.SignedPackage!, NpgsqlDbType.Bytea, cancellationToken);
            await WriteNullableAsync(importer, s.SignedPackageSha256, NpgsqlDbType.Char, cancellationToken);
            await importer.WriteAsync(s.AcceptedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await importer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await importer.WriteAsync(value, type, cancellationToken);
        }
    }
}
