using System.Data.Common;
using Qadam.Workflows.Definitions.Model;

namespace Qadam.Workflows.Execution;

/// <summary>One command the engine ran on its own (a timer fired, a service task done, an incident raised).</summary>
/// <param name="Action">What happened, e.g. "timer-fired".</param>
/// <param name="InstanceId">The instance.</param>
/// <param name="BusinessKey">The instance's business key (case id).</param>
/// <param name="DefinitionKey">Definition key.</param>
/// <param name="DefinitionVersion">Version the instance runs.</param>
/// <param name="ElementId">The element that acted.</param>
/// <param name="LegalBasis">The element's legal basis, if it cites one.</param>
/// <param name="Detail">Free text: the activity, the error.</param>
public sealed record EngineCommandRecord(
    string Action, Guid InstanceId, string? BusinessKey, string DefinitionKey, int DefinitionVersion, string ElementId, LegalBasis? LegalBasis,
    string? Detail);

/// <summary>
/// Told of every command the engine runs by itself, inside that command's transaction, so a host can record
/// it (every command, HTTP or engine, writes an audit event) and the record commits with the change.
/// Commands a host issues itself (complete a task …) are the host's to record.
/// </summary>
public interface IEngineCommandObserver
{
    /// <summary>Records the command; <paramref name="transaction"/> is the command's, still open.</summary>
    Task RecordAsync(EngineCommandRecord record, DbTransaction transaction, CancellationToken cancellationToken);
}
