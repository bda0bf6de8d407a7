using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Definitions;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Persistence;
using Qadam.Workflows.Versions;

namespace Qadam.Api.Hosting;

/// <summary>
/// Publishes the pathways of <c>workflows/</c> at start (issue 6: "loaded at first start"): every
/// condition table and every edition named by a <c>pathway.json</c>, with its effective date and
/// legal basis. Idempotent: content already published under its key is skipped, so a restart adds
/// nothing and a new file in a later release is published once. A draft the legal department is
/// editing is never overwritten.
/// </summary>
internal sealed partial class PathwaySeeder(DefinitionStore store, WorkflowsDbContext db, ILogger<PathwaySeeder> logger)
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

        var forms = Directory.EnumerateFiles(root, "*.form.json", SearchOption.AllDirectories)
            .Select(p => Path.GetFileName(p)[..^".form.json".Length]).ToHashSet(StringComparer.Ordinal);
        var references = new DefinitionCatalog(FormKeys: forms);

        // Tables first: processes name them, and validation checks that they exist.
        foreach (var (folder, table) in manifests
                     .SelectMany(m => (m.Manifest.Tables ?? []).Select(t => (m.Folder, Entry: t)))
                     .OrderBy(t => t.Entry.EffectiveFrom))
        {
            await PublishOnceAsync(DefinitionKind.ConditionTable, table.Key ?? Path.GetFileName(table.File).Split('.')[0],
                Path.Combine(folder, table.File), table, references, cancellationToken);
        }

        foreach (var (folder, manifest) in manifests)
        {
            foreach (var edition in manifest.Editions.OrderBy(e => e.EffectiveFrom))
            {
                await PublishOnceAsync(DefinitionKind.Bpmn, manifest.Key, Path.Combine(folder, edition.File), edition, references, cancellationToken);
            }
        }
    }

    private async Task PublishOnceAsync(DefinitionKind kind, string key, string file, ManifestEntry entry, DefinitionCatalog references,
        CancellationToken cancellationToken)
    {
        var content = await File.ReadAllTextAsync(file, cancellationToken);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
        var versions = await db.Definitions.AsNoTracking().Where(d => d.Key == key)
            .Select(d => new { d.Version, d.Status, d.ContentSha256 }).ToListAsync(cancellationToken);
        if (versions.Any(v => v.Status != DefinitionStatus.Draft && string.Equals(v.ContentSha256, sha, StringComparison.Ordinal)))
        {
            return;
        }

        if (versions.Any(v => v.Status == DefinitionStatus.Draft))
        {
            LogDraftInTheWay(logger, key, file);
            return;
        }

        try
        {
            var draft = await store.SaveDraftAsync(kind, key, content, Actor, references, cancellationToken);
            await store.PublishAsync(key, draft.Version, entry.EffectiveFrom, entry.LegalBasis, Actor, cancellationToken);
            LogPublished(logger, key, draft.Version, file, entry.EffectiveFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (DefinitionRejectedException ex)
        {
            // A broken file must not stop the service; the log names every problem so it can be fixed.
            LogRejected(logger, file, string.Join("; ", ex.Problems));
            db.ChangeTracker.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Key} version {Version} from {File}, in force from {EffectiveFrom}")]
    private static partial void LogPublished(ILogger logger, string key, int version, string file, string effectiveFrom);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Key} has a draft in edit; {File} was not loaded over it")]
    private static partial void LogDraftInTheWay(ILogger logger, string key, string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "{File} was refused: {Problems}")]
    private static partial void LogRejected(ILogger logger, string file, string problems);
}
