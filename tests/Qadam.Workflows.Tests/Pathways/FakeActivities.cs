using System.Text.Json.Nodes;
using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// Small stand-ins for the activities the API registers (and the real check-plan-caps, which is pure over the variables), leaving traces in the variables
/// (<c>renderedDocuments</c>, <c>statusHistory</c>, <c>massTransfers</c>) and the outbox (topic <c>notify</c>).
/// </summary>
internal static class FakeActivities
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "render-document", "render-school-orders", "notify", "set-case-status", "mass-transfer", "check-plan-caps", "tvet-distance-ledger",
    };

    public static IProcessActivity[] All() => [new Render(), new Render("render-school-orders"), new Notify(), new SetStatus(), new MassTransfer(),
        new Qadam.Workflows.HigherEducation.PlanCapsActivity(), new DistanceLedger()];

    private static JsonArray Append(ActivityContext context, string variable, JsonNode? item)
    {
        var list = context.Variables[variable]?.DeepClone() as JsonArray ?? [];
        list.Add(item);
        return list;
    }

    private sealed class Render(string name = "render-document") : IProcessActivity
    {
        public string Name => name;

        public Task ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
        {
            var template = context.Extension.TemplateKey ?? throw new InvalidOperationException($"{context.ElementId} has no template");
            context.SetVariable("renderedDocuments", Append(context, "renderedDocuments", template));
            context.SetVariable("lastDocumentId", $"{template}-{context.InstanceId:N}-{context.ElementId}");
            return Task.CompletedTask;
        }
    }

    private sealed class Notify : IProcessActivity
    {
        public string Name => "notify";

        public Task ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
        {
            context.Send("notify", new JsonObject
            {
                ["element"] = context.ElementId,
                ["school"] = context.Variables["school"]?["organisation"]?.DeepClone(),
                ["language"] = context.Variables["language"]?.DeepClone(),
                ["document"] = context.Variables["lastDocumentId"]?.DeepClone(),
            });
            return Task.CompletedTask;
        }
    }

    private sealed class SetStatus : IProcessActivity
    {
        public string Name => "set-case-status";

        public Task ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
        {
            context.SetVariable("caseStatus", context.ElementId);
            context.SetVariable("statusHistory", Append(context, "statusHistory", context.ElementId));
            return Task.CompletedTask;
        }
    }

    private sealed class MassTransfer : IProcessActivity
    {
        public string Name => "mass-transfer";

        public Task ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
        {
            context.SetVariable("massTransfers", Append(context, "massTransfers", context.ElementId));
            // Inside a school's own instance the trace above stays in that instance: the outbox shows every school's at once.
            context.Send("mass-transfer", new JsonObject
            {
                ["element"] = context.ElementId, ["school"] = context.Variables["school"]?["organisation"]?.DeepClone(),
            });
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// The TVET ledger without a database: a read sees the hours the test put in <c>ledgerPriorHours</c> (0 when none),
    /// a record leaves <c>ledgerRecords</c>. The real ledger is tested over HTTP (TvetDistanceLedgerEndToEndTests).
    /// </summary>
    private sealed class DistanceLedger : IProcessActivity
    {
        public string Name => "tvet-distance-ledger";

        public Task ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
        {
            var hours = context.Variables["distanceHours"]!.GetValue<double>();
            if (context.ElementId.StartsWith("record", StringComparison.Ordinal))
            {
                context.SetVariable("ledgerRecords", Append(context, "ledgerRecords", hours));
                return Task.CompletedTask;
            }

            var prior = context.Variables["ledgerPriorHours"]?.GetValue<double>() ?? 0;
            context.SetVariable("distanceLedger", new JsonObject { ["priorHours"] = prior, ["hoursAfter"] = prior + hours });
            return Task.CompletedTask;
        }
    }
}
