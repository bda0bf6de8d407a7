using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qadam.Api.Features.Cases;

namespace Qadam.Api.Features.Evidence;

/// <summary>
/// A file attached to a case as evidence (a medical certificate, a parent's application scan): kept in PostgreSQL
/// with its SHA-256, never changed after upload. The media type is the one its first bytes prove, not the one claimed.
/// </summary>
public sealed class CaseEvidence
{
    private CaseEvidence()
    {
        FileName = MediaType = Sha256 = UploadedBy = string.Empty;
        Content = [];
    }

    public CaseEvidence(Guid caseId, string fileName, string mediaType, byte[] content, string uploadedBy, DateTimeOffset now)
        : this()
    {
        Id = Guid.CreateVersion7(now);
        CaseId = caseId;
        FileName = fileName;
        MediaType = mediaType;
        Content = content;
        Length = content.LongLength;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        UploadedBy = uploadedBy;
        UploadedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public string FileName { get; private set; }

    public string MediaType { get; private set; }

    public long Length { get; private set; }

    public string Sha256 { get; private set; }

    public byte[] Content { get; private set; }

    public string UploadedBy { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }
}

internal sealed class CaseEvidenceConfiguration : IEntityTypeConfiguration<CaseEvidence>
{
    public void Configure(EntityTypeBuilder<CaseEvidence> builder)
    {
        builder.ToTable("case_evidence");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.FileName).HasMaxLength(255);
        builder.Property(e => e.MediaType).HasMaxLength(64);
        builder.Property(e => e.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.UploadedBy).HasMaxLength(256);
        builder.HasIndex(e => e.CaseId);
        builder.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
