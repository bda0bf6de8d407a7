using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qadam.Api.Features.Organisations;

namespace Qadam.Api.Features.EmergencyOrders;

/// <summary>
/// An order of the education department of an oblast or of Astana, Almaty or Shymkent (order 349 para 5; order 103 para 22)
/// moving a territory's, a list of organisations', or particular classes' students to distance learning for a period. Known
/// by issuing body (the department's organisation code) and number: the same order posted twice is one order.
/// </summary>
public sealed class EmergencyOrder
{
    private EmergencyOrder()
    {
        IssuingBody = IssuerNameKk = IssuerNameRu = Number = Ground = PostedBy = PathwayKey = string.Empty;
    }

    public EmergencyOrder(
        Organisation issuer, string number, DateOnly date, string? territory, IReadOnlyList<string> organisations, DateOnly periodFrom,
        DateOnly periodTo, string ground, string postedBy, DateTimeOffset now)
        : this()
    {
        Id = Guid.CreateVersion7(now);
        IssuingBody = issuer.Code;
        IssuerNameKk = issuer.NameKk;
        IssuerNameRu = issuer.NameRu;
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

    /// <summary>The issuing education department's organisation code.</summary>
    public string IssuingBody { get; private set; }

    /// <summary>The issuer's name in Kazakh as it stood when the order arrived: printed in Kazakh documents.</summary>
    public string IssuerNameKk { get; private set; }

    /// <summary>The issuer's name in Russian as it stood when the order arrived: printed in Russian documents.</summary>
    public string IssuerNameRu { get; private set; }

    public string Number { get; private set; }

    public DateOnly Date { get; private set; }

    /// <summary>The region or district code the order covers, when it names a territory.</summary>
    public string? Territory { get; private set; }

    /// <summary>Codes of the schools and colleges concerned (the territory's, or those the order lists).</summary>
    public List<string> Organisations { get; private set; } = [];

    /// <summary>
    /// Classes or groups the order names within its organisations, as JSON <c>{"s1":["5А","5Б"]}</c>; null when whole
    /// organisations move. An organisation it lists no classes for moves whole.
    /// </summary>
    public string? ClassesJson { get; private set; }

    public DateOnly PeriodFrom { get; private set; }

    public DateOnly PeriodTo { get; private set; }

    public string Ground { get; private set; }

    /// <summary>The user or integration client that posted it.</summary>
    public string PostedBy { get; private set; }

    public DateTimeOffset PostedAt { get; private set; }

    public string PathwayKey { get; private set; }

    public int DefinitionVersion { get; private set; }

    public Guid? ProcessInstanceId { get; private set; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Classes =>
        ClassesJson is null ? null : System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, IReadOnlyList<string>>>(ClassesJson);

    public void ScopeToClasses(IReadOnlyDictionary<string, IReadOnlyList<string>> classes) =>
        ClassesJson = classes.Count == 0 ? null : System.Text.Json.JsonSerializer.Serialize(classes);

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
        builder.Property(o => o.IssuerNameKk).HasMaxLength(300);
        builder.Property(o => o.IssuerNameRu).HasMaxLength(300);
        builder.Property(o => o.ClassesJson).HasColumnName("classes").HasColumnType("jsonb");
        builder.Ignore(o => o.Classes);
        builder.Property(o => o.Number).HasMaxLength(64);
        builder.HasIndex(o => new { o.IssuingBody, o.Number }).IsUnique();
        builder.Property(o => o.Territory).HasMaxLength(32);
        builder.Property(o => o.Ground).HasMaxLength(2000);
        builder.Property(o => o.PostedBy).HasMaxLength(256);
        builder.Property(o => o.PathwayKey).HasMaxLength(100);
    }
}
