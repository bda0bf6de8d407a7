using System.Text.Json.Nodes;

namespace Qadam.Api.Features.MassTransfers;

/// <summary>
/// The colleges an emergency order's transfer (step <c>transferStudents</c>) left out under 349 Annex 2 para 3-1 / 103 Annex 1
/// para 3, less those whose head then recorded, with reasons, a case of art. 37-2 para 2 of the Law on education (2023
/// edition, sub-process <c>collegeException</c>: its output collection <c>exclusionExceptions</c> holds each head's
/// <c>exceptionApplies</c>). A college granted the exception has been moved by its own step and gets its order like any other.
/// </summary>
internal static class ExclusionExceptions
{
    public static HashSet<string> StillExcluded(JsonObject variables)
    {
        var excluded = ((variables["transfers"] as JsonObject)?["transferStudents"]?["excluded"] as JsonArray ?? [])
            .Select(c => c?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var decision in (variables["exclusionExceptions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (decision["exceptionApplies"]?.GetValue<string>() == "yes" && decision["school"]?["organisation"]?.GetValue<string>() is { } granted)
            {
                excluded.Remove(granted);
            }
        }

        return excluded;
    }
}
