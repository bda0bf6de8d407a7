using Qadam.Api.Features.Documents;
using Qadam.Workflows.Reads;

namespace Qadam.Api.Features.Notifications;

/// <summary>
/// The paragraph a parent's notice carries out, in the parent's language: the notify step's <c>qadam:legalBasis</c> in the
/// case's BPMN version, through the citation table (workflows/citations.json, kk and ru). A basis the table does not know
/// stays as the notice stored it (the BPMN's own wording).
/// </summary>
internal static class NoticeLegalBasis
{
    public static async Task<Dictionary<(string Key, int Version, string ElementId), string>> ResolveAsync(
        IEnumerable<(string Key, int Version, string ElementId)> steps, bool russian, EngineReads reads, Citations citations,
        CancellationToken cancellationToken)
    {
        var wanted = steps.Distinct().ToList();
        var resolved = new Dictionary<(string, int, string), string>();
        foreach (var version in wanted.Select(s => (s.Key, s.Version)).Distinct())
        {
            var model = await reads.ModelAsync(version.Key, version.Version, cancellationToken);
            foreach (var step in wanted.Where(s => s.Key == version.Key && s.Version == version.Version))
            {
                var basis = model?.Nodes.FirstOrDefault(n => string.Equals(n.Id, step.ElementId, StringComparison.Ordinal))?.Extension.LegalBasis;
                if (citations.Of(basis) is { } citation)
                {
                    resolved[step] = russian ? citation.Ru : citation.Kk;
                }
            }
        }

        return resolved;
    }
}
