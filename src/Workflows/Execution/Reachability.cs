using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Qadam.Workflows.Definitions.Model;

namespace Qadam.Workflows.Execution;

/// <summary>Which nodes a token at a node can still reach (through flows and boundary events), per model, computed once.</summary>
internal static class Reachability
{
    private static readonly ConditionalWeakTable<ProcessModel, ConcurrentDictionary<string, HashSet<string>>> Cache = [];

    public static bool CanReach(ProcessModel model, string fromNodeId, string targetNodeId)
    {
        var perModel = Cache.GetValue(model, _ => new ConcurrentDictionary<string, HashSet<string>>(StringComparer.Ordinal));
        var reachable = perModel.GetOrAdd(fromNodeId, id => Compute(model, id));
        return reachable.Contains(targetNodeId);
    }

    private static HashSet<string> Compute(ProcessModel model, string fromNodeId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<FlowNode>([model.Node(fromNodeId)]);
        while (queue.TryDequeue(out var node))
        {
            foreach (var next in node.Outgoing.Select(f => f.Target).Concat(node.Boundaries))
            {
                if (seen.Add(next.Id))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return seen;
    }
}
