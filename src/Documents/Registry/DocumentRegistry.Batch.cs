using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Qadam.Documents.Rendering;
using Qadam.Documents.Templates;

namespace Qadam.Documents.Registry;

public sealed partial class DocumentRegistry
{
    /// <summary>
    /// Issues many documents at once, e.g. one order per school of a city-wide transfer: the numbers of each register
    /// (organisation, type, year) are reserved by one counter upsert for the whole batch, the documents render in
    /// parallel (rendering is the CPU-bound part), and all are stored by one binary COPY — in the caller's transaction
    /// when one is active, so a failure keeps neither documents nor numbers. Within a register, the requests get
    /// consecutive numbers in the order given.
    /// </summary>
    /// <remarks>
    /// The returned documents are not tracked by the context (they were written by COPY, not by SaveChanges).
    /// </remarks>
    /// <exception cref="InvalidOperationException">A template edition is missing for one of the requests.</exception>
    /// <exception cref="DocumentRenderException">The data of one request lacks variables its template uses.</exception>
    public async Task<IReadOnlyList<RegisteredDocument>> IssueManyAsync(
        IReadOnlyList<IssueDocumentRequest> requests, int parallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        await using var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var documents = await IssueManyInTransactionAsync(requests, parallelism, cancellationToken);
        if (ownTransaction is not null)
        {
            await ownTransaction.CommitAsync(cancellationToken);
        }

        return documents;
    }

    /// <summary>The batch issue, in the transaction active on the context (the caller commits or rolls back).</summary>
    internal async Task<IReadOnlyList<RegisteredDocument>> IssueManyInTransactionAsync(
        IReadOnlyList<IssueDocumentRequest> requests, int parallelism, CancellationToken cancellationToken)
    {
        var templates = new Dictionary<(string, DocumentLanguage, string, string), DocumentTemplate>();
        foreach (var group in requests.Select(r => (r.TemplateKey, r.Language, r.ProcessKey, r.ProcessVersion)).Distinct())
        {
            templates[group] = await TemplateForAsync(group.TemplateKey, group.Language, group.ProcessKey, group.ProcessVersion, cancellationToken);
        }

        var utcNow = time.GetUtcNow();
        var now = utcNow.ToOffset(options.UtcOffset);
        DocumentTemplate TemplateOf(IssueDocumentRequest r) => templates[(r.TemplateKey, r.Language, r.ProcessKey, r.ProcessVersion)];
        var registers = requests.Select(r => (r.OrganisationCode, TemplateOf(r).DocumentType)).ToList();
        var next = await ReserveSequencesAsync(registers, now.Year, cancellationToken);
        var numbers = new RegistryNumber[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            var sequence = next[registers[i]]++;
            numbers[i] = options.PatternFor(registers[i].DocumentType).Format(registers[i].OrganisationCode, registers[i].DocumentType, now.Year, sequence);
        }

        var documents = new RegisteredDocument[requests.Count];
        try
        {
            // Each worker parses each template once (PreparedTemplate) and renders documents from it until none is left; the
            // parsed trees are not shared between threads. (Parallel.For's thread-local state is made again each time it
            // replaces a worker task, which under load meant a template parsed many times per batch.)
            BatchWorkers.Run(requests.Count, parallelism, cancellationToken,
                () => new Dictionary<DocumentTemplate, PreparedTemplate>(ReferenceEqualityComparer.Instance),
                (i, prepared) =>
                {
                    var request = requests[i];
                    var template = TemplateOf(request);
                    if (!prepared.TryGetValue(template, out var parsed))
                    {
                        parsed = _renderer.Prepare(template.Content);
                        prepared[template] = parsed;
                    }

                    var bytes = parsed.Render(WithNumber(request.Data, numbers[i].Text, now), request.Language);
                    documents[i] = new RegisteredDocument(Guid.CreateVersion7(utcNow), numbers[i], bytes, template.Key, template.Version,
                        template.ProcessKey, template.ProcessVersion, request.Language, request.CaseReference, utcNow);
                },
                _ => { });
        }
        catch (AggregateException failure) when (failure.InnerExceptions.Count > 0)
        {
            // Callers catch the render problem itself (missing variables), as from IssueAsync.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure.InnerExceptions[0]).Throw();
            throw;
        }

        await CopyDocumentsAsync(documents, cancellationToken);
        return documents;
    }

    /// <summary>
    /// Reserves, for each register, as many numbers as the batch holds for it, in one statement; returns the first
    /// reserved sequence of each. The registers are locked in a fixed order, so two batches over the same schools queue
    /// instead of deadlocking; the counter rows stay locked until the transaction ends, and a rollback gives the numbers back.
    /// </summary>
    private async Task<Dictionary<(string OrganisationCode, string DocumentType), int>> ReserveSequencesAsync(
        IReadOnlyList<(string OrganisationCode, string DocumentType)> registers, int year, CancellationToken cancellationToken)
    {
        var counts = registers.CountBy(r => r).OrderBy(c => c.Key.OrganisationCode, StringComparer.Ordinal)
            .ThenBy(c => c.Key.DocumentType, StringComparer.Ordinal).ToList();
        var first = new Dictionary<(string, string), int>(counts.Count);
        if (counts.Count == 0)
        {
            return first;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new NpgsqlCommand("""
            INSERT INTO documents.number_counters AS c (organisation_code, document_type, year, last_sequence)
            SELECT r.organisation_code, r.document_type, @year, r.n
            FROM unnest(@organisations, @types, @counts) WITH ORDINALITY AS r(organisation_code, document_type, n, position)
            ORDER BY r.position
            ON CONFLICT (organisation_code, document_type, year)
            DO UPDATE SET last_sequence = c.last_sequence + excluded.last_sequence
            RETURNING c.organisation_code, c.document_type, c.last_sequence
            """, connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        command.Parameters.Add(new NpgsqlParameter<int>("year", year));
        command.Parameters.Add(new NpgsqlParameter<string[]>("organisations", [.. counts.Select(c => c.Key.OrganisationCode)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("types", [.. counts.Select(c => c.Key.DocumentType)]));
        command.Parameters.Add(new NpgsqlParameter<int[]>("counts", [.. counts.Select(c => c.Value)]));
        var reserved = counts.ToDictionary(c => c.Key, c => c.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var register = (reader.GetString(0), reader.GetString(1));
            first[register] = reader.GetInt32(2) - reserved[register] + 1;
        }

        return first;
    }

    /// <summary>Stores the batch's documents with one binary COPY (the append-only trigger still guards them).</summary>
    private async Task CopyDocumentsAsync(IReadOnlyList<RegisteredDocument> documents, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync("""
            COPY documents.documents (id, registry_number, organisation_code, document_type, year, sequence, content, sha256,
                template_key, template_version, process_key, process_version, language, case_reference, created_at) FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        foreach (var d in documents)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(d.Id, NpgsqlDbType.Uuid, cancellationToken);
            await importer.WriteAsync(d.RegistryNumber, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(d.OrganisationCode, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(d.DocumentType, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(d.Year, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(d.Sequence, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(d.Content, NpgsqlDbType.Bytea, cancellationToken);
            await importer.WriteAsync(d.Sha256, NpgsqlDbType.Char, cancellationToken);
            await importer.WriteAsync(d.TemplateKey, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(d.TemplateVersion, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(d.ProcessKey, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(d.ProcessVersion, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(d.Language.ToCode(), NpgsqlDbType.Varchar, cancellationToken);
            if (d.CaseReference is null)
            {
                await importer.WriteNullAsync(cancellationToken);
            }
            else
            {
                await importer.WriteAsync(d.CaseReference, NpgsqlDbType.Varchar, cancellationToken);
            }

            await importer.WriteAsync(d.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }
}
