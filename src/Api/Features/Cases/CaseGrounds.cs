using System.Text.Json.Nodes;
using Qadam.Workflows.Execution;

namespace Qadam.Api.Features.Cases;

/// <summary>A ground of para 3 of the edition a case may be filed on: its code, paragraph and kk/ru labels.</summary>
public sealed record CaseGround(string Code, string Paragraph, string LabelKk, string LabelRu);

/// <summary>
/// The grounds of distance learning are enumerated by para 3 of the rules (order 349 Annex 2 para 3 pp. 1)-5); 2025:
/// Annex 1 para 3, renumbered), so a case's ground is a code of the edition in force on its filing date, read from the
/// table <c>case-grounds</c> the legal department edits (workflows/limits). A pathway the table gives no list for (online
/// learning, higher education, a custom draft) keeps a free-text ground. Codes close the bypass of the 20 % cap
/// (349 para 20, 103 para 10 exempt the medical and competition grounds): a parent's application cannot be filed as
/// "medical".
/// </summary>
internal static class CaseGrounds
{
    public const string TableKey = "case-grounds";

    /// <summary>The pathway's grounds on the day, or null when its ground is free text.</summary>
    public static async Task<IReadOnlyList<CaseGround>?> OfAsync(ProcessEngine engine, string pathway, DateOnly day, CancellationToken cancellationToken)
    {
        TableDecision? decision;
        try
        {
            decision = await engine.DecideTableAsync(TableKey, day, new JsonObject { ["pathway"] = pathway }, cancellationToken);
        }
        catch (NoVersionInForceException)
        {
            return null;
        }

        if (decision?.Output?["grounds"] is not JsonArray list)
        {
            return null;
        }

        return [.. list.OfType<JsonObject>().Select(g => new CaseGround(
            g["code"]!.GetValue<string>(), g["paragraph"]?.GetValue<string>() ?? string.Empty,
            g["labelKk"]?.GetValue<string>() ?? string.Empty, g["labelRu"]?.GetValue<string>() ?? string.Empty))];
    }

    /// <summary>The 422 message when <paramref name="ground"/> is not one of <paramref name="grounds"/>; null when it is.</summary>
    public static string? Refusal(IReadOnlyList<CaseGround> grounds, string ground)
    {
        var code = ground.Trim();
        if (grounds.Any(g => string.Equals(g.Code, code, StringComparison.Ordinal)))
        {
            return null;
        }

        var shown = code.Length > 60 ? code[..60] + "…" : code;
        return $"Unknown ground '{shown}' for this pathway: the ground is a code of the edition, one of: {string.Join(", ", grounds.Select(g => g.Code))}.";
    }
}
