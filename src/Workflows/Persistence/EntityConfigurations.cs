using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Versions;

namespace Qadam.Workflows.Persistence;

internal sealed class ProcessDefinitionConfiguration : IEntityTypeConfiguration<ProcessDefinition>
{
    public void Configure(EntityTypeBuilder<ProcessDefinition> builder)
    {
        builder.ToTable("definitions");
        builder.HasIndex(d => new { d.Key, d.Version }).IsUnique();
        builder.HasIndex(d => new { d.Key, d.Status, d.EffectiveFrom });
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Key).HasMaxLength(100);
        builder.Property(d => d.ContentSha256).HasMaxLength(64);
        builder.Property(d => d.LegalBasis).StoredAsJson();
    }
}

internal sealed class ProcessInstanceConfiguration : IEntityTypeConfiguration<ProcessInstance>
{
    public void Configure(EntityTypeBuilder<ProcessInstance> builder)
    {
        builder.ToTable("instances");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.StateJson).HasColumnName("state").HasColumnType("jsonb");
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.RowVersion).IsRowVersion();
        builder.HasIndex(i => i.BusinessKey);
        builder.HasIndex(i => new { i.ParentInstanceId, i.ParentTokenId });
        builder.HasIndex(i => new { i.DefinitionId, i.Status });
    }
}

internal sealed class ProcessTaskConfiguration : IEntityTypeConfiguration<ProcessTask>
{
    public void Configure(EntityTypeBuilder<ProcessTask> builder)
    {
        builder.ToTable("tasks");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Output).HasColumnType("jsonb");
        // The element may be any JSON (a member object, or a plain string such as a school code); Npgsql writes
        // only objects and arrays as JsonNode, so it goes through its text.
        builder.Property(t => t.LoopElement).HasColumnType("jsonb").HasConversion(
            v => v == null ? null : v.ToJsonString(null),
            v => v == null ? null : System.Text.Json.Nodes.JsonNode.Parse(v, null, default),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<System.Text.Json.Nodes.JsonNode?>(
                (a, b) => System.Text.Json.Nodes.JsonNode.DeepEquals(a, b), v => v == null ? 0 : v.ToJsonString(null).GetHashCode(StringComparison.Ordinal), v => v));
        builder.Property(t => t.LegalBasis).StoredAsJson();
        builder.HasIndex(t => new { t.InstanceId, t.TokenId });
        // The inbox: open tasks of an organisation for a role, soonest due first.
        builder.HasIndex(t => new { t.Organisation, t.Status, t.DueAt });
        builder.HasIndex(t => t.CandidateRoles).HasMethod("gin");
        builder.HasIndex(t => t.BusinessKey);
    }
}

internal sealed class ProcessTimerConfiguration : IEntityTypeConfiguration<ProcessTimer>
{
    public void Configure(EntityTypeBuilder<ProcessTimer> builder)
    {
        builder.ToTable("timers");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasIndex(t => t.DueAt);
        builder.HasIndex(t => new { t.InstanceId, t.TokenId });
    }
}

internal sealed class MessageSubscriptionConfiguration : IEntityTypeConfiguration<MessageSubscription>
{
    public void Configure(EntityTypeBuilder<MessageSubscription> builder)
    {
        builder.ToTable("subscriptions");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasIndex(s => new { s.MessageName, s.CorrelationKey });
        builder.Property(s => s.EventType).HasMaxLength(20).HasDefaultValue(SubscriptionKinds.Message);
        builder.HasIndex(s => new { s.InstanceId, s.TokenId });
    }
}

internal sealed class ProcessJobConfiguration : IEntityTypeConfiguration<ProcessJob>
{
    public void Configure(EntityTypeBuilder<ProcessJob> builder)
    {
        builder.ToTable("jobs");
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.HasIndex(j => new { j.Stalled, j.DueAt });
        builder.HasIndex(j => new { j.InstanceId, j.TokenId });
    }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("incidents");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.HasIndex(i => i.InstanceId);
    }
}

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> builder)
    {
        builder.ToTable("journal");
        builder.Property(j => j.Id).UseIdentityAlwaysColumn();
        builder.Property(j => j.Data).HasColumnType("jsonb");
        builder.HasIndex(j => new { j.InstanceId, j.Id });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox");
        builder.Property(o => o.Id).UseIdentityAlwaysColumn();
        builder.Property(o => o.Payload).HasColumnType("jsonb");
        builder.HasIndex(o => new { o.ProcessedAt, o.DueAt });
    }
}

internal sealed class CommandRecordConfiguration : IEntityTypeConfiguration<CommandRecord>
{
    public void Configure(EntityTypeBuilder<CommandRecord> builder)
    {
        builder.ToTable("commands");
        builder.HasKey(c => c.Key);
        builder.Property(c => c.ResultJson).HasColumnName("result").HasColumnType("jsonb");
    }
}
