using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qadam.Api.Features.Idempotency;

/// <summary>
/// The first request a caller sent with an Idempotency-Key to one target (method and path): its body's fingerprint, so
/// that a retry can be told from a different request that reuses the key (draft-ietf-httpapi-idempotency-key-header
/// section 2.6). The result itself is replayed by the engine or the case, not kept here.
/// </summary>
public sealed class IdempotencyRecord
{
    public required string Subject { get; init; }

    /// <summary>"POST /api/tasks/{id}/complete" with the id: a key is the caller's, per target.</summary>
    public required string Target { get; init; }

    public required string Key { get; init; }

    /// <summary>SHA-256 of the request body as the endpoint bound it (whitespace and property order do not count).</summary>
    public required byte[] Fingerprint { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(r => new { r.Subject, r.Target, r.Key });
        builder.Property(r => r.Subject).HasMaxLength(100);
        builder.Property(r => r.Target).HasMaxLength(300);
        builder.Property(r => r.Key).HasMaxLength(100);
        builder.Property(r => r.Fingerprint).HasMaxLength(32);
    }
}
