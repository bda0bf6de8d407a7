using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qadam.Api.Features.Organisations;

namespace Qadam.Api.Features.MassTransfers;

/// <summary>Which way a mass transfer moves its students.</summary>
public static class TransferDirection
{
    /// <summary>To distance learning (the order takes effect).</summary>
    public const string Distance = "distance";

    /// <summary>Back to learning in class (the order's period ended).</summary>
    public const string Return = "return";
}

/// <summary>Where a mass transfer, or one school of it, stands.</summary>
public static class TransferStatus
{
    public const string Running = "running";
    public const string Completed = "completed";

    /// <summary>
    /// An organisation of the territory the transfer does not move: a TVET organisation running medical, pharmaceutical or
    /// pedagogical programmes where the edition excludes it (349 Annex 2 para 3-1, 103 Annex 1 para 3).
    /// </summary>
    public const string Excluded = "excluded";
}

/// <summary>
/// One mass-transfer step of a process instance: the students of many schools moved at once by an emergency
/// order or a weather decision. Its schools are done one transaction each, so a crash loses at most the school in
/// flight and the step resumes where it stopped.
/// </summary>
public sealed class MassTransfer
{
    private MassTransfer()
    {
        ElementId = Direction = Status = DefinitionKey = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid InstanceId { get; private set; }

    public string ElementId { get; private set; }

    public string DefinitionKey { get; private set; }

    public int DefinitionVersion { get; private set; }

    /// <summary>The emergency order behind it, when there is one (weather decisions have none).</summary>
    public Guid? OrderId { get; private set; }

    public string Direction { get; private set; }

    public string Status { get; private set; }

    public DateOnly PeriodFrom { get; private set; }

    public DateOnly PeriodTo { get; private set; }

    public int Total { get; private set; }

    public int Done { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }
}

/// <summary>One school of a mass transfer: how many of its students are moved, and whether it is done.</summary>
public sealed class MassTransferSchool
{
    private MassTransferSchool()
    {
        Status = string.Empty;
    }

    public Guid TransferId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public int Total { get; private set; }

    public int Done { get; private set; }

    public string Status { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Why none of its students were moved (status "excluded"), in Kazakh; null when it was not excluded.</summary>
    public string? ExclusionReasonKk { get; private set; }

    /// <summary>The same reason in Russian.</summary>
    public string? ExclusionReasonRu { get; private set; }

    /// <summary>The paragraph that excludes it (349 para 3-1 / 103 para 3), as the exclusion table states it.</summary>
    public string? ExclusionLegalBasis { get; private set; }
}

/// <summary>
/// A student moved by a mass transfer, one row per (student, transfer), so replaying a school cannot move anyone twice. The
/// row is also the notice to the student's parents that the transfer moved the child: its kk/ru sentence is composed when
/// the parents read their feed, from the transfer and its order, so the bulk write carries no prose and no second row.
/// </summary>
public sealed class StudentTransfer
{
    public Guid TransferId { get; private set; }

    public Guid StudentId { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>When the student was moved, which is when the parents' notice was written.</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary>The parent's IIN from the roster when the student was moved, when known.</summary>
    public string? ParentIin { get; private set; }
}

internal sealed class MassTransferConfiguration :
    IEntityTypeConfiguration<MassTransfer>, IEntityTypeConfiguration<MassTransferSchool>, IEntityTypeConfiguration<StudentTransfer>
{
    public void Configure(EntityTypeBuilder<MassTransfer> builder)
    {
        builder.ToTable("mass_transfers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.ElementId).HasMaxLength(200);
        builder.Property(t => t.DefinitionKey).HasMaxLength(100);
        builder.Property(t => t.Direction).HasMaxLength(16);
        builder.Property(t => t.Status).HasMaxLength(16);
        // The step is known by its instance and element: the job that runs it again finds it.
        builder.HasIndex(t => new { t.InstanceId, t.ElementId }).IsUnique();
        builder.HasIndex(t => t.OrderId);
    }

    public void Configure(EntityTypeBuilder<MassTransferSchool> builder)
    {
        builder.ToTable("mass_transfer_schools");
        builder.HasKey(s => new { s.TransferId, s.OrganisationId });
        builder.Property(s => s.Status).HasMaxLength(16);
        builder.Property(s => s.ExclusionReasonKk).HasMaxLength(1000);
        builder.Property(s => s.ExclusionReasonRu).HasMaxLength(1000);
        builder.Property(s => s.ExclusionLegalBasis).HasMaxLength(500);
        builder.HasOne<MassTransfer>().WithMany().HasForeignKey(s => s.TransferId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }

    // Hundreds of thousands of rows a minute: every index entry costs about as much as the row, and the rows once went to
    // two tables (status and parent notice), each with its B-tree (bench/MassTransfer, "One row per student"). Now one row
    // per student, keyed by student first, so the one B-tree serves the uniqueness, the parents' feed (by student) and a
    // return's "students this instance moved" (probed per student). What reads a transfer's rows as a whole (the weather
    // decision's counts) takes the BRIN index: a transfer's rows are written together, so they fill consecutive pages and a
    // block range's summary names one transfer; it costs next to nothing to keep (autosummarize summarises each filled range
    // in the background, https://www.postgresql.org/docs/15/brin-intro.html#BRIN-OPERATION). No foreign keys slow the
    // inserts: the ids come from the students table in the same statement.
    public void Configure(EntityTypeBuilder<StudentTransfer> builder)
    {
        builder.ToTable("student_transfers");
        builder.HasKey(s => new { s.StudentId, s.TransferId });
        builder.Property(s => s.ParentIin).HasMaxLength(12).IsFixedLength();
        builder.HasIndex(s => s.TransferId).HasMethod("brin").HasStorageParameter("autosummarize", true);
    }
}
