using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Tasks;
using Qadam.Api.Features.Templates;
using Qadam.Documents.Rendering;
using Qadam.Documents.Templates;
using Qadam.Workflows.Definitions;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Persistence;
using Qadam.Workflows.Reads;
using Qadam.Workflows.Versions;

namespace Qadam.Api.Hosting;

/// <summary>
/// Publishes the pathways of <c>workflows/</c> at start, so a fresh database runs the orders in force: every
/// condition table and every edition named by a <c>pathway.json</c>, with its effective date and
/// legal basis. Idempotent: content already published under its key is skipped, so a restart adds
/// nothing and a new file in a later release is published once. A draft the legal department is
/// editing is never overwritten.
/// Each edition then gets its DOCX templates in Kazakh and Russian, built from the folder's <c>templates/</c> sources
/// and stored for that process version; a template the version already has, seeded or uploaded by the legal
/// department, is left as it is. The editions' template references are checked against the folder's template keys.
/// </summary>
internal sealed partial class PathwaySeeder(DefinitionStore store, WorkflowsDbContext db, EngineReads reads, TemplateCatalog templates, ILogger<PathwaySeeder> logger)
{
    private const string Actor = "system:workflows-folder";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal sealed record Manifest(string Key, string? NameKk, string? NameRu, List<ManifestEntry> Editions, List<ManifestEntry>? Tables);

    internal sealed record ManifestEntry(string File, DateOnly EffectiveFrom, LegalBasis LegalBasis, string? Key);

    public async Task SeedAsync(string root, CancellationToken cancellationToken)
    {
        var manifests = new List<(string Folder, Manifest Manifest)>();
        foreach (var path in Directory.EnumerateFiles(root, "pathway.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var manifest = JsonSerializer.Deserialize<Manifest>(await File.ReadAllTextAsync(path, cancellationToken), Json)
                           ?? throw new InvalidDataException($"{path} is empty.");
            manifests.Add((Path.GetDirectoryName(path)!, manifest));
        }

        // The first file of a key wins, as FormCatalog reads it.
        var formFiles = Directory.EnumerateFiles(root, "*.form.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .GroupBy(p => Path.GetFileName(p)[..^".form.json".Length], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var forms = formFiles.Keys.ToHashSet(StringComparer.Ordinal);
        var references = new DefinitionCatalog(FormKeys: forms);

        // Tables first: processes name them, and validation checks that they exist.
        foreach (var (folder, table) in manifests
                     .SelectMany(m => (m.Manifest.Tables ?? []).Select(t => (m.Folder, Entry: t)))
                     .OrderBy(t => t.Entry.EffectiveFrom))
        {
            await PublishOnceAsync(DefinitionKind.ConditionTable, table.Key ?? Path.GetFileName(table.File).Split('.')[0],
                Path.Combine(folder, table.File), table, references, cancellationToken);
        }

        // A call activity's definition must be published before its callers (publishing checks that it exists): folders whose
        // editions call no other definition first, e.g. distance-regime before competition.
        foreach (var (folder, manifest) in manifests.OrderBy(m => m.Manifest.Editions.Any(e =>
                     File.ReadAllText(Path.Combine(m.Folder, e.File)).Contains("calledElement=", StringComparison.Ordinal))))
        {
            // An edition may only name templates its folder ships (or the legal department uploads for it later).
            var editionReferences = references with { TemplateKeys = PathwayTemplateSources.Keys(folder) };
            foreach (var edition in manifest.Editions.OrderBy(e => e.EffectiveFrom))
            {
                var file = Path.Combine(folder, edition.File);
                if (await PublishOnceAsync(DefinitionKind.Bpmn, manifest.Key, file, edition, editionReferences, cancellationToken) is { } published)
                {
                    await SeedTemplatesAsync(folder, edition.File, published, formFiles, cancellationToken);
                }
            }
        }
    }

    /// <summary>Publishes the file unless its content is published already; the version holding it, or null when refused.</summary>
    private async Task<ProcessDefinition?> PublishOnceAsync(DefinitionKind kind, string key, string file, ManifestEntry entry,
        DefinitionCatalog references, CancellationToken cancellationToken)
    {
        var content = await File.ReadAllTextAsync(file, cancellationToken);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
        var existing = await db.Definitions.AsNoTracking()
            .Where(d => d.Key == key && d.Status != DefinitionStatus.Draft && d.ContentSha256 == sha)
            .OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        if (await db.Definitions.AnyAsync(d => d.Key == key && d.Status == DefinitionStatus.Draft, cancellationToken))
        {
            LogDraftInTheWay(logger, key, file);
            return null;
        }

        try
        {
            // The seeder publishes at once, so what only blocks publishing (a template the folder lacks) refuses the file
            // before anything is stored, as an error would.
            if (await store.CheckAsync(kind, key, content, references, cancellationToken) is { Count: > 0 } problems)
            {
                throw new DefinitionRejectedException(problems);
            }

            var draft = await store.SaveDraftAsync(kind, key, content, Actor, references, cancellationToken);
            var published = await store.PublishAsync(key, draft.Version, entry.EffectiveFrom, entry.LegalBasis, Actor, cancellationToken);
            LogPublished(logger, key, draft.Version, file, entry.EffectiveFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            return published;
        }
        catch (DefinitionRejectedException ex)
        {
            // A broken file must not stop the service; the log names every problem so it can be fixed.
            LogRejected(logger, file, string.Join("; ", ex.Problems));
            db.ChangeTracker.Clear();
            return null;
        }
    }

    /// <summary>Stores the kk and ru template of every key the version renders that it has none of yet.</summary>
    private async Task SeedTemplatesAsync(string folder, string editionFile, ProcessDefinition definition,
        IReadOnlyDictionary<string, string> formFiles, CancellationToken cancellationToken)
    {
        if (BpmnParser.Parse(definition.Content).Model is not { } model)
        {
            return;
        }

        var version = definition.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        IReadOnlySet<string>? known = null;
        foreach (var key in model.Nodes.Select(n => n.Extension.TemplateKey).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            foreach (var language in PathwayTemplateSources.Languages)
            {
                if (await templates.FindForProcessAsync(key, language, definition.Key, version, cancellationToken) is not null)
                {
                    continue;
                }

                if (PathwayTemplateSources.Find(folder, editionFile, key, language) is not { } source)
                {
                    LogTemplateMissing(logger, definition.Key, definition.Version, key, language.ToCode());
                    continue;
                }

                known ??= await TemplateVariables.ForAsync(model, (form, ct) => FormFieldsAsync(formFiles, form, ct),
                    (table, ct) => reads.ConditionTableOutputsAsync(table, ct), cancellationToken);
                byte[] docx;
                try
                {
                    docx = TemplateMarkup.ToDocx(await File.ReadAllTextAsync(source, cancellationToken), language);
                }
                catch (FormatException ex)
                {
                    LogTemplateRefused(logger, source, ex.Message);
                    continue;
                }

                var result = await templates.UploadAsync(new TemplateUpload(key, language, TemplateDocumentTypes.For(key), definition.Key, version, docx,
                    [.. known]), cancellationToken);
                if (result.Succeeded)
                {
                    LogTemplateSeeded(logger, key, language.ToCode(), definition.Key, definition.Version);
                }
                else
                {
                    LogTemplateRefused(logger, source, string.Join("; ", result.Problems.Select(p => $"{p.Location}: {p.Message}")));
                }
            }
        }
    }

    private static async Task<IReadOnlyCollection<string>?> FormFieldsAsync(
        IReadOnlyDictionary<string, string> formFiles, string formKey, CancellationToken cancellationToken)
    {
        if (!formFiles.TryGetValue(formKey, out var path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        return await System.Text.Json.Nodes.JsonNode.ParseAsync(stream, cancellationToken: cancellationToken) is System.Text.Json.Nodes.JsonObject form
            ? [.. FormSchema.Parse(form).Keys]
            : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Key} version {Version} from {File}, in force from {EffectiveFrom}")]
    private static partial void LogPublished(ILogger logger, string key, int version, string file, string effectiveFrom);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Key} has a draft in edit; {File} was not loaded over it")]
    private static partial void LogDraftInTheWay(ILogger logger, string key, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Template {TemplateKey} ({Language}) stored for {Key} version {Version}")]
    private static partial void LogTemplateSeeded(ILogger logger, string templateKey, string language, string key, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Key} version {Version} renders {TemplateKey} but its folder has no {Language} source for it")]
    private static partial void LogTemplateMissing(ILogger logger, string key, int version, string templateKey, string language);

    [LoggerMessage(Level = LogLevel.Error, Message = "The template source {File} was refused: {Problems}")]
    private static partial void LogTemplateRefused(ILogger logger, string file, string problems);

    [LoggerMessage(Level = LogLevel.Error, Message = "{File} was refused: {Problems}")]
    private static partial void LogRejected(ILogger logger, string file, string problems);
}
