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
        builder.Property(s => s.Id).HasColumnName("id");
        builder.Property(s => s.Position).HasColumnName("position").UseIdentityAlwaysColumn();
        builder.Property(s => s.DocumentId).HasColumnName("document_id");
        builder.Property(s => s.SignerSubject).HasColumnName("signer_subject").HasMaxLength(1000);
        builder.Property(s => s.SignerIin).HasColumnName("signer_iin").HasMaxLength(12).IsFixedLength();
        builder.Property(s => s.SignerBin).HasColumnName("signer_bin").HasMaxLength(12).IsFixedLength();
        builder.Property(s => s.CertificateThumbprint).HasColumnName("certificate_thumbprint").HasMaxLength(64);
        builder.Property(s => s.SigningTime).HasColumnName("signing_time");
        builder.Property(s => s.Cms).HasColumnName("cms");
        builder.Property(s => s.Origin).HasColumnName("origin").HasMaxLength(10).HasConversion<string>();
        builder.Property(s => s.SignedPackage).HasColumnName("signed_package");
        builder.Property(s => s.SignedPackageSha256).HasColumnName("signed_package_sha256").HasMaxLength(64).IsFixedLength();
        builder.Property(s => s.AcceptedAt).HasColumnName("accepted_at");
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
