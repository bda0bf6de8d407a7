using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qadam.Documents.Registry;
using Qadam.Documents.Signatures;

namespace Qadam.Documents.Persistence;

internal sealed class DocumentSignatureConfiguration : IEntityTypeConfiguration<DocumentSignature>
{
    public void Configure(EntityTypeBuilder<DocumentSignature> builder)
    {
        builder.ToTable("signatures");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id);
        builder.Property(s => s.Position).UseIdentityAlwaysColumn();
        builder.Property(s => s.DocumentId);
        builder.Property(s => s.SignerSubject).HasMaxLength(1000);
        builder.Property(s => s.SignerIin).HasMaxLength(12).IsFixedLength();
        builder.Property(s => s.SignerBin).HasMaxLength(12).IsFixedLength();
        builder.Property(s => s.CertificateThumbprint).HasMaxLength(64);
        builder.Property(s => s.SigningTime);
        builder.Property(s => s.Cms);
        builder.Property(s => s.Origin).HasMaxLength(10).HasConversion<string>();
        builder.Property(s => s.SignedPackage);
        builder.Property(s => s.SignedPackageSha256).HasMaxLength(64).IsFixedLength();
        builder.Property(s => s.AcceptedAt);
        builder.HasOne<RegisteredDocument>().WithMany().HasForeignKey(s => s.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.DocumentId);
        // One signature per signer and document, on every node: a replay (same IIN, or the same certificate) is answered with
        // the first signature, and the database refuses a second one even if two requests pass the application's check at once.
        builder.HasIndex(s => new { s.DocumentId, s.SignerIin }).IsUnique().HasFilter("signer_iin IS NOT NULL")
            .HasDatabaseName("ix_signatures_document_id_signer_iin_unique");
        builder.HasIndex(s => new { s.DocumentId, s.CertificateThumbprint }).IsUnique()
            .HasDatabaseName("ix_signatures_document_id_certificate_thumbprint_unique");
        builder.HasIndex(s => s.SignedPackageSha256);
    }
}
