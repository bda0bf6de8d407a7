using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
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
internal sealed class RenderDocumentActivity(DocumentRegistryOptions options, TimeProvider time) : IProcessActivity
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

        var builder = new DbContextOptionsBuilder<DocumentsDbContext>().UseDocumentsNpgsql(context.Connection);
        await using var documents = new DocumentsDbContext((DbContextOptions<DocumentsDbContext>)builder.Options);
        if (context.Transaction is not null)
        {
            await documents.Database.UseTransactionAsync(context.Transaction, cancellationToken);
        }

        var registry = new DocumentRegistry(documents, options, time);
        var issued = await registry.IssueAsync(
            new IssueDocumentRequest(organisation, templateKey, language, context.DefinitionKey,
                context.DefinitionVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), context.Variables, context.BusinessKey),
            cancellationToken);

        // A copy: the variables' own object already has a parent, and a JsonNode may have only one (the second document of
        // a case, e.g. the order after the protocol extract, failed with "The node already has a parent").
        var list = (context.Variables["documents"] as JsonObject)?.DeepClone().AsObject() ?? [];
        list[templateKey] = new JsonObject { ["id"] = issued.Id, ["number"] = issued.RegistryNumber, ["language"] = language.ToString().ToLowerInvariant() };
        context.SetVariable("documents", list);
    }
}
