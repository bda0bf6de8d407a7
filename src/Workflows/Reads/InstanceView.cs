using System.Text.Json.Nodes;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Reads;

/// <summary>How an instance stands, as a host may read it (its stored state stays the engine's own).</summary>
/// <param name="Id">The instance.</param>
/// <param name="DefinitionKey">Its definition key.</param>
/// <param name="DefinitionVersion">The version it runs.</param>
/// <param name="BusinessKey">The host's key (the case id).</param>
/// <param name="Status">Active or how it ended.</param>
/// <param name="CaseStatus">The variable <c>caseStatus</c> when the process set it.</param>
/// <param name="Outcome">The declared outcome: <paramref name="CaseStatus"/>, else the end event a completed instance reached.</param>
/// <param name="Variables">A copy of its process-level variables.</param>
/// <param name="WaitingAt">Element ids where its tokens wait.</param>
/// <param name="LegalBasis">The act and edition of its version.</param>
/// <param name="ReferenceDate">The filing date that chose the version.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="EndedAt">When it ended, if it has.</param>
public sealed record InstanceView(
    Guid Id, string DefinitionKey, int DefinitionVersion, string? BusinessKey, InstanceStatus Status, string? CaseStatus, string? Outcome,
    JsonObject Variables, IReadOnlyList<string> WaitingAt, LegalBasis? LegalBasis, DateOnly ReferenceDate, DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt);
