using Microsoft.EntityFrameworkCore;
using Qadam.Documents.Rendering;
using Qadam.Documents.Templates;

namespace Qadam.Documents.Registry;

public sealed partial class DocumentRegistry
{
    /// <summary>
    /// Issues many documents at once, e.g. one order per school of a city-wide transfer: numbers are taken in order, the
    /// documents render in parallel (rendering is the CPU-bound part), and all are stored together — in the caller's
    /// transaction when one is active, so a failure keeps neither documents nor numbers.
    /// </summary>
    /// <exception cref="InvalidOperationException">A template edition is missing for one of the requests.</exception>
    /// <exception cref="DocumentRenderException">The data of one request lacks variables its template uses.</exception>
    public async Task<IReadOnlyList<RegisteredDocument>> IssueManyAsync(
        IReadOnlyList<IssueDocumentRequest> requests, int parallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var templates = new Dictionary<(string, DocumentLanguage, string, string), DocumentTemplate>();
        foreach (var group in requests.Select(r => (r.TemplateKey, r.Language, r.ProcessKey, r.ProcessVersion)).Distinct())
        {
            templates[group] = await TemplateForAsync(group.TemplateKey, group.Language, group.ProcessKey, group.ProcessVersion, cancellationToken);
        }

        var utcNow = time.GetUtcNow();
        var now = utcNow.ToOffset(options.UtcOffset);
        await using var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var numbers = new RegistryNumber[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            var template = templates[(requests[i].TemplateKey, requests[i].Language, requests[i].ProcessKey, requests[i].ProcessVersion)];
            var sequence = await NextSequenceAsync(requests[i].OrganisationCode, template.DocumentType, now.Year, cancellationToken);
            numbers[i] = options.PatternFor(template.DocumentType).Format(requests[i].OrganisationCode, template.DocumentType, now.Year, sequence);
        }

        var documents = new RegisteredDocument[requests.Count];
        // The renderer keeps no state between calls (each render has its own Fill), so the workers share it.
        Parallel.For(0, requests.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, i =>
        {
            var request = requests[i];
            var template = templates[(request.TemplateKey, request.Language, request.ProcessKey, request.ProcessVersion)];
            var bytes = _renderer.Render(template.Content, WithNumber(request.Data, numbers[i].Text, now), request.Language);
            documents[i] = new RegisteredDocument(Guid.CreateVersion7(utcNow), numbers[i], bytes, template.Key, template.Version,
                template.ProcessKey, template.ProcessVersion, request.Language, request.CaseReference, utcNow);
        });

        db.Documents.AddRange(documents);
        await db.SaveChangesAsync(cancellationToken);
        if (ownTransaction is not null)
        {
            await ownTransaction.CommitAsync(cancellationToken);
        }

        return documents;
    }
}
