using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qadam.Api.Features.Organisations;

namespace Qadam.Api.Features.Universities;

/// <summary>
/// A regional education department's emergency order as a university registered it (order 97 para 2), kept so that a
/// student's case filed while it is in force is decided with the emergency's lifted caps (para 27): from the order's
/// date to the end of its period.
/// </summary>
public sealed class UniversityEmergency
{
    private UniversityEmergency()
    {
        IssuerCode = Number = string.Empty;
    }

    public UniversityEmergency(Guid universityId, string issuerCode, string number, DateOnly orderDate, DateOnly periodFrom, DateOnly periodTo,
        Guid processInstanceId, DateTimeOffset registeredAt)
    {
        Id = Guid.CreateVersion7();
        UniversityId = universityId;
        IssuerCode = issuerCode;
        Number = number;
        OrderDate = orderDate;
        PeriodFrom = periodFrom;
        PeriodTo = periodTo;
        ProcessInstanceId = processInstanceId;
        RegisteredAt = registeredAt;
    }

    public Guid Id { get; private set; }

    public Guid UniversityId { get; private set; }

    /// <summary>The code of the regional education department that issued the order.</summary>
    public string IssuerCode { get; private set; }

    public string Number { get; private set; }

    public DateOnly OrderDate { get; private set; }

    public DateOnly PeriodFrom { get; private set; }

    public DateOnly PeriodTo { get; private set; }

    /// <summary>The university-emergency instance the registration started.</summary>
    public Guid ProcessInstanceId { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }
}

internal sealed class UniversityEmergencyConfiguration : IEntityTypeConfiguration<UniversityEmergency>
{
    public void Configure(EntityTypeBuilder<UniversityEmergency> builder)
    {
        builder.ToTable("university_emergencies");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.IssuerCode).HasMaxLength(32);
        builder.Property(e => e.Number).HasMaxLength(64);
        builder.HasIndex(e => new { e.UniversityId, e.IssuerCode, e.Number }).IsUnique();
        builder.HasIndex(e => new { e.UniversityId, e.PeriodTo });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(e => e.UniversityId).OnDelete(DeleteBehavior.Restrict);
    }
}
