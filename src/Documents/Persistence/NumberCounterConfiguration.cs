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
        builder.Property(c => c.OrganisationCode).HasMaxLength(50);
        builder.Property(c => c.DocumentType).HasMaxLength(50);
        builder.Property(c => c.Year);
        builder.Property(c => c.LastSequence);
    }
}
