using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qadam.Api.Features.Audit;

/// <summary>
/// One link of the append-only audit chain: who did what, for which case under which process
/// version and legal basis, the SHA-256 of the payload, and the hash of the previous event. The database refuses
/// UPDATE, DELETE and TRUNCATE on the table (trigger in migration <c>IdentityRostersAndAudit</c>).
/// </summary>
public sealed class AuditEvent
{
    /// <summary>The previous hash of the first event.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private AuditEvent()
    {
        Actor = Role = Action = PayloadDigest = PreviousHash = Hash = string.Empty;
    }

    /// <summary>
    /// An event not yet placed in the chain: the database gives it its sequence, previous hash and hash at COMMIT
    /// (migration <c>Audit_PlacedAtCommit</c>) from <see cref="ContentDigest"/>, so none is computed here.
    /// </summary>
    internal AuditEvent(DateTimeOffset occurredAt, AuditActor actor, AuditEntry entry)
        : this()
    {
        // PostgreSQL keeps microseconds; the hash covers what is stored, so drop the rest before hashing.
        OccurredAt = new DateTimeOffset(occurredAt.UtcTicks - (occurredAt.UtcTicks % 10), TimeSpan.Zero);
        Actor = actor.Name;
        Role = actor.Roles;
        OrganisationCode = actor.OrganisationCode;
        Action = entry.Action;
        CaseId = entry.CaseId;
        ProcessKey = entry.ProcessKey;
        ProcessVersion = entry.ProcessVersion;
        LegalBasis = entry.LegalBasis;
        PayloadDigest = Convert.ToHexStringLower(SHA256.HashData(entry.Payload));
    }

    /// <summary>Position in the chain, 1, 2, 3 … without gaps.</summary>
    public long Sequence { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>User name, or client id for an integration, or <c>system</c> for the engine.</summary>
    public string Actor { get; private set; }

    /// <summary>The actor's roles when acting, comma-separated.</summary>
    public string Role { get; private set; }

    public string? OrganisationCode { get; private set; }

    public string Action { get; private set; }

    public Guid? CaseId { get; private set; }

    public string? ProcessKey { get; private set; }

    public int? ProcessVersion { get; private set; }

    public string? LegalBasis { get; private set; }

    /// <summary>SHA-256 of the command's payload, lower-case hex.</summary>
    public string PayloadDigest { get; private set; }

    public string PreviousHash { get; private set; }

    public string Hash { get; private set; }

    /// <summary>
    /// The hash this event is written with (v2): SHA-256 of <c>{ContentDigest}:{Sequence}:{PreviousHash}</c>, which covers every
    /// other column. The part that depends on the chain's head is plain text, so PostgreSQL computes it when it places the
    /// event at COMMIT (<see cref="AuditTrail.AppendAsync"/>, migration <c>Audit_PlacedAtCommit</c>).
    /// </summary>
    public string ComputeHash() => ChainHash(ContentDigest(), Sequence, PreviousHash);

    /// <summary>Whether the stored hash matches the columns, under the v2 hash or the v1 hash events were written with before it.</summary>
    public bool HashHolds() =>
        string.Equals(Hash, ComputeHash(), StringComparison.Ordinal) || string.Equals(Hash, ComputeHashV1(), StringComparison.Ordinal);

    /// <summary>SHA-256 of every column but the sequence and the previous hash, serialised as one JSON array so no two rows hash the same text.</summary>
    internal string ContentDigest()
    {
        var canonical = JsonSerializer.Serialize<object?[]>(
        [
            "qadam-audit-v2",
            OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            Actor, Role, OrganisationCode, Action, CaseId?.ToString(), ProcessKey, ProcessVersion, LegalBasis, PayloadDigest,
        ]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>The v2 link: the same text PostgreSQL hashes in <c>qadam.audit_place_pending()</c> (hex digests, decimal sequence).</summary>
    internal static string ChainHash(string contentDigest, long sequence, string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{contentDigest}:{sequence}:{previousHash}"))));

    /// <summary>The v1 hash (events written before v2): SHA-256 over every other column as one JSON array.</summary>
    internal string ComputeHashV1()
    {
        var canonical = JsonSerializer.Serialize<object?[]>(
        [
            "qadam-audit-v1", Sequence,
            OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            Actor, Role, OrganisationCode, Action, CaseId?.ToString(), ProcessKey, ProcessVersion, LegalBasis,
            PayloadDigest, PreviousHash,
        ]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("audit_events");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.Role).HasMaxLength(512);
        builder.Property(e => e.OrganisationCode).HasMaxLength(32);
        builder.Property(e => e.Action).HasMaxLength(128);
        builder.Property(e => e.ProcessKey).HasMaxLength(128);
        builder.Property(e => e.LegalBasis).HasMaxLength(1000);
        builder.Property(e => e.PayloadDigest).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(e => e.CaseId);
    }
}
