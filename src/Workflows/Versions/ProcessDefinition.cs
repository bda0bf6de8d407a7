using System.Security.Cryptography;
using System.Text;
using Qadam.Workflows.Definitions.Model;

namespace Qadam.Workflows.Versions;

/// <summary>What a definition holds: a BPMN process or a condition table.</summary>
public enum DefinitionKind
{
    /// <summary>BPMN 2.0 XML.</summary>
    Bpmn,

    /// <summary>A condition table (JSON) evaluated by business-rule steps.</summary>
    ConditionTable,
}

/// <summary>The life of a version: edited as a draft, published (then immutable), retired.</summary>
public enum DefinitionStatus
{
    /// <summary>Editable; not used by cases.</summary>
    Draft,

    /// <summary>In force from its effective date; never changes again.</summary>
    Published,

    /// <summary>No longer bound to new cases; running cases keep it.</summary>
    Retired,
}

/// <summary>
/// One numbered version of a definition key. A case binds to the latest published version whose
/// effective-from date is on or before the case's filing date (the edition of the order in force),
/// and keeps it for life; a published version is immutable.
/// </summary>
public sealed class ProcessDefinition
{
    private ProcessDefinition()
    {
        Key = Content = ContentSha256 = CreatedBy = string.Empty;
    }

    internal ProcessDefinition(DefinitionKind kind, string key, int version, string content, string? name, string actor, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Kind = kind;
        Key = key;
        Version = version;
        Name = name;
        Status = DefinitionStatus.Draft;
        CreatedAt = now;
        CreatedBy = actor;
        Content = content;
        ContentSha256 = Sha256(content);
    }

    /// <summary>Database id of this version.</summary>
    public Guid Id { get; private set; }

    /// <summary>Process or table.</summary>
    public DefinitionKind Kind { get; private set; }

    /// <summary>The definition key, e.g. "parent-application".</summary>
    public string Key { get; private set; }

    /// <summary>1, 2, 3 … per key.</summary>
    public int Version { get; private set; }

    /// <summary>Human name (the BPMN process name).</summary>
    public string? Name { get; private set; }

    /// <summary>Draft, published or retired.</summary>
    public DefinitionStatus Status { get; private set; }

    /// <summary>First filing date this version applies to (set when published).</summary>
    public DateOnly? EffectiveFrom { get; private set; }

    /// <summary>The act and edition this version transcribes (set when published).</summary>
    public LegalBasis? LegalBasis { get; private set; }

    /// <summary>BPMN XML or table JSON.</summary>
    public string Content { get; private set; }

    /// <summary>SHA-256 of <see cref="Content"/>, hex.</summary>
    public string ContentSha256 { get; private set; }

    /// <summary>When the draft was created.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Who created the draft.</summary>
    public string CreatedBy { get; private set; }

    /// <summary>When it was published.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>Who published it.</summary>
    public string? PublishedBy { get; private set; }

    /// <summary>Names of messages that start this process (message start events), for correlation.</summary>
    public List<string> StartMessages { get; private set; } = [];

    /// <summary>Names of signals that start this process (signal start events), for broadcasts.</summary>
    public List<string> StartSignals { get; private set; } = [];

    internal void SetStartSignals(IEnumerable<string> signals) => StartSignals = [.. signals];

    internal void ReplaceDraftContent(string content, string? name)
    {
        if (Status != DefinitionStatus.Draft)
        {
            throw new DefinitionImmutableException(Key, Version);
        }

        Content = content;
        Name = name;
        ContentSha256 = Sha256(content);
    }

    internal void Publish(DateOnly effectiveFrom, LegalBasis legalBasis, IEnumerable<string> startMessages, string actor, DateTimeOffset now)
    {
        if (Status != DefinitionStatus.Draft)
        {
            throw new DefinitionImmutableException(Key, Version);
        }

        Status = DefinitionStatus.Published;
        EffectiveFrom = effectiveFrom;
        LegalBasis = legalBasis;
        StartMessages = [.. startMessages];
        PublishedAt = now;
        PublishedBy = actor;
    }

    /// <summary>
    /// Moves a published version's effective date (the legal department found the act's real publication day). Only the date
    /// changes; content and legal basis stay, and cases already bound keep their version.
    /// </summary>
    internal void CorrectEffectiveFrom(DateOnly effectiveFrom)
    {
        if (Status != DefinitionStatus.Published)
        {
            throw new DefinitionImmutableException(Key, Version);
        }

        EffectiveFrom = effectiveFrom;
    }

    internal void Retire()
    {
        if (Status != DefinitionStatus.Published)
        {
            throw new DefinitionImmutableException(Key, Version);
        }

        Status = DefinitionStatus.Retired;
    }

    private static string Sha256(string content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
}
