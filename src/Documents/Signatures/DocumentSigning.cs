using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Qadam.Documents.Persistence;
using Qadam.Documents.Registry;

namespace Qadam.Documents.Signatures;

/// <summary>
/// Signs registered documents and verifies them: the server signs with
/// a key it holds, or accepts a base64 CMS made on the signer's machine (NCALayer) after
/// verifying it; every signature is a detached CMS over the stored bytes, and server signatures
/// are also embedded in a copy of the package as Office signatures.
/// </summary>
public sealed class DocumentSigning(DocumentsDbContext db, SignatureVerifier verifier, TimeProvider time)
{
    /// <summary>
    /// Signs document <paramref name="documentId"/> with <paramref name="signer"/> (certificate with
    /// private key): a detached CMS over the stored bytes, and an Office signature added to the
    /// latest signed package.
    /// </summary>
    /// <exception cref="InvalidOperationException">The document does not exist, or the signature the server made does not verify (e.g. its certificate expired).</exception>
    public async Task<DocumentSignature> SignOnServerAsync(Guid documentId, X509Certificate2 signer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var document = await LoadAsync(documentId, cancellationToken);
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // Each Office signature is added to the package the previous one produced; two signers
            // at once would both start from the same package and one embedded signature would be
            // lost. The lock queues server signatures per document until the transaction ends.
            await db.Database.ExecuteSqlAsync(
                $"SELECT pg_advisory_xact_lock(hashtextextended({documentId.ToString()}, 0))", cancellationToken);
            var signature = await SignLockedAsync(document, signer, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return signature;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    private async Task<DocumentSignature> SignLockedAsync(RegisteredDocument document, X509Certificate2 signer, CancellationToken cancellationToken)
    {
        var documentId = document.Id;
        var now = time.GetUtcNow();
        var cms = DetachedCmsSigner.Sign(document.Content, signer, now);
        var reports = verifier.VerifyCms(document.Content, cms, now);
        var problems = reports.SelectMany(r => r.Problems).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"The server's signature by '{signer.Subject}' on {document.RegistryNumber} does not verify: {string.Join(" ", problems)}");
        }

        var previousPackage = await db.Signatures.AsNoTracking()
            .Where(s => s.DocumentId == documentId && s.SignedPackage != null)
            .OrderByDescending(s => s.Position)
            .Select(s => s.SignedPackage)
            .FirstOrDefaultAsync(cancellationToken);
        var package = OfficePackageSignature.Embed(previousPackage ?? document.Content, signer, now);
        var signature = new DocumentSignature(documentId, reports[0], cms, SignatureOrigin.Server, package, now);
        db.Signatures.Add(signature);
        await db.SaveChangesAsync(cancellationToken);
        return signature;
    }

    /// <summary>
    /// Accepts a detached CMS made on the signer's machine (NCALayer <c>sign</c> with
    /// <c>format: "cms"</c>, <c>encapsulate: false</c>), after verifying it over the stored bytes.
    /// With <paramref name="expectedIin"/>, the certificate must carry that IIN (as the page can demand).
    /// Refused signatures are not stored.
    /// </summary>
    public async Task<SignatureAcceptance> AcceptClientSignatureAsync(
        Guid documentId, string base64Cms, string? expectedIin, CancellationToken cancellationToken)
    {
        var document = await LoadAsync(documentId, cancellationToken);
        byte[] cms;
        try
        {
            cms = Convert.FromBase64String(base64Cms.Trim());
        }
        catch (FormatException)
        {
            return new SignatureAcceptance(null, [], ["The signature is not valid base64."]);
        }

        var now = time.GetUtcNow();
        var reports = verifier.VerifyCms(document.Content, cms, now);
        var problems = reports.SelectMany(r => r.Problems).ToList();
        if (reports.Count != 1)
        {
            problems.Add($"Send one signer per signature; this CMS has {reports.Count}.");
        }

        if (expectedIin is not null && reports.Count == 1 && !string.Equals(reports[0].Iin, expectedIin, StringComparison.Ordinal))
        {
            problems.Add($"The signature was made with the certificate of IIN {reports[0].Iin ?? "(none)"}, not {expectedIin}.");
        }

        if (problems.Count == 0 && await db.Signatures.AnyAsync(
                s => s.DocumentId == documentId && s.CertificateThumbprint == reports[0].CertificateThumbprint, cancellationToken))
        {
            problems.Add("This certificate has already signed the document.");
        }

        if (problems.Count > 0)
        {
            return new SignatureAcceptance(null, reports, problems);
        }

        var signature = new DocumentSignature(documentId, reports[0], cms, SignatureOrigin.Client, signedPackage: null, now);
        db.Signatures.Add(signature);
        await db.SaveChangesAsync(cancellationToken);
        return new SignatureAcceptance(signature, reports, []);
    }

    /// <summary>
    /// Verifies the stored document: its bytes against the recorded SHA-256, every CMS signature
    /// over those bytes, and the Office signatures of the latest signed package, whose content
    /// parts must be the registered document's.
    /// </summary>
    public async Task<DocumentVerification> VerifyAsync(Guid documentId, CancellationToken cancellationToken)
    {
        var document = await LoadAsync(documentId, cancellationToken);
        var signatures = await db.Signatures.AsNoTracking()
            .Where(s => s.DocumentId == documentId)
            .OrderBy(s => s.Position)
            .ToListAsync(cancellationToken);
        var problems = new List<string>();
        var intact = string.Equals(Convert.ToHexStringLower(SHA256.HashData(document.Content)), document.Sha256, StringComparison.Ordinal);
        if (!intact)
        {
            problems.Add("The stored bytes no longer match the SHA-256 recorded when the document was issued.");
        }

        if (signatures.Count == 0)
        {
            // IsValid is false without a signature; say why, or a reader sees "invalid" with nothing to act on.
            problems.Add("The document carries no signature: its signers have not signed it yet.");
        }

        var cmsReports = signatures.SelectMany(s => verifier.VerifyCms(document.Content, s.Cms)).ToList();
        var package = signatures.LastOrDefault(s => s.SignedPackage is not null)?.SignedPackage;
        IReadOnlyList<SignatureReport> packageReports = [];
        if (package is not null)
        {
            packageReports = verifier.VerifyPackage(package);
            problems.AddRange(OfficePackageSignature.CompareContent(document.Content, package));
        }

        return new DocumentVerification(document.Id, document.RegistryNumber, intact, cmsReports, packageReports, problems);
    }

    /// <summary>
    /// Verifies a file someone presents (a parent, an inspector): either the registered bytes
    /// or a signed package the server produced. Null when the file is neither, which is also
    /// what a single changed byte gives: the registry does not know that file.
    /// </summary>
    public async Task<DocumentVerification?> VerifyPresentedFileAsync(byte[] file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(file));
        var documentId = await db.Documents.AsNoTracking().Where(d => d.Sha256 == sha256).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken)
                         ?? await db.Signatures.AsNoTracking().Where(s => s.SignedPackageSha256 == sha256).Select(s => (Guid?)s.DocumentId)
                             .FirstOrDefaultAsync(cancellationToken);
        return documentId is { } id ? await VerifyAsync(id, cancellationToken) : null;
    }

    private async Task<RegisteredDocument> LoadAsync(Guid documentId, CancellationToken cancellationToken) =>
        await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken)
        ?? throw new InvalidOperationException($"No registered document with id {documentId}.");
}
