using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qadam.Api.Features.Cases;

namespace Qadam.Api.Features.Notifications;

/// <summary>
/// A notice a case's "notify" step sent to the student's parents (the decision, a refusal with its reasons, a return), as
/// the parents' feed shows it: the step's kk/ru text and the paragraph it carries out. One per outbox message, so a
/// message delivered twice is one notice.
/// </summary>
public sealed class CaseNotice
{
    private CaseNotice()
    {
        ElementId = TextKk = TextRu = string.Empty;
    }

    public CaseNotice(long messageId, Guid caseId, Guid studentId, string elementId, string textKk, string textRu, string? legalBasis,
        DateTimeOffset createdAt)
        : this()
    {
        MessageId = messageId;
        CaseId = caseId;
        StudentId = studentId;
        ElementId = elementId;
        TextKk = textKk;
        TextRu = textRu;
        LegalBasis = legalBasis;
        CreatedAt = createdAt;
    }

    public long MessageId { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid StudentId { get; private set; }

    public string ElementId { get; private set; }

    public string TextKk { get; private set; }

    public string TextRu { get; private set; }

    public string? LegalBasis { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}

internal sealed class CaseNoticeConfiguration : IEntityTypeConfiguration<CaseNotice>
{
    public void Configure(EntityTypeBuilder<CaseNotice> builder)
    {
        builder.ToTable("case_notices");
        builder.HasKey(n => n.MessageId);
        builder.Property(n => n.MessageId).ValueGeneratedNever();
        builder.Property(n => n.ElementId).HasMaxLength(200);
        builder.Property(n => n.TextKk).HasMaxLength(2000);
        builder.Property(n => n.TextRu).HasMaxLength(2000);
        builder.Property(n => n.LegalBasis).HasMaxLength(1000);
        builder.HasIndex(n => n.StudentId);
        builder.HasOne<Case>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
