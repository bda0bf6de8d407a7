using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Documents.Persistence;
using Qadam.Documents.Rendering;
using Qadam.Documents.Templates;

namespace Qadam.Documents.Registry;

/// <summary>
/// Issues documents: picks the template edition of the case's process
/// version, takes the next registry number, renders, and stores the bytes with their SHA-256.
/// </summary>
public sealed partial class DocumentRegistry(DocumentsDbContext db, DocumentRegistryOptions options, TimeProvider time)
{
    private const string SavepointName = "qadam_issue_document";
    private readonly TemplateRenderer _renderer = new();

    /// <summary>
    /// Renders and registers a document. Runs in the caller's transaction when one is active on
    /// the context (the API's command transaction), else in its own.
    /// </summary>
    /// <exception cref="InvalidOperationException">No template edition exists for the process version.</exception>
    /// <exception cref="DocumentRenderException">The case data lacks variables the template uses; nothing is stored and no number is used.</exception>
    public async Task<RegisteredDocument> IssueAsync(IssueDocumentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var template = await TemplateForAsync(request.TemplateKey, request.Language, request.ProcessKey, request.ProcessVersion, cancellationToken);

        var utcNow = time.GetUtcNow();
        var now = utcNow.ToOffset(options.UtcOffset);
        var callerTransaction = db.Database.CurrentTransaction;
        var ownTransaction = callerTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (callerTransaction is not null)
        {
            // If rendering fails inside the caller's transaction, the caller may still commit its
            // own work; the savepoint gives the number back so the register keeps no gap.
            await callerTransaction.CreateSavepointAsync(SavepointName, cancellationToken);
        }

        RegisteredDocument? registered = null;
        try
        {
            var sequence = await NextSequenceAsync(request.OrganisationCode, template.DocumentType, now.Year, cancellationToken);
            var number = options.PatternFor(template.DocumentType).Format(request.OrganisationCode, template.DocumentType, now.Year, sequence);
            var bytes = _renderer.Render(template.Content, WithNumber(request.Data, number.Text, now), request.Language);
            registered = new RegisteredDocument(
                Guid.CreateVersion7(utcNow), number, bytes, template.Key, template.Version,
                template.ProcessKey, template.ProcessVersion, request.Language, request.CaseReference, utcNow);
            db.Documents.Add(registered);
            await db.SaveChangesAsync(cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return registered;
        }
        catch when (callerTransaction is not null)
        {
            if (registered is not null)
            {
                db.Entry(registered).State = EntityState.Detached;
            }

            await callerTransaction.RollbackToSavepointAsync(SavepointName, CancellationToken.None);
            throw;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>The latest edition of a template for a process version.</summary>
    /// <exception cref="InvalidOperationException">None is uploaded.</exception>
    private async Task<DocumentTemplate> TemplateForAsync(
        string key, DocumentLanguage language, string processKey, string processVersion, CancellationToken cancellationToken) =>
        await db.Templates.AsNoTracking()
            .Where(t => t.Key == key && t.Language == language && t.ProcessKey == processKey && t.ProcessVersion == processVersion)
            .OrderByDescending(t => t.Version)
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new InvalidOperationException(
            $"No template '{key}' ({language.ToCode()}) is uploaded for process '{processKey}' version '{processVersion}'.");

    /// <summary>The case data with the document's own number and date added, as templates show them.</summary>
    private static JsonObject WithNumber(JsonObject caseData, string number, DateTimeOffset now)
    {
        var data = (JsonObject)caseData.DeepClone();
        var document = data["document"] as JsonObject ?? [];
        document["number"] = number;
        document["date"] = DateOnly.FromDateTime(now.DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        data["document"] = document;
        return data;
    }

    /// <summary>A registered document by id.</summary>
    public Task<RegisteredDocument?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);

    /// <summary>The documents of one case, oldest first.</summary>
    public async Task<IReadOnlyList<RegisteredDocument>> ListForCaseAsync(string caseReference, CancellationToken cancellationToken) =>
        await db.Documents.AsNoTracking().Where(d => d.CaseReference == caseReference)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).ToListAsync(cancellationToken);

    /// <summary>A registered document by its organisation and registry number.</summary>
    public Task<RegisteredDocument?> FindByNumberAsync(string organisationCode, string registryNumber, CancellationToken cancellationToken) =>
        db.Documents.AsNoTracking().SingleOrDefaultAsync(
            d => d.OrganisationCode == organisationCode && d.RegistryNumber == registryNumber, cancellationToken);

    /// <summary>
    /// The next sequence for (organisation, type, year). The upsert locks the counter row until
    /// the transaction ends, so concurrent issues queue here and get consecutive numbers; if the
    /// document is not stored, the increment rolls back with it and no number is skipped.
    /// </summary>
    private async Task<int> NextSequenceAsync(string organisationCode, string documentType, int year, CancellationToken cancellationToken)
    {
        var values = await db.Database.SqlQuery<int>($"""
            INSERT INTO documents.number_counters AS c (organisation_code, document_type, year, last_sequence)
            VALUES ({organisationCode}, {documentType}, {year}, 1)
            ON CONFLICT (organisation_code, document_type, year)
            DO UPDATE SET last_sequence = c.last_sequence + 1
            RETURNING c.last_sequence AS "Value"
            """).ToListAsync(cancellationToken);
        return values.Single();
    }
}
