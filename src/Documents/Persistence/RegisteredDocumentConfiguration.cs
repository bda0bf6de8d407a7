using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qadam.Documents.Registry;
using Qadam.Documents.Rendering;

namespace Qadam.Documents.Persistence;

internal sealed class RegisteredDocumentConfiguration : IEntityTypeConfiguration<RegisteredDocument>
{
    public void Configure(EntityTypeBuilder<RegisteredDocument> builder)
    {
        builder.ToTable("documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasColumnName("id");
        builder.Property(d => d.RegistryNumber).HasColumnName("registry_number").HasMaxLength(100);
        builder.Property(d => d.OrganisationCode).HasColumnName("organisation_code").HasMaxLength(50);
        builder.Property(d => d.DocumentType).HasColumnName("document_type").HasMaxLength(50);
        builder.Property(d => d.Year).HasColumnName("year");
        builder.Property(d => d.Sequence).HasColumnName("sequence");
        builder.Property(d => d.Content).HasColumnName("content");
        builder.Property(d => d.Sha256).HasColumnName("sha256").HasMaxLength(64).IsFixedLength();
        builder.Property(d => d.TemplateKey).HasColumnName("template_key").HasMaxLength(100);
        builder.Property(d => d.TemplateVersion).HasColumnName("template_version");
        builder.Property(d => d.ProcessKey).HasColumnName("process_key").HasMaxLength(200);
        builder.Property(d => d.ProcessVersion).HasColumnName("process_version").HasMaxLength(50);
        builder.Property(d => d.Language).HasColumnName("language").HasMaxLength(2)
            .HasConversion(l => l.ToCode(), c => DocumentLanguageExtensions.ParseLanguageCode(c));
        builder.Property(d => d.CaseReference).HasColumnName("case_reference").HasMaxLength(100);
        builder.Property(d => d.CreatedAt).HasColumnName("created_at");

        // The last line of defence against duplicate numbers, behind the counter row.
        builder.HasIndex(d => new { d.OrganisationCode, d.DocumentType, d.Year, d.Sequence }).IsUnique();
        builder.HasIndex(d => new { d.OrganisationCode, d.RegistryNumber }).IsUnique();
        builder.HasIndex(d => d.CaseReference);
        builder.HasIndex(d => d.Sha256);
    }
}
