using System.Text.Json.Nodes;
using Qadam.Workflows.Execution;

namespace Qadam.Api.Features.Activities;

/// <summary>
/// The "notify" service task: writes the notice for the case's applicant (the parent) to the outbox in
/// the job's transaction — the step's kk/ru text, the case, the language chosen at filing and the
/// documents issued so far — so it is sent once the decision is committed, never before.
/// </summary>
internal sealed class NotifyActivity : IProcessActivity
{
    public const string Topic = "notify";

    public string Name => "notify";

    public Task ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var notice = new JsonObject
        {
            ["case"] = context.BusinessKey,
            ["element"] = context.ElementId,
            ["language"] = context.Variables["language"]?.DeepClone(),
            ["applicant"] = context.Variables["applicant"]?.DeepClone(),
            ["student"] = context.Variables["student"]?["iin"]?.DeepClone(),
            ["textKk"] = context.Extension.LabelKk,
            ["textRu"] = context.Extension.LabelRu,
            ["documents"] = context.Variables["documents"]?.DeepClone(),
            ["legalBasis"] = Documents.LegalCitation.Reference(context.Extension.LegalBasis),
        };
        // A frost-day notice goes out through the channels the school's approved notification system names (order 103
        // para 12(2), 13): they are recorded with the notice, so the outbox says which channels it was sent to and when.
        if (context.Variables["notificationSystem"]?["channels"] is JsonArray channels)
        {
            notice["channels"] = new JsonArray([.. channels.Select(c => c?["code"]?.DeepClone())]);
        }

        context.Send(Topic, notice);
        return Task.CompletedTask;
    }
}
