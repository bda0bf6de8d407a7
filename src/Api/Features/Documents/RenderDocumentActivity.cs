using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Persistence;
using Qadam.Documents.Persistence;
using Qadam.Documents.Registry;
using Qadam.Documents.Rendering;
using Qadam.Workflows.Execution;

namespace Qadam.Api.Features.Documents;

/// <summary>
/// The "render-document" service task: renders the step's template (qadam:templateKey) for the
/// case's language with the case variables, registers it with its number, and records it in the
/// variable <c>documents.&lt;templateKey&gt;</c> — in the job's own transaction, so a failed render
/// leaves neither a document nor a used number behind.
/// </summary>
internal sealed class RenderDocumentActivity(DocumentRegistryOptions options, TimeProvider time, Citations citations) : IProcessActivity
{
    public const string ActivityName = "render-document";

    public string Name => ActivityName;

    public async Task ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var templateKey = context.Extension.TemplateKey
                          ?? throw new InvalidOperationException($"{context.ElementId} has no qadam:templateKey to render.");
        var organisation = context.Variables["organisation"]?.GetValue<string>()
                           ?? throw new InvalidOperationException("The case has no organisation to number the document for.");
        var language = string.Equals(context.Variables["language"]?.GetValue<string>(), "ru", StringComparison.Ordinal)
            ? DocumentLanguage.Ru
            : DocumentLanguage.Kk;

        await using var documents = await JobDocuments.OpenAsync(context, cancellationToken);

        var registry = new DocumentRegistry(documents, options, time);
        var data = DocumentData.ForStep(context.Variables, context.ElementId, context.Extension,
            await OrganisationNameAsync(context, organisation, cancellationToken), language, citations.Table);
        var issued = await registry.IssueAsync(
            new IssueDocumentRequest(organisation, templateKey, language, context.DefinitionKey,
                context.DefinitionVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), data, context.BusinessKey),
            cancellationToken);

        // A copy: the variables' own node already has a parent, and a second rendered document failed to be recorded.
        var list = context.Variables["documents"]?.DeepClone() as JsonObject ?? [];
        list[templateKey] = new JsonObject { ["id"] = issued.Id, ["number"] = issued.RegistryNumber, ["language"] = language.ToString().ToLowerInvariant() };
        context.SetVariable("documents", list);
    }

    // Read on the job's own connection and transaction, like the registry: the name as the organisation is registered.
    private static async Task<(string Kk, string Ru)?> OrganisationNameAsync(ActivityContext context, string code, CancellationToken cancellationToken)
    {
        var builder = new DbContextOptionsBuilder<QadamDbContext>().UseNpgsql(context.Connection);
        await using var db = new QadamDbContext(builder.Options);
        if (context.Transaction is not null)
        {
            await db.Database.UseTransactionAsync(context.Transaction, cancellationToken);
        }

        var found = await db.Organisations.AsNoTracking().Where(o => o.Code == code)
            .Select(o => new { o.NameKk, o.NameRu }).SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.NameKk, found.NameRu);
    }
}
