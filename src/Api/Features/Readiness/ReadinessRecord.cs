using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qadam.Api.Features.Organisations;

namespace Qadam.Api.Features.Readiness;

/// <summary>A TVET programme as entered in the Register of educational programmes (349 Annex 1 para 1(7), 103 Annex 3 para 1(7)).</summary>
public sealed record TvetProgrammeEntry(string SpecialityCode, string Name, string RegisterEntry);

/// <summary>
/// What a head shows for a requirement; each edition's item names the fields it needs (<see cref="ReadinessRequirement.Evidence"/>).
/// </summary>
public sealed record ReadinessEvidence(
    string? InternetConnection = null,
    string? AccessMeans = null,
    string? LmsName = null,
    string? LmsUrl = null,
    string? TeacherDocuments = null,
    int? TeachersTotal = null,
    int? TeachersCertified = null,
    IReadOnlyList<string>? CertifiedTeachers = null,
    IReadOnlyList<string>? DigitalResources = null,
    IReadOnlyList<TvetProgrammeEntry>? Programmes = null,
    string? Informatisation = null)
{
    /// <summary>The evidence field names an edition may require, as they appear in JSON.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "internetConnection", "accessMeans", "lmsName", "lmsUrl", "teacherDocuments", "teachersTotal", "teachersCertified",
        "certifiedTeachers", "digitalResources", "programmes", "informatisation",
    ];

    /// <summary>Share of teachers with ICT certificates, in per cent, when both counts are known.</summary>
    public decimal? CertifiedShare => TeachersTotal is > 0 && TeachersCertified is { } certified
        ? Math.Round(100m * certified / TeachersTotal.Value, 1)
        : null;
}

/// <summary>One requirement as the head attested it.</summary>
public sealed record ReadinessItem(string Key, bool Met, ReadinessEvidence? Evidence = null);

/// <summary>
/// An organisation's readiness for distance learning under one edition of the requirements, attested by its head:
/// which items are met, with what evidence, when, and until when it holds. A new attestation under the same edition
/// replaces the items (the audit chain keeps every version); a new edition needs a new record.
/// </summary>
public sealed class ReadinessRecord
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private ReadinessRecord()
    {
        ItemsJson = AttestedBy = AttestedByName = string.Empty;
    }

    public ReadinessRecord(Guid organisationId, Guid editionId, DateTimeOffset now)
        : this()
    {
        Id = Guid.CreateVersion7(now);
        OrganisationId = organisationId;
        EditionId = editionId;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid EditionId { get; private set; }

    public string ItemsJson { get; private set; }

    /// <summary>The head's user name.</summary>
    public string AttestedBy { get; private set; }

    public string AttestedByName { get; private set; }

    public DateTimeOffset AttestedAt { get; private set; }

    public DateOnly ValidUntil { get; private set; }

    /// <summary>1 for the first attestation, +1 for each re-attestation under the same edition.</summary>
    public int Revision { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<ReadinessItem> Items() => JsonSerializer.Deserialize<List<ReadinessItem>>(ItemsJson, Json) ?? [];

    public void Attest(IReadOnlyList<ReadinessItem> items, string userName, string displayName, DateOnly validUntil, DateTimeOffset now)
    {
        ItemsJson = JsonSerializer.Serialize(items, Json);
        AttestedBy = userName;
        AttestedByName = displayName;
        AttestedAt = now;
        ValidUntil = validUntil;
        Revision++;
    }
}

internal sealed class ReadinessRecordConfiguration : IEntityTypeConfiguration<ReadinessRecord>
{
    public void Configure(EntityTypeBuilder<ReadinessRecord> builder)
    {
        builder.ToTable("readiness_records");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.OrganisationId, r.EditionId }).IsUnique();
        builder.Property(r => r.ItemsJson).HasColumnType("jsonb");
        builder.Property(r => r.AttestedBy).HasMaxLength(256);
        builder.Property(r => r.AttestedByName).HasMaxLength(300);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReadinessEdition>().WithMany().HasForeignKey(r => r.EditionId).OnDelete(DeleteBehavior.Restrict);
    }
}
