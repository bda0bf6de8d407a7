using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qadam.Api.Features.Audit;

/// <summary>
/// An audit event waiting in <c>qadam.audit_pending</c> for the COMMIT of the command it records, when a deferred trigger
/// places it in the chain (migration <c>Audit_PlacedAtCommit</c>). As an entity it is inserted by the command's own
/// <c>SaveChanges</c>, in the same round trip as the command's other rows (<see cref="AuditTrail.Enlist"/>), instead of one
/// round trip of its own after them. The row never outlives its transaction.
/// </summary>
internal sealed class PendingAuditEvent
{
    private PendingAuditEvent()
    {
        Actor = Role = Action = PayloadDigest = ContentDigest = string.Empty;
    }

    public PendingAuditEvent(AuditEvent audit)
    {
        OccurredAt = audit.OccurredAt;
        Actor = audit.Actor;
        Role = audit.Role;
        OrganisationCode = audit.OrganisationCode;
        Action = audit.Action;
        CaseId = audit.CaseId;
        ProcessKey = audit.ProcessKey;
        ProcessVersion = audit.ProcessVersion;
        LegalBasis = audit.LegalBasis;
        PayloadDigest = audit.PayloadDigest;
        ContentDigest = audit.ContentDigest();
    }

    public long Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public string Actor { get; private set; }

    public string Role { get; private set; }

    public string? OrganisationCode { get; private set; }

    public string Action { get; private set; }

    public Guid? CaseId { get; private set; }

    public string? ProcessKey { get; private set; }

    public int? ProcessVersion { get; private set; }

    public string? LegalBasis { get; private set; }

    public string PayloadDigest { get; private set; }

    public string ContentDigest { get; private set; }
}

/// <summary>The table as migration <c>Audit_PlacedAtCommit</c> made it.</summary>
internal sealed class PendingAuditEventConfiguration : IEntityTypeConfiguration<PendingAuditEvent>
{
    public void Configure(EntityTypeBuilder<PendingAuditEvent> builder)
    {
        builder.ToTable("audit_pending");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.Role).HasMaxLength(512);
        builder.Property(e => e.OrganisationCode).HasMaxLength(32);
        builder.Property(e => e.Action).HasMaxLength(128);
        builder.Property(e => e.ProcessKey).HasMaxLength(128);
        builder.Property(e => e.LegalBasis).HasMaxLength(1000);
        builder.Property(e => e.PayloadDigest).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.ContentDigest).HasMaxLength(64).IsFixedLength();
    }
}
