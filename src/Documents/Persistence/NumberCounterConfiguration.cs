using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qadam.Documents.Registry;

namespace Qadam.Documents.Persistence;

internal sealed class NumberCounterConfiguration : IEntityTypeConfiguration<NumberCounter>
{
    public void Configure(EntityTypeBuilder<NumberCounter> builder)
    {
        builder.ToTable("number_counters");
        builder.HasKey(c => new { c.OrganisationCode, c.DocumentType, c.Year });
        builder.Property(c => c.OrganisationCode).HasColumnName("organisation_code").HasMaxLength(50);
        builder.Property(c => c.DocumentType).HasColumnName("document_type").HasMaxLength(50);
        builder.Property(c => c.Year).HasColumnName("year");
        builder.Property(c => c.LastSequence).HasColumnName("last_sequence");
    }
}
