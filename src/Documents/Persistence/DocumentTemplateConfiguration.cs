using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qadam.Documents.Rendering;
using Qadam.Documents.Templates;

namespace Qadam.Documents.Persistence;

internal sealed class DocumentTemplateConfiguration : IEntityTypeConfiguration<DocumentTemplate>
{
    public void Configure(EntityTypeBuilder<DocumentTemplate> builder)
    {
        builder.ToTable("templates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id);
        builder.Property(t => t.Key).HasMaxLength(100);
        builder.Property(t => t.Version);
        builder.Property(t => t.Language).HasMaxLength(2)
            .HasConversion(l => l.ToCode(), c => DocumentLanguageExtensions.ParseLanguageCode(c));
        builder.Property(t => t.DocumentType).HasMaxLength(50);
        builder.Property(t => t.ProcessKey).HasMaxLength(200);
        builder.Property(t => t.ProcessVersion).HasMaxLength(50);
        builder.Property(t => t.Content);
        builder.Property(t => t.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(t => t.UploadedAt);
        builder.HasIndex(t => new { t.Key, t.Language, t.Version }).IsUnique();
        builder.HasIndex(t => new { t.ProcessKey, t.ProcessVersion });
    }
}
