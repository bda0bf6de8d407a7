using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.Cases;
using Qadam.Api.Features.Definitions;
using Qadam.Api.Features.Tasks;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Persistence;
using Qadam.Workflows.Reads;
using Qadam.Workflows.Versions;

namespace Qadam.Api.Features.Forms;

/// <summary>
/// <c>GET</c> and <c>PUT /api/definitions/{key}/versions/{version}/forms/{formKey}</c> (the form editor). A form
/// belongs to the versions whose user tasks name its key. Only a draft's forms are edited, and only a form no published
/// or retired version uses: a published version's tasks (and the cases running on it) must keep the form they were
/// published with, so a changed form for a new edition gets a new key (as <c>competition-letter-2023</c> / <c>-2025</c>).
/// </summary>
internal static class SaveForm
{
    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetAsync(
        string key, int version, string formKey, EngineReads reads, DefinitionCache definitions, FormCatalog catalog,
        CancellationToken cancellationToken)
    {
        var definition = await reads.VersionAsync(key, version, cancellationToken);
        if (definition is null || !FormKeysOf(definitions, definition).Contains(formKey))
        {
            return NotFound(definition is null ? $"'{key}' has no version {version}." : $"No user task of {key} v{version} has the form key '{formKey}'.");
        }

        var form = await catalog.FindAsync(formKey, cancellationToken);
        return form is null ? NotFound($"No form '{formKey}' exists yet.") : TypedResults.Ok(form.Source.DeepClone().AsObject());
    }

    /// <summary>What saving a form uses besides the route and the form.</summary>
    internal sealed record Services(
        System.Security.Claims.ClaimsPrincipal User, EngineReads Reads, DefinitionCache Definitions, QadamDbContext Db, FormFiles Files,
        CommandTransaction Command, AuditTrail Audit);

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> PutAsync(
        string key, int version, string formKey, JsonObject form, [AsParameters] Services services, CancellationToken cancellationToken)
    {
        var (user, reads, definitions, db, files, command, audit) =
            (services.User, services.Reads, services.Definitions, services.Db, services.Files, services.Command, services.Audit);
        var definition = await reads.VersionAsync(key, version, cancellationToken);
        if (definition is null)
        {
            return NotFound($"'{key}' has no version {version}.");
        }

        if (definition.Status != DefinitionStatus.Draft)
        {
            return PublishedVersionProblem.Create(key, version, definition.Status, "version");
        }

        if (!FormKeysOf(definitions, definition).Contains(formKey))
        {
            return UnprocessableProblem.Create("formKey", $"No user task of {key} v{version} has the form key '{formKey}'; set it in the task's properties and save the draft first.");
        }

        if (!FormFiles.IsValidKey(formKey))
        {
            return UnprocessableProblem.Create("formKey", "A form key has 1 to 100 letters, digits, dots, dashes or underscores.");
        }

        // A form is a screen of fields, not a store: bounded so an upload cannot fill the pathways folder.
        if (System.Text.Encoding.UTF8.GetByteCount(form.ToJsonString()) > FormSchema.MaxBytes)
        {
            return TypedResults.Problem($"A form is at most {FormSchema.MaxBytes / 1024} KB of JSON.",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "The form is too large.");
        }

        if (form["components"] is not JsonArray)
        {
            return UnprocessableProblem.Create("components", "A form-js schema has a \"components\" array.");
        }

        if (FormSchema.Problems(form) is { Count: > 0 } problems)
        {
            return UnprocessableProblem.Create(new Dictionary<string, string[]> { ["components"] = [.. problems] });
        }

        var usedBy = await PublishedUsersAsync(reads, definitions, formKey, cancellationToken);
        if (usedBy.Count > 0)
        {
            return Conflict($"The form '{formKey}' is used by {string.Join(", ", usedBy)}, whose tasks keep it: give the draft's task a new form key.");
        }

        if (!files.Available)
        {
            return Conflict("This API has no pathways folder to keep forms in (Qadam:WorkflowsDirectory).");
        }

        form["id"] = formKey;
        // The audit event is written first and committed only once the file is in place: a failed write leaves no event,
        // and a form is never changed without one. So the command appends and flushes it itself before the file is written
        // (and records nothing more), instead of letting the unit of work append it after the command.
        var actor = AuditActor.From(user);
        await command.RunAsync(actor, async ct =>
        {
            await audit.AppendAsync(actor, new AuditEntry("definition.form-saved", System.Text.Encoding.UTF8.GetBytes(form.ToJsonString()),
                ProcessKey: key, ProcessVersion: version), ct);
            await db.SaveChangesAsync(ct);
            await files.SaveAsync(key, formKey, form, ct);
            return true;
        }, _ => null, cancellationToken);
        return TypedResults.Ok(form);
    }

    private static HashSet<string> FormKeysOf(DefinitionCache definitions, ProcessDefinition definition) =>
        definitions.ModelOrNull(definition)?.Nodes.OfType<UserTask>().Select(t => t.Extension.FormKey).OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [];

    private static async Task<List<string>> PublishedUsersAsync(
        EngineReads reads, DefinitionCache definitions, string formKey, CancellationToken cancellationToken)
    {
        // A cheap text filter first; the model then says whether a task really names the key.
        var candidates = await reads.PublishedBpmnContainingAsync(formKey, cancellationToken);
        return [.. candidates.Where(d => FormKeysOf(definitions, d).Contains(formKey)).Select(d => $"{d.Key} v{d.Version}")];
    }

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "The form cannot be changed.");
}
