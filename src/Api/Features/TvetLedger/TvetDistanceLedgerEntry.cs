using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qadam.Api.Features.Cases;
using Qadam.Api.Features.Students;

namespace Qadam.Api.Features.TvetLedger;

/// <summary>
/// One decided TVET transfer to distance learning in a student's ledger: the academic hours of one programme moved to a
/// distance by one case. The 20 % cap is "over the whole period of study" (order 349 Annex 2 paras 18-19, 2025 Annex 1
/// paras 8-9), so the cap table reads the sum of these rows, not one case's hours alone. One row per case: recording the
/// same decision twice changes nothing.
/// </summary>
public sealed class TvetDistanceLedgerEntry
{
    private TvetDistanceLedgerEntry()
    {
        Programme = string.Empty;
        CaseNumber = string.Empty;
        DefinitionKey = string.Empty;
    }

    public TvetDistanceLedgerEntry(
        Guid caseId, string caseNumber, Guid studentId, Guid organisationId, string programme, int distanceHours, int totalHours,
        string definitionKey, int definitionVersion, DateOnly decidedOn, DateTimeOffset recordedAt)
    {
        Id = Guid.CreateVersion7(recordedAt);
        CaseId = caseId;
        CaseNumber = caseNumber;
        StudentId = studentId;
        OrganisationId = organisationId;
        Programme = programme;
        DistanceHours = distanceHours;
        TotalHours = totalHours;
        DefinitionKey = definitionKey;
        DefinitionVersion = definitionVersion;
        DecidedOn = decidedOn;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The case whose signed order moved the hours.</summary>
    public Guid CaseId { get; private set; }

    public string CaseNumber { get; private set; }

    public Guid StudentId { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>The educational programme (its code as the council names it); the cap is per programme.</summary>
    public string Programme { get; private set; }

    /// <summary>Academic hours moved to a distance, without industrial training and professional practice (para 18 / 8).</summary>
    public int DistanceHours { get; private set; }

    /// <summary>All academic hours of the working curriculum, on the same footing.</summary>
    public int TotalHours { get; private set; }

    /// <summary>The pathway and version that decided it.</summary>
    public string DefinitionKey { get; private set; }

    public int DefinitionVersion { get; private set; }

    public DateOnly DecidedOn { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}

internal sealed class TvetDistanceLedgerConfiguration : IEntityTypeConfiguration<TvetDistanceLedgerEntry>
{
    public void Configure(EntityTypeBuilder<TvetDistanceLedgerEntry> builder)
    {
        builder.ToTable("tvet_distance_ledger");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.CaseNumber).HasMaxLength(100);
        builder.Property(e => e.Programme).HasMaxLength(100);
        builder.Property(e => e.DefinitionKey).HasMaxLength(100);
        builder.HasIndex(e => e.CaseId).IsUnique();
        builder.HasIndex(e => new { e.StudentId, e.Programme });
        builder.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Student>().WithMany().HasForeignKey(e => e.StudentId).OnDelete(DeleteBehavior.Restrict);
    }
}
