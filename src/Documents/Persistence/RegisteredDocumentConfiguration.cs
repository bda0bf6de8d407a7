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
        builder.Property(d => d.Id);
        builder.Property(d => d.RegistryNumber).HasMaxLength(100);
        builder.Property(d => d.OrganisationCode).HasMaxLength(50);
        builder.Property(d => d.DocumentType).HasMaxLength(50);
        builder.Property(d => d.Year);
        builder.Property(d => d.Sequence);
        builder.Property(d => d.Content);
        builder.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(d => d.TemplateKey).HasMaxLength(100);
        builder.Property(d => d.TemplateVersion);
        builder.Property(d => d.ProcessKey).HasMaxLength(200);
        builder.Property(d => d.ProcessVersion).HasMaxLength(50);
        builder.Property(d => d.Language).HasMaxLength(2)
            .HasConversion(l => l.ToCode(), c => DocumentLanguageExtensions.ParseLanguageCode(c));
        builder.Property(d => d.CaseReference).HasMaxLength(100);
        builder.Property(d => d.CreatedAt);

        // The last line of defence against duplicate numbers, behind the counter row.
        builder.HasIndex(d => new { d.OrganisationCode, d.DocumentType, d.Year, d.Sequence }).IsUnique();
        builder.HasIndex(d => new { d.OrganisationCode, d.RegistryNumber }).IsUnique();
        builder.HasIndex(d => d.CaseReference);
        builder.HasIndex(d => d.Sha256);
    }
}
