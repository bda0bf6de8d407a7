using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qadam.Api.Features.EmergencyOrders;

/// <summary>
/// An order of an emergency commission or akimat moving a territory's (or a list of organisations') students to
/// distance learning for a period. Known by issuing body and number: the same order
/// posted twice is one order.
/// </summary>
public sealed class EmergencyOrder
{
    private EmergencyOrder()
    {
        IssuingBody = Number = Ground = PostedBy = PathwayKey = string.Empty;
    }

    public EmergencyOrder(
        string issuingBody, string number, DateOnly date, string? territory, IReadOnlyList<string> organisations, DateOnly periodFrom,
        DateOnly periodTo, string ground, string postedBy, DateTimeOffset now)
        : this()
    {
        Id = Guid.CreateVersion7(now);
        IssuingBody = issuingBody;
        Number = number;
        Date = date;
        Territory = territory;
        Organisations = [.. organisations];
        PeriodFrom = periodFrom;
        PeriodTo = periodTo;
        Ground = ground;
        PostedBy = postedBy;
        PostedAt = now;
    }

    public Guid Id { get; private set; }

    public string IssuingBody { get; private set; }

    public string Number { get; private set; }

    public DateOnly Date { get; private set; }

    /// <summary>The region or district code the order covers, when it names a territory.</summary>
    public string? Territory { get; private set; }

    /// <summary>Codes of the schools and colleges concerned (the territory's, or those the order lists).</summary>
    public List<string> Organisations { get; private set; } = [];

    public DateOnly PeriodFrom { get; private set; }

    public DateOnly PeriodTo { get; private set; }

    public string Ground { get; private set; }

    /// <summary>The user or integration client that posted it.</summary>
    public string PostedBy { get; private set; }

    public DateTimeOffset PostedAt { get; private set; }

    public string PathwayKey { get; private set; }

    public int DefinitionVersion { get; private set; }

    public Guid? ProcessInstanceId { get; private set; }

    public void Bind(string pathwayKey, Guid instanceId, int version)
    {
        PathwayKey = pathwayKey;
        ProcessInstanceId = instanceId;
        DefinitionVersion = version;
    }
}

internal sealed class EmergencyOrderConfiguration : IEntityTypeConfiguration<EmergencyOrder>
{
    public void Configure(EntityTypeBuilder<EmergencyOrder> builder)
    {
        builder.ToTable("emergency_orders");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.IssuingBody).HasMaxLength(300);
        builder.Property(o => o.Number).HasMaxLength(64);
        builder.HasIndex(o => new { o.IssuingBody, o.Number }).IsUnique();
        builder.Property(o => o.Territory).HasMaxLength(32);
        builder.Property(o => o.Ground).HasMaxLength(2000);
        builder.Property(o => o.PostedBy).HasMaxLength(256);
        builder.Property(o => o.PathwayKey).HasMaxLength(100);
    }
}
