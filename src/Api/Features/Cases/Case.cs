using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Features.Students;
using Qadam.Workflows.Execution;

namespace Qadam.Api.Features.Cases;

/// <summary>The statuses a case shows; derived from its process instance (see <see cref="Case.Follow"/>).</summary>
public static class CaseStatus
{
    public const string InProgress = "inProgress";
    public const string Decided = "decided";
    public const string Refused = "refused";
    public const string Returned = "returned";
    public const string Closed = "closed";
    public const string Cancelled = "cancelled";
    public const string Failed = "failed";

    // Set by a running process's set-case-status steps (workflows/README.md): the student is learning at a
    // distance, back in class, or a TVET curriculum is registered or sent back for revision.
    public const string Transferred = "transferred";
    public const string Registered = "registered";
    public const string Revision = "revision";

    // A university student admitted to online learning by the rector's order (order 97 para 29).
    public const string Admitted = "admitted";

    public static readonly IReadOnlyList<string> All =
        [InProgress, Transferred, Registered, Revision, Admitted, Decided, Refused, Returned, Closed, Cancelled, Failed];

    /// <summary>Outcomes a finished process may name, by the variable <c>caseStatus</c> or by the id of the end event it reached.</summary>
    public static readonly IReadOnlyList<string> Outcomes = [Transferred, Registered, Revision, Admitted, Decided, Refused, Returned, Closed];
}

/// <summary>
/// An application about one student on one pathway: numbered per organisation and year, bound for
/// life to the definition version in force on its filing date, moved by its process instance. The case owns its
/// status, which follows the instance: active is in progress; a finished instance names its outcome.
/// </summary>
public sealed class Case
{
    private Case()
    {
        Number = PathwayKey = Ground = Language = ApplicantName = ApplicantId = Status = DataJson = string.Empty;
    }

    public Case(
        Guid organisationId, string organisationCode, int year, int sequence, string pathwayKey, Guid studentId, string ground,
        DateOnly filedOn, string language, string applicantId, string applicantName, JsonObject? data, string? idempotencyKey, DateTimeOffset now)
        : this()
    {
        Id = Guid.CreateVersion7(now);
        OrganisationId = organisationId;
        Year = year;
        Sequence = sequence;
        // The registry number the school writes on paper: organisation, year, running number (s1-2026-00017).
        Number = $"{organisationCode}-{year}-{sequence:D5}";
        PathwayKey = pathwayKey;
        StudentId = studentId;
        Ground = ground;
        FiledOn = filedOn;
        Language = language;
        ApplicantId = applicantId;
        ApplicantName = applicantName;
        DataJson = (data ?? []).ToJsonString();
        IdempotencyKey = idempotencyKey;
        Status = CaseStatus.InProgress;
        CreatedAt = UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; }

    public Guid OrganisationId { get; private set; }

    public int Year { get; private set; }

    public int Sequence { get; private set; }

    public string PathwayKey { get; private set; }

    public int DefinitionVersion { get; private set; }

    public Guid? ProcessInstanceId { get; private set; }

    public Guid StudentId { get; private set; }

    public string Ground { get; private set; }

    public DateOnly FiledOn { get; private set; }

    /// <summary>The applicant's language, kk or ru: the language of the case's letters and decisions.</summary>
    public string Language { get; private set; }

    /// <summary>The subject of the applicant's token (user id).</summary>
    public string ApplicantId { get; private set; }

    public string ApplicantName { get; private set; }

    public string Status { get; private set; }

    /// <summary>Extra application data as filed (JSON), also given to the process as the variable <c>data</c>.</summary>
    public string DataJson { get; private set; }

    /// <summary>The applicant's Idempotency-Key header, if one was sent: a replay returns this case.</summary>
    public string? IdempotencyKey { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public void Bind(Guid instanceId, int version, DateTimeOffset now)
    {
        ProcessInstanceId = instanceId;
        DefinitionVersion = version;
        UpdatedAt = now;
    }

    /// <summary>
    /// Takes the status from the instance: active is in progress; cancelled and failed say so; a completed instance
    /// ends in the outcome the process named (variable <c>caseStatus</c>, else the id of its last end event when that is
    /// an outcome's name), or closed. Returns true when the status changed.
    /// </summary>
    public bool Follow(InstanceStatus instance, string? outcome, DateTimeOffset now)
    {
        var status = instance switch
        {
            // A running process may already have decided (the order is signed, the student learns at a distance).
            InstanceStatus.Active => outcome is not null && CaseStatus.Outcomes.Contains(outcome, StringComparer.Ordinal) ? outcome : CaseStatus.InProgress,
            InstanceStatus.Cancelled => CaseStatus.Cancelled,
            InstanceStatus.Failed => CaseStatus.Failed,
            _ => outcome is not null && CaseStatus.Outcomes.Contains(outcome, StringComparer.Ordinal) ? outcome : CaseStatus.Closed,
        };
        if (string.Equals(status, Status, StringComparison.Ordinal))
        {
            return false;
        }

        Status = status;
        UpdatedAt = now;
        return true;
    }
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Number).HasMaxLength(64);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => new { c.OrganisationId, c.Year, c.Sequence }).IsUnique();
        builder.Property(c => c.PathwayKey).HasMaxLength(100);
        builder.Property(c => c.Ground).HasMaxLength(2000);
        builder.Property(c => c.Language).HasMaxLength(2).IsFixedLength();
        builder.Property(c => c.ApplicantId).HasMaxLength(100);
        builder.Property(c => c.ApplicantName).HasMaxLength(256);
        builder.Property(c => c.Status).HasMaxLength(16);
        builder.Property(c => c.DataJson).HasColumnName("data").HasColumnType("jsonb");
        builder.Property(c => c.IdempotencyKey).HasMaxLength(100);
        builder.HasIndex(c => new { c.ApplicantId, c.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
        builder.HasIndex(c => c.ProcessInstanceId);
        builder.HasIndex(c => new { c.OrganisationId, c.Status, c.FiledOn });
        builder.HasIndex(c => c.StudentId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Student>().WithMany().HasForeignKey(c => c.StudentId).OnDelete(DeleteBehavior.Restrict);
    }
}
