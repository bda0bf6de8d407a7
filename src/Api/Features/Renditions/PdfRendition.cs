using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qadam.Api.Features.Renditions;

/// <summary>
/// A PDF to read a registered document on a phone (a phone opens a PDF, not a DOCX), rendered by LibreOffice from the
/// signed DOCX. The DOCX stays the signed original; this copy carries no legal weight and is made again whenever the
/// DOCX it came from changes (a new signature).
/// </summary>
public sealed class PdfRendition
{
    public Guid DocumentId { get; init; }

    /// <summary>SHA-256 (hex) of the DOCX bytes the PDF was rendered from.</summary>
    public required string SourceSha256 { get; set; }

    public required byte[] Pdf { get; set; }

    public DateTimeOffset RenderedAt { get; set; }
}

internal sealed class PdfRenditionConfiguration : IEntityTypeConfiguration<PdfRendition>
{
    public void Configure(EntityTypeBuilder<PdfRendition> builder)
    {
        builder.ToTable("document_pdf_renditions");
        builder.HasKey(r => r.DocumentId);
        builder.Property(r => r.SourceSha256).HasMaxLength(64).IsFixedLength();
    }
}
