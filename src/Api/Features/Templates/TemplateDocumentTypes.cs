namespace Qadam.Api.Features.Templates;

/// <summary>
/// The registry's document type of each template key the pathways use: the middle of the number a document gets
/// (<c>s1-ORDER-2026-0042</c>), so orders, notices and protocols are numbered in their own series as office work keeps them.
/// </summary>
internal static class TemplateDocumentTypes
{
    private static readonly Dictionary<string, string> ByKey = new(StringComparer.Ordinal)
    {
        ["order-transfer"] = "ORDER",
        ["emergency-order-school"] = "ORDER",
        ["weather-order"] = "ORDER",
        ["council-protocol-extract"] = "PROTOCOL",
        ["trustees-protocol-extract"] = "PROTOCOL",
        ["parent-notice"] = "NOTICE",
        ["living-conditions-act"] = "ACT",
        ["psychologist-conclusion"] = "CONCLUSION",
        ["individual-schedule"] = "SCHEDULE",
        ["online-curriculum-order"] = "ORDER",
        ["university-order"] = "ORDER",
        ["student-notice"] = "NOTICE",
        ["online-admission-order"] = "ORDER",
        ["online-admission-notice"] = "NOTICE",
        ["university-emergency-order"] = "ORDER",
        ["approved-disciplines"] = "ORDER",
    };

    /// <summary>The type for <paramref name="templateKey"/>; a key the legal department adds later is numbered as <c>DOC</c>.</summary>
    public static string For(string templateKey) => ByKey.GetValueOrDefault(templateKey, "DOC");
}
