using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qadam.Api.Features.Readiness;

/// <summary>
/// One requirement of an edition: order 349 Annex 1 para 1 / order 103 Annex 3 para 1, sub-paragraphs 1) to 8).
/// <see cref="Evidence"/> names the facts a head gives when attesting that it is met (<see cref="ReadinessEvidence"/>).
/// </summary>
public sealed record ReadinessRequirement(
    string Key, string Paragraph, string TextKk, string TextRu, bool TvetOnly, IReadOnlyList<string> Evidence, string? ParagraphKk = null);

/// <summary>
/// An edition of the requirements to organisations providing distance learning, as data: the legal department
/// publishes a new one when the annex changes (order 103 of 02.05.2025 replaced Annex 1 of order 349 by its Annex 3),
/// and the edition in force on a day is the latest whose <see cref="EffectiveFrom"/> is not after it.
/// </summary>
public sealed class ReadinessEdition
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private ReadinessEdition()
    {
        Act = ActKk = EditionLabel = Paragraph = ParagraphKk = TitleKk = TitleRu = ItemsJson = ContentSha256 = PublishedBy = string.Empty;
    }

    public ReadinessEdition(
        int version, DateOnly effectiveFrom, string act, string actKk, string editionLabel, string paragraph, string paragraphKk, string titleKk,
        string titleRu, IReadOnlyList<ReadinessRequirement> items, string contentSha256, string publishedBy, DateTimeOffset publishedAt)
        : this()
    {
        Id = Guid.CreateVersion7(publishedAt);
        Version = version;
        EffectiveFrom = effectiveFrom;
        Act = act;
        ActKk = actKk;
        EditionLabel = editionLabel;
        Paragraph = paragraph;
        ParagraphKk = paragraphKk;
        TitleKk = titleKk;
        TitleRu = titleRu;
        ItemsJson = JsonSerializer.Serialize(items, Json);
        ContentSha256 = contentSha256;
        PublishedBy = publishedBy;
        PublishedAt = publishedAt;
    }

    public Guid Id { get; private set; }

    /// <summary>1, 2, 3 … in the order of publication.</summary>
    public int Version { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>The act in Russian, as the pathways' <c>qadam:legalBasis</c> cite it.</summary>
    public string Act { get; private set; }

    public string ActKk { get; private set; }

    /// <summary>The edition's year as the pathways name it: 2023, 2025.</summary>
    public string EditionLabel { get; private set; }

    /// <summary>Where the list stands: «приложение 1, п. 1» (349) or «приложение 3, п. 1» (103).</summary>
    public string Paragraph { get; private set; }

    /// <summary>The same place in Kazakh: «1-қосымша, 1-тармақ».</summary>
    public string ParagraphKk { get; private set; }

    public string TitleKk { get; private set; }

    public string TitleRu { get; private set; }

    public string ItemsJson { get; private set; }

    /// <summary>SHA-256 of the published file or request, so a restart publishes a workflows file once.</summary>
    public string ContentSha256 { get; private set; }

    public string PublishedBy { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    public IReadOnlyList<ReadinessRequirement> Items() =>
        JsonSerializer.Deserialize<List<ReadinessRequirement>>(ItemsJson, Json) ?? [];

    /// <summary>The requirements that apply to an organisation: sub-para 7) only to TVET organisations (colleges).</summary>
    public IReadOnlyList<ReadinessRequirement> ItemsFor(bool tvet) => [.. Items().Where(i => tvet || !i.TvetOnly)];

    public string Cite() => $"{Act}, {Paragraph}";

    public string CiteKk() => $"{ActKk}, {(ParagraphKk.Length > 0 ? ParagraphKk : Paragraph)}";
}

internal sealed class ReadinessEditionConfiguration : IEntityTypeConfiguration<ReadinessEdition>
{
    public void Configure(EntityTypeBuilder<ReadinessEdition> builder)
    {
        builder.ToTable("readiness_editions");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.Version).IsUnique();
        builder.HasIndex(e => e.EffectiveFrom).IsUnique();
        builder.Property(e => e.Act).HasMaxLength(1000);
        builder.Property(e => e.ActKk).HasMaxLength(1000);
        builder.Property(e => e.EditionLabel).HasMaxLength(32);
        builder.Property(e => e.Paragraph).HasMaxLength(300);
        builder.Property(e => e.ParagraphKk).HasMaxLength(300);
        builder.Property(e => e.TitleKk).HasMaxLength(1000);
        builder.Property(e => e.TitleRu).HasMaxLength(1000);
        builder.Property(e => e.ItemsJson).HasColumnType("jsonb");
        builder.Property(e => e.ContentSha256).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.PublishedBy).HasMaxLength(256);
    }
}
