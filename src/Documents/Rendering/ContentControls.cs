using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Office2013.Word;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Qadam.Documents.Rendering;

/// <summary>
/// How a template's content controls (w:sdt) are read: the tag names a variable path, and a
/// control is a repeating section either the Word way (w15:repeatingSection with
/// w15:repeatingSectionItem children) or by a tag <c>each:path</c> around the content to repeat.
/// Shared by the renderer and the upload validator so both read a template the same way.
/// </summary>
internal static class ContentControls
{
    public const string EachPrefix = "each:";

    /// <summary>Tag prefix of a conditional control: <c>if:path</c>, <c>if:!path</c> or <c>if:path=value</c>.</summary>
    public const string IfPrefix = "if:";

    public static string? Tag(SdtElement sdt) =>
        sdt.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value?.Trim() is { Length: > 0 } tag ? tag : null;

    public static bool IsWordRepeatingSection(SdtElement sdt) => sdt.SdtProperties?.GetFirstChild<SdtRepeatedSection>() is not null;

    public static bool IsRepeatingSectionItem(SdtElement sdt) => sdt.SdtProperties?.GetFirstChild<SdtRepeatedSectionItem>() is not null;

    public static bool IsRepeating(SdtElement sdt) =>
        IsWordRepeatingSection(sdt) || (Tag(sdt)?.StartsWith(EachPrefix, StringComparison.Ordinal) ?? false);

    public static bool IsConditional(SdtElement sdt) => Tag(sdt)?.StartsWith(IfPrefix, StringComparison.Ordinal) ?? false;

    /// <summary>The condition of an <c>if:</c> control; null when the control is not conditional.</summary>
    public static SectionCondition? Condition(SdtElement sdt) =>
        IsConditional(sdt) ? SectionCondition.Parse(Tag(sdt)![IfPrefix.Length..]) : null;

    /// <summary>The array path of a repeating control: the tag without <c>each:</c>.</summary>
    public static string? RepeatPath(SdtElement sdt)
    {
        var tag = Tag(sdt);
        return tag is not null && tag.StartsWith(EachPrefix, StringComparison.Ordinal) ? tag[EachPrefix.Length..].Trim() : tag;
    }

    public static OpenXmlCompositeElement? Content(SdtElement sdt) => sdt switch
    {
        SdtBlock block => block.SdtContentBlock,
        SdtRun run => run.SdtContentRun,
        SdtRow row => row.SdtContentRow,
        SdtCell cell => cell.SdtContentCell,
        _ => sdt.ChildElements.OfType<OpenXmlCompositeElement>().FirstOrDefault(e => e.LocalName == "sdtContent"),
    };

    /// <summary>
    /// Content controls whose nearest enclosing control is <paramref name="container"/> itself
    /// (or none, for the body): the controls one level down.
    /// </summary>
    public static IEnumerable<SdtElement> ChildControls(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            if (child is SdtElement sdt)
            {
                yield return sdt;
            }
            else
            {
                foreach (var nested in ChildControls(child))
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>Replaces the control by its content, so the issued document carries plain text, not form fields.</summary>
    public static void Unwrap(SdtElement sdt)
    {
        var content = Content(sdt);
        if (content is not null)
        {
            foreach (var child in content.ChildElements.ToList())
            {
                child.Remove();
                sdt.InsertBeforeSelf(child);
            }
        }

        sdt.Remove();
    }
}
