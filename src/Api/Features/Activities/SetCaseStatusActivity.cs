using System.Text.Json.Nodes;
using Qadam.Workflows.Execution;

namespace Qadam.Api.Features.Activities;

/// <summary>
/// The "set-case-status" service task: the step's element id names the status (<c>statusTransferred</c> →
/// <c>transferred</c>) and its kk/ru labels say it to people. It sets the variables <c>caseStatus</c> and
/// <c>caseStatusLabel</c>, which the case follows when it is next read (workflows/README.md, activities).
/// </summary>
internal sealed class SetCaseStatusActivity : IProcessActivity
{
    private const string Prefix = "status";

    public string Name => "set-case-status";

    public Task ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var id = context.ElementId;
        if (!id.StartsWith(Prefix, StringComparison.Ordinal) || id.Length == Prefix.Length)
        {
            throw new InvalidOperationException($"{id}: a set-case-status step's id must name the status, e.g. statusTransferred.");
        }

        var status = char.ToLowerInvariant(id[Prefix.Length]) + id[(Prefix.Length + 1)..];
        context.SetVariable("caseStatus", status);
        context.SetVariable("caseStatusLabel", new JsonObject { ["kk"] = context.Extension.LabelKk, ["ru"] = context.Extension.LabelRu });
        return Task.CompletedTask;
    }
}
