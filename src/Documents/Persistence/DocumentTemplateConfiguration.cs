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
        builder.Property(t => t.Id).HasColumnName("id");
        builder.Property(t => t.Key).HasColumnName("key").HasMaxLength(100);
        builder.Property(t => t.Version).HasColumnName("version");
        builder.Property(t => t.Language).HasColumnName("language").HasMaxLength(2)
            .HasConversion(l => l.ToCode(), c => DocumentLanguageExtensions.ParseLanguageCode(c));
        builder.Property(t => t.DocumentType).HasColumnName("document_type").HasMaxLength(50);
        builder.Property(t => t.ProcessKey).HasColumnName("process_key").HasMaxLength(200);
        builder.Property(t => t.ProcessVersion).HasColumnName("process_version").HasMaxLength(50);
        builder.Property(t => t.Content).HasColumnName("content");
        builder.Property(t => t.Sha256).HasColumnName("sha256").HasMaxLength(64).IsFixedLength();
        builder.Property(t => t.UploadedAt).HasColumnName("uploaded_at");
        builder.HasIndex(t => new { t.Key, t.Language, t.Version }).IsUnique();
        builder.HasIndex(t => new { t.ProcessKey, t.ProcessVersion });
    }
}
