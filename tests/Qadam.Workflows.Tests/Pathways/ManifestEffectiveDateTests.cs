using System.Text.Json.Nodes;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// No order's text states its publication day, so every <c>effectiveFrom</c> is derived: each manifest entry names where the
/// date comes from and says whether it is assumed, so the legal department sees which dates to confirm.
/// </summary>
public sealed class ManifestEffectiveDateTests
{
    public static TheoryData<string> Manifests => [.. Pathway.Names];

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Every_edition_and_table_names_the_source_of_its_effective_date_and_whether_it_is_assumed(string name)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Pathway.WorkflowsFolder, name, "pathway.json")))!;
        var entries = (manifest["editions"]?.AsArray() ?? []).Concat(manifest["tables"]?.AsArray() ?? []).ToList();

        Assert.NotEmpty(entries);
        Assert.All(entries, entry =>
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)entry!["effectiveFromSource"]), $"{name}: {entry["file"]} names no source");
            Assert.NotNull(entry["effectiveFromAssumed"]?.GetValue<bool>());
        });
    }
}
