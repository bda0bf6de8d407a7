using System.Data.Common;
using System.Text.Json.Nodes;
using Qadam.Workflows.Definitions.Model;

namespace Qadam.Workflows.Execution;

/// <summary>
/// C# code bound by name to service tasks (qadam:activity). The engine knows activities only by
/// name; the API registers the ones that join engine and documents (render document, notify …).
/// Throw <see cref="BpmnErrorException"/> for a business error a boundary event may catch; any other
/// exception is a failure that is retried with back-off and becomes an incident when retries run out.
/// </summary>
public interface IProcessActivity
{
    /// <summary>The name service tasks use in qadam:activity.</summary>
    string Name { get; }

    /// <summary>Does the work inside the job's transaction (<see cref="ActivityContext.Transaction"/>).</summary>
    Task ExecuteAsync(ActivityContext context, CancellationToken cancellationToken);
}

/// <summary>A business error thrown by an activity, caught by an error boundary event with the same code.</summary>
public sealed class BpmnErrorException(string errorCode, string message) : Exception(message)
{
    /// <summary>The BPMN error code.</summary>
    public string ErrorCode { get; } = errorCode;
}

/// <summary>What an activity sees and may do: read variables, set variables, write outbox messages, use the transaction.</summary>
public sealed class ActivityContext
{
    internal ActivityContext(ProcessInstance instance, ServiceTask node, JsonObject variables, DbConnection connection,
        DbTransaction? transaction, DateTimeOffset now)
    {
        InstanceId = instance.Id;
        BusinessKey = instance.BusinessKey;
        DefinitionKey = instance.DefinitionKey;
        DefinitionVersion = instance.DefinitionVersion;
        ReferenceDate = instance.ReferenceDate;
        ElementId = node.Id;
        Extension = node.Extension;
        Variables = (JsonObject)variables.DeepClone();
        Connection = connection;
        Transaction = transaction;
        Now = now;
    }

    /// <summary>The instance.</summary>
    public Guid InstanceId { get; }

    /// <summary>The instance's business key (case id).</summary>
    public string? BusinessKey { get; }

    /// <summary>Definition key.</summary>
    public string DefinitionKey { get; }

    /// <summary>Definition version the instance runs.</summary>
    public int DefinitionVersion { get; }

    /// <summary>The filing date of the case.</summary>
    public DateOnly ReferenceDate { get; }

    /// <summary>The service task's BPMN id.</summary>
    public string ElementId { get; }

    /// <summary>The service task's extension attributes (template key, legal basis, labels).</summary>
    public QadamAttributes Extension { get; }

    /// <summary>A copy of the instance variables.</summary>
    public JsonObject Variables { get; }

    /// <summary>The open connection of the job's transaction.</summary>
    public DbConnection Connection { get; }

    /// <summary>The job's transaction: enlist other contexts with Database.UseTransaction.</summary>
    public DbTransaction? Transaction { get; }

    /// <summary>The command's time.</summary>
    public DateTimeOffset Now { get; }

    internal JsonObject Output { get; } = [];

    internal List<OutboxMessage> Outbox { get; } = [];

    /// <summary>Sets a variable on the instance when the activity succeeds.</summary>
    public void SetVariable(string name, JsonNode? value) => Output[name] = value;

    /// <summary>Writes a side effect to the outbox, delivered after commit.</summary>
    public void Send(string topic, JsonObject payload) =>
        Outbox.Add(new OutboxMessage { Topic = topic, InstanceId = InstanceId, Payload = payload, CreatedAt = Now, DueAt = Now });
}

/// <summary>The activities known by name; the validator checks service tasks against it at upload.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, IProcessActivity> _byName;

    /// <summary>Collects the registered activities.</summary>
    public ActivityRegistry(IEnumerable<IProcessActivity> activities)
    {
        _byName = activities.ToDictionary(a => a.Name, StringComparer.Ordinal);
    }

    /// <summary>Names of every registered activity.</summary>
    public IReadOnlySet<string> Names => _byName.Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>The activity with this name, if registered.</summary>
    public IProcessActivity? Find(string name) => _byName.GetValueOrDefault(name);
}
