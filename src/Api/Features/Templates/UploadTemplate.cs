using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.Definitions;
using Qadam.Api.Features.Tasks;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;
using Qadam.Documents.Persistence;
using Qadam.Documents.Rendering;
using Qadam.Documents.Templates;
using Qadam.Workflows.Definitions;
using Qadam.Workflows.Reads;
using Qadam.Workflows.Versions;

namespace Qadam.Api.Features.Templates;

/// <summary>
/// <c>POST /api/definitions/{key}/versions/{version}/templates</c>: the legal department replaces a document's template
/// for one process version. Refused, with every reason by field, when the key is not one the version renders,
/// the language is not kk or ru, the file is not a DOCX, or it names a variable the version does not provide: a template
/// is checked when it is uploaded, not when a head is waiting for an order to sign. Only a draft's templates change: a
/// published or retired version keeps the documents its cases were filed under (409, <see cref="PublishedVersionProblem"/>).
/// </summary>
internal static class UploadTemplate
{
    public static async Task<Results<Created<TemplateResponse>, NotFound, ProblemHttpResult>> HandleAsync(
        string key, int version, HttpRequest request, ClaimsPrincipal user, QadamDbContext db, EngineReads reads, DocumentsDbContext documents, TemplateCatalog catalog, FormCatalog forms, AuditTrail audit, IOptions<QadamOptions> options,
        CancellationToken cancellationToken)
    {
        var definition = await reads.BpmnVersionAsync(key, version, cancellationToken);
        if (definition is null)
        {
            return TypedResults.NotFound();
        }

        if (definition.Status != DefinitionStatus.Draft)
        {
            return PublishedVersionProblem.Create(key, version, definition.Status, "version");
        }

        if (!request.HasFormContentType)
        {
            return UnprocessableProblem.Create("file", "Send a multipart form with the fields templateKey, language and file.");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            // The multipart reader's own limit (far above the template limit), or a malformed body.
            return ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? TooLarge(ex.Message)
                : UnprocessableProblem.Create("file", "The multipart form cannot be read: " + ex.Message);
        }

        var max = options.Value.MaxTemplateBytes;
        var file = form.Files.GetFile("file");
        if (file is not null && file.Length > max)
        {
            return TooLarge($"The file has {file.Length} bytes; at most {max} are accepted.");
        }

        var errors = new Dictionary<string, string[]>();
        var model = BpmnParser.Parse(definition.Content).Model;
        var rendered = model?.Nodes.Select(n => n.Extension.TemplateKey).OfType<string>().ToHashSet(StringComparer.Ordinal)
                       ?? new HashSet<string>(StringComparer.Ordinal);
        var templateKey = form["templateKey"].ToString().Trim();
        if (templateKey.Length == 0)
        {
            errors["templateKey"] = ["The template key is required, e.g. \"order-transfer\"."];
        }
        else if (!rendered.Contains(templateKey))
        {
            errors["templateKey"] = [rendered.Count == 0
                ? $"Version {version} of '{key}' renders no document."
                : $"Version {version} of '{key}' renders no template '{templateKey}'; it renders: {string.Join(", ", rendered.Order(StringComparer.Ordinal))}."];
        }

        var languageCode = form["language"].ToString().Trim();
        DocumentLanguage? language = languageCode switch { "kk" => DocumentLanguage.Kk, "ru" => DocumentLanguage.Ru, _ => null };
        if (language is null)
        {
            errors["language"] = ["The language is kk or ru."];
        }

        byte[] content = [];
        if (file is null || file.Length == 0)
        {
            errors["file"] = ["Attach the template as a DOCX file in the field 'file'."];
        }
        else
        {
            content = new byte[file.Length];
            await using var stream = file.OpenReadStream();
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        IReadOnlySet<string> known = new HashSet<string>(StringComparer.Ordinal);
        if (model is not null)
        {
            known = await TemplateVariables.ForAsync(model, async (formKey, ct) => (await forms.FindAsync(formKey, ct))?.Keys.ToList(),
                (table, ct) => reads.ConditionTableOutputsAsync(table, ct), cancellationToken);
        }

        if (content.Length > 0)
        {
            var inspection = new TemplateValidator().Inspect(content, known);
            if (inspection.Problems.Count > 0)
            {
                errors["file"] = [.. inspection.Problems.Select(p => $"{p.Location}: {p.Message}")];
            }
        }

        if (errors.Count > 0)
        {
            return UnprocessableProblem.Create(errors, "The template cannot be stored.");
        }

        var actor = AuditActor.From(user);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await documents.Database.UseTransactionAsync(transaction.GetDbTransaction(), cancellationToken);
        var processVersion = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var stored = await catalog.UploadAsync(new TemplateUpload(templateKey, language!.Value, TemplateDocumentTypes.For(templateKey), key,
            processVersion, content, [.. known]), cancellationToken);
        if (stored.Template is null)
        {
            return UnprocessableProblem.Create(new Dictionary<string, string[]>
            {
                ["file"] = [.. stored.Problems.Select(p => $"{p.Location}: {p.Message}")],
            }, "The template cannot be stored.");
        }

        await audit.AppendAsync(actor, new AuditEntry("template.uploaded",
            JsonSerializer.SerializeToUtf8Bytes(new { templateKey, language = languageCode, stored.Template.Sha256, stored.Template.Version }),
            ProcessKey: key, ProcessVersion: version), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/definitions/{key}/versions/{version}/templates", ListTemplates.ToResponse(stored.Template, version));
    }

    private static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = "The file is too large.",
            Detail = detail,
            Extensions = { ["errors"] = new Dictionary<string, string[]> { ["file"] = [detail] } },
        });
}
