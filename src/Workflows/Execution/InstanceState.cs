using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Qadam.Workflows.Execution;

/// <summary>
/// The moving parts of an instance, stored as jsonb on its row: variables, tokens (where the
/// instance is) and scopes (entered sub-processes and multi-instance bodies).
/// </summary>
internal sealed class InstanceState
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public JsonObject Variables { get; set; } = [];

    public List<Token> Tokens { get; set; } = [];

    public List<ScopeInstance> Scopes { get; set; } = [];

    /// <summary>The event sub-processes that may start while their scope is active (null when none: the hot path writes nothing).</summary>
    public List<EventListener>? Listeners { get; set; }

    /// <summary>Completed activities that have a compensation handler, in order of completion (null when none).</summary>
    public List<CompensationRecord>? Compensable { get; set; }

    /// <summary>Counter for short token and scope ids, unique within the instance.</summary>
    public int NextId { get; set; }

    public string NewId(string prefix) => prefix + (++NextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public Token? FindToken(string id) => Tokens.Find(t => string.Equals(t.Id, id, StringComparison.Ordinal));

    public ScopeInstance? FindScope(string id) => Scopes.Find(s => string.Equals(s.Id, id, StringComparison.Ordinal));

    /// <summary>
    /// The variables only the token's activity instances hold, innermost first: its own (element, loopCounter), then each
    /// enclosing multi-instance body's counts and its instance's own; null when there are none (the usual case, cheap).
    /// Shared by the runner and by readers of a waiting task (its form prefilled from its instance's own values).
    /// </summary>
    public JsonObject? LocalsFor(Token? token)
    {
        JsonObject? locals = null;
        void Add(string name, JsonNode? value)
        {
            locals ??= [];
            if (!locals.ContainsKey(name))
            {
                locals[name] = value?.DeepClone();
            }
        }

        for (var current = token; current is not null;)
        {
            if (current.Locals is { } own)
            {
                foreach (var (name, value) in own)
                {
                    Add(name, value);
                }
            }

            if (current.ScopeId is null || FindScope(current.ScopeId) is not { } scope)
            {
                break;
            }

            if (scope.Total is { } total)
            {
                Add("nrOfInstances", total);
                Add("nrOfCompletedInstances", scope.Completed);
                Add("nrOfActiveInstances", scope.Active);
            }

            current = FindToken(scope.OwnerTokenId);
        }

        return locals;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static InstanceState FromJson(string json) => JsonSerializer.Deserialize<InstanceState>(json, Json) ?? new InstanceState();
}

/// <summary>Where a token is: moving through the graph, waiting at a wait state, or parked at a join.</summary>
internal enum TokenState
{
    Waiting,
    Joining,
}

/// <summary>A token: one thread of control at one node, inside one scope.</summary>
internal sealed class Token
{
    public string Id { get; set; } = string.Empty;

    public string NodeId { get; set; } = string.Empty;

    /// <summary>The scope instance (sub-process) it runs in; null at process level.</summary>
    public string? ScopeId { get; set; }

    public TokenState State { get; set; }

    /// <summary>For a token parked at a joining gateway: the flow it came by.</summary>
    public string? ArrivedVia { get; set; }

    /// <summary>
    /// Variables of this activity instance only: the element and loopCounter of one instance of a multi-instance activity,
    /// seen by everything inside it (a sub-process instance's tasks, a called process) and nothing outside.
    /// </summary>
    public JsonObject? Locals { get; set; }

    /// <summary>For a token running a compensation handler: the token of the throw event that waits for it.</summary>
    public string? CompensationFor { get; set; }

    /// <summary>For a token waiting at a compensation throw: the handlers still to run, newest completion first.</summary>
    public List<string>? PendingCompensation { get; set; }
}

/// <summary>
/// The start event of an event sub-process, listening while its scope is active. Its id stands in for a token id in the
/// timer and subscription rows, so that closing the scope drops them like any token's.
/// </summary>
internal sealed class EventListener
{
    public string Id { get; set; } = string.Empty;

    /// <summary>The scope instance whose event sub-process it starts; null at process level.</summary>
    public string? ScopeId { get; set; }

    /// <summary>The start event of the event sub-process.</summary>
    public string ElementId { get; set; } = string.Empty;
}

/// <summary>An activity that completed and may be compensated: its handler runs when a compensation throw in its scope asks.</summary>
internal sealed class CompensationRecord
{
    /// <summary>Order of completion within the instance.</summary>
    public int Sequence { get; set; }

    public string NodeId { get; set; } = string.Empty;

    public string? ScopeId { get; set; }
}

/// <summary>An entered sub-process, or the body of a multi-instance task, owned by a token waiting at that node.</summary>
internal sealed class ScopeInstance
{
    public string Id { get; set; } = string.Empty;

    public string NodeId { get; set; } = string.Empty;

    public string? ParentScopeId { get; set; }

    /// <summary>The token waiting at the sub-process or multi-instance node in the parent scope.</summary>
    public string OwnerTokenId { get; set; } = string.Empty;

    /// <summary>Multi-instance: number of instances.</summary>
    public int? Total { get; set; }

    /// <summary>Multi-instance: completed instances.</summary>
    public int Completed { get; set; }

    /// <summary>Multi-instance: instances running now (null in states written before it was kept: counted then).</summary>
    public int? Active { get; set; }

    /// <summary>Sequential multi-instance: every element, in order (the collection is read once, at the start, as in Camunda 7).</summary>
    public JsonArray? Items { get; set; }
}
