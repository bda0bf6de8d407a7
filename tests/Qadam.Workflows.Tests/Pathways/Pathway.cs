using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Definitions;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Tests.Definitions;
using Qadam.Workflows.Versions;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>A folder of <c>workflows/</c>: its manifest (pathway.json), BPMN editions, forms and tables.</summary>
internal sealed class Pathway
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The document templates the API registers (made separately as DOCX).</summary>
    public static readonly IReadOnlySet<string> TemplateKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "order-transfer", "council-protocol-extract", "trustees-protocol-extract", "parent-notice", "living-conditions-act", "psychologist-conclusion",
        "weather-order", "emergency-order-school", "individual-schedule", "online-curriculum-order", "university-order", "student-notice",
        "online-admission-order", "online-admission-notice", "university-emergency-order", "approved-disciplines",
    };

    private Pathway(string folder, PathwayManifest manifest)
    {
        Folder = folder;
        Manifest = manifest;
    }

    public static string WorkflowsFolder { get; } = Path.Combine(RepositoryFiles.Root, "workflows");

    /// <summary>Names of the folders that hold a pathway.json.</summary>
    public static IEnumerable<string> Names =>
        Directory.GetDirectories(WorkflowsFolder)
            .Where(d => File.Exists(Path.Combine(d, "pathway.json")))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

    public string Folder { get; }

    public PathwayManifest Manifest { get; }

    public static Pathway Load(string name)
    {
        var folder = Path.Combine(WorkflowsFolder, name);
        var manifest = JsonSerializer.Deserialize<PathwayManifest>(File.ReadAllText(Path.Combine(folder, "pathway.json")), Json)
                       ?? throw new InvalidOperationException($"{name}/pathway.json is empty");
        return new Pathway(folder, manifest);
    }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Folder, relativePath));

    /// <summary>Form keys: the names of forms/*.form.json.</summary>
    public IReadOnlySet<string> FormKeys =>
        Directory.Exists(Path.Combine(Folder, "forms"))
            ? Directory.GetFiles(Path.Combine(Folder, "forms"), "*.form.json")
                .Select(f => Path.GetFileName(f)[..^".form.json".Length]).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

    /// <summary>What the folder's BPMN may refer to: its forms and tables, the API's activities and templates.</summary>
    public DefinitionCatalog Catalog => new(
        Activities: FakeActivities.Names,
        FormKeys: FormKeys,
        TemplateKeys: TemplateKeys,
        TableKeys: Manifest.Tables.Select(t => t.Key).ToHashSet(StringComparer.Ordinal),
        DefinitionKeys: new HashSet<string>(CalledKeys.Append(Manifest.Key), StringComparer.Ordinal));

    /// <summary>The definition keys the editions' call activities start (the shared distance regime of 349 para 15 / 103 para 5).</summary>
    public IReadOnlySet<string> CalledKeys =>
        Manifest.Editions.SelectMany(e => System.Text.RegularExpressions.Regex.Matches(Read(e.File), "calledElement=\"([^\"]+)\"")
            .Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);

    /// <summary>True when an edition or a table of the folder counts working days: Kazakhstan's calendar must be in force.</summary>
    private bool CountsWorkingDays =>
        Manifest.Editions.Select(e => e.File).Concat(Manifest.Tables.Select(t => t.File)).Any(f => Read(f).Contains("WorkingDays", StringComparison.OrdinalIgnoreCase));

    /// <summary>Publishes the tables, then the editions (all, or those whose file is named), with the manifest's dates.</summary>
    public async Task PublishAsync(EngineFixture fixture, params string[] editionFiles)
    {
        // A called definition must be in force when the call activity is reached: publish its folder first.
        foreach (var called in CalledKeys.Where(k => !string.Equals(k, Manifest.Key, StringComparison.Ordinal)))
        {
            await Load(called).PublishAsync(fixture);
        }

        if (CountsWorkingDays && !string.Equals(Manifest.Key, "calendar", StringComparison.Ordinal))
        {
            await Load("calendar").PublishAsync(fixture);
        }

        await using var host = fixture.NewHost(FakeActivities.All());
        foreach (var table in Manifest.Tables.OrderBy(t => t.EffectiveFrom))
        {
            if (await AlreadyPublishedAsync(host, table.Key, table.EffectiveFrom))
            {
                continue;
            }

            var draft = await host.Definitions.SaveDraftAsync(DefinitionKind.ConditionTable, table.Key, Read(table.File), "legal.r1");
            await host.Definitions.PublishAsync(table.Key, draft.Version, table.EffectiveFrom, table.LegalBasis.ToModel(), "legal.r1");
        }

        foreach (var edition in Manifest.Editions.Where(e => editionFiles.Length == 0 || editionFiles.Contains(e.File)))
        {
            if (await AlreadyPublishedAsync(host, Manifest.Key, edition.EffectiveFrom))
            {
                continue;
            }

            var draft = await host.Definitions.SaveDraftAsync(DefinitionKind.Bpmn, Manifest.Key, Read(edition.File), "legal.r1", Catalog);
            await host.Definitions.PublishAsync(Manifest.Key, draft.Version, edition.EffectiveFrom, edition.LegalBasis.ToModel(), "legal.r1");
        }
    }

    private static Task<bool> AlreadyPublishedAsync(EngineHost host, string key, DateOnly effectiveFrom) =>
        host.Db.Definitions.AnyAsync(d => d.Key == key && d.EffectiveFrom == effectiveFrom && d.Status == DefinitionStatus.Published);
}

/// <summary>workflows/&lt;pathway&gt;/pathway.json.</summary>
internal sealed record PathwayManifest(
    string Key, string NameKk, string NameRu, IReadOnlyList<PathwayEdition> Editions, IReadOnlyList<PathwayTable> Tables);

/// <summary>One BPMN edition and the date it comes into force.</summary>
internal sealed record PathwayEdition(string File, DateOnly EffectiveFrom, ManifestLegalBasis LegalBasis);

/// <summary>One version of a condition table and the date it comes into force.</summary>
internal sealed record PathwayTable(string Key, string File, DateOnly EffectiveFrom, ManifestLegalBasis LegalBasis);

/// <summary>The act, edition and paragraph a version carries out.</summary>
internal sealed record ManifestLegalBasis(string Act, string? Edition, string? Paragraph)
{
    public LegalBasis ToModel() => new(Act, Edition, Paragraph);
}
