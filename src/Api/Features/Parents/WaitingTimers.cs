using Qadam.Workflows.Reads;
using Qadam.Workflows.Definitions.Model;

namespace Qadam.Api.Features.Parents;

/// <summary>
/// The timers a case's instance waits on, as next steps a parent reads: the timer event's label in the parent's language
/// and the moment it fires (a return at the end of the period, the next attestation day).
/// </summary>
internal static class WaitingTimers
{
    public static async Task<Dictionary<string, List<NextStepResponse>>> NextStepsAsync(
        EngineReads reads, IReadOnlyList<WaitingTimer> timers, bool russian, CancellationToken cancellationToken)
    {
        var steps = new Dictionary<string, List<NextStepResponse>>(StringComparer.Ordinal);
        var models = new Dictionary<Guid, ProcessModel?>();
        foreach (var timer in timers)
        {
            if (!models.TryGetValue(timer.DefinitionId, out var model))
            {
                models[timer.DefinitionId] = model = await reads.ModelAsync(timer.DefinitionId, cancellationToken);
            }

            var node = model?.Elements.GetValueOrDefault(timer.ElementId) as FlowNode;
            var label = (russian ? node?.Extension.LabelRu ?? node?.Extension.LabelKk : node?.Extension.LabelKk ?? node?.Extension.LabelRu)
                        ?? node?.Name ?? timer.ElementId;
            if (!steps.TryGetValue(timer.BusinessKey, out var list))
            {
                steps[timer.BusinessKey] = list = [];
            }

            list.Add(new NextStepResponse(label, timer.DueAt));
        }

        return steps;
    }
}
