using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Qadam.Documents.Rendering;

namespace Qadam.Documents.Templates;

/// <summary>
/// Checks an uploaded template before it is stored: the package's safety (<see cref="TemplatePackageSafety"/>), unknown tags against the
/// form/variables it is bound to, unbalanced repeating sections, not a DOCX; problems listed, nothing
/// stored, so a head never waits on a template that cannot render.
/// </summary>
/// <remarks>
/// Known variables are dotted paths. A list is named by its own path (<c>votes</c>) and the fields
/// of its items by the list path plus the field (<c>votes.memberName</c>), matching how a
/// repeating section's inner tags are written relative to the item.
/// </remarks>
public sealed class TemplateValidator
{
    /// <summary>Returns every problem found; an empty list means the template may be stored.</summary>
    public IReadOnlyList<TemplateProblem> Validate(ReadOnlySpan<byte> docx, IEnumerable<string> knownVariables) =>
        Inspect(docx, knownVariables).Problems;

    /// <summary>
    /// The variable paths the template names (tags, placeholders, lists, conditions; sorted) and every problem found,
    /// so an upload can answer which variables its template reads.
    /// </summary>
    public TemplateInspection Inspect(ReadOnlySpan<byte> docx, IEnumerable<string> knownVariables)
    {
        ArgumentNullException.ThrowIfNull(knownVariables);
        var known = new HashSet<string>(knownVariables, StringComparer.Ordinal);
        known.UnionWith(ReservedVariables.All);
        var used = new SortedSet<string>(StringComparer.Ordinal);
        var problems = new List<TemplateProblem>();
        Check(docx, new KnownVariables(known, used), problems);
        return new TemplateInspection([.. used], problems);
    }

    private static void Check(ReadOnlySpan<byte> docx, KnownVariables known, List<TemplateProblem> problems)
    {
        // Before any part is parsed: what the package carries (macros, external links, fetching fields) and what opening
        // it would cost (zip bombs, entries outside the package).
        if (TemplatePackageSafety.Inspect(docx) is { Count: > 0 } unsafeParts)
        {
            problems.AddRange(unsafeParts);
            return;
        }

        using var stream = new MemoryStream(docx.ToArray(), writable: false);
        try
        {
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            var main = document.MainDocumentPart;
            if (main?.Document?.Body is null)
            {
                problems.Add(new TemplateProblem("file", "The file is a package but not a Word document: it has no main document part."));
                return;
            }

            var walk = new Walk(known, problems);
            walk.Container(main.Document.Body, "word/document.xml", string.Empty, insideWordSection: false);
            foreach (var header in main.HeaderParts)
            {
                walk.Container(header.Header, header.Uri.OriginalString.TrimStart('/'), string.Empty, insideWordSection: false);
            }

            foreach (var footer in main.FooterParts)
            {
                walk.Container(footer.Footer, footer.Uri.OriginalString.TrimStart('/'), string.Empty, insideWordSection: false);
            }
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException or XmlException
                                       or NotSupportedException or InvalidOperationException)
        {
            problems.Add(new TemplateProblem("file", "The file is not a readable DOCX (Word) document: " + ex.Message));
        }
    }

    // The known set, remembering every path asked about: those are the variables the template uses.
    private sealed class KnownVariables(HashSet<string> known, SortedSet<string> used)
    {
        public bool Contains(string path)
        {
            used.Add(path);
            return known.Contains(path);
        }
    }

    private sealed class Walk(KnownVariables known, List<TemplateProblem> problems)
    {
        public void Container(OpenXmlElement container, string part, string prefix, bool insideWordSection)
        {
            foreach (var child in container.ChildElements)
            {
                if (child is SdtElement sdt)
                {
                    Control(sdt, part, prefix, insideWordSection);
                }
                else if (child is Paragraph paragraph)
                {
                    Container(paragraph, part, prefix, insideWordSection: false);
                    Placeholders(paragraph, part, prefix);
                }
                else
                {
                    Container(child, part, prefix, insideWordSection: false);
                }
            }
        }

        private void Control(SdtElement sdt, string part, string prefix, bool insideWordSection)
        {
            var tag = ContentControls.Tag(sdt);
            var content = ContentControls.Content(sdt);
            if (ContentControls.IsRepeatingSectionItem(sdt))
            {
                if (!insideWordSection)
                {
                    problems.Add(new TemplateProblem(
                        $"{part}: repeating section item",
                        "A repeating section item stands outside a repeating section; wrap the rows in one repeating section."));
                }

                if (content is not null)
                {
                    Container(content, part, prefix, insideWordSection: false);
                }

                return;
            }

            if (ContentControls.Condition(sdt) is { } condition)
            {
                var conditionPath = Join(prefix, condition.Path);
                if (condition.Path.Length == 0 || !known.Contains(conditionPath))
                {
                    problems.Add(new TemplateProblem($"{part}: tag '{tag}'", $"Unknown variable '{conditionPath}' in a condition."));
                }

                if (content is not null)
                {
                    Container(content, part, prefix, insideWordSection: false);
                    if (!content.Descendants<Paragraph>().Any())
                    {
                        // An inline condition's text is not a paragraph of its own: check its placeholders here.
                        Placeholders(new Paragraph(content.ChildElements.Select(c => c.CloneNode(deep: true))), part, prefix);
                    }
                }

                return;
            }

            if (ContentControls.IsRepeating(sdt))
            {
                var path = ContentControls.RepeatPath(sdt);
                if (string.IsNullOrEmpty(path))
                {
                    problems.Add(new TemplateProblem($"{part}: repeating section",
                        "A repeating section has no tag; tag it with the list it repeats over, e.g. 'votes' or 'each:votes'."));
                    return;
                }

                var full = Join(prefix, path);
                if (!known.Contains(full))
                {
                    problems.Add(new TemplateProblem($"{part}: tag '{tag}'", $"Unknown list '{full}'."));
                }

                if (content is null || !content.HasChildren)
                {
                    problems.Add(new TemplateProblem($"{part}: tag '{tag}'", "The repeating section is empty: it has nothing to repeat."));
                    return;
                }

                if (ContentControls.IsWordRepeatingSection(sdt)
                    && !ContentControls.ChildControls(content).Any(ContentControls.IsRepeatingSectionItem))
                {
                    problems.Add(new TemplateProblem($"{part}: tag '{tag}'",
                        "The repeating section has no repeating section item: the section is not closed around an item."));
                }

                Container(content, part, full, insideWordSection: ContentControls.IsWordRepeatingSection(sdt));
                return;
            }

            if (tag is null)
            {
                if (content is not null)
                {
                    Container(content, part, prefix, insideWordSection: false);
                }

                return;
            }

            var (tagPath, tagCase) = Rendering.VariablePath.SplitCase(tag);
            if (tagCase is null)
            {
                problems.Add(new TemplateProblem($"{part}: tag '{tag}'", "Unknown case after ':' (nom, abl, dat, loc, attr)."));
            }
            else if (!known.Contains(Join(prefix, tagPath)))
            {
                problems.Add(new TemplateProblem($"{part}: tag '{tag}'", $"Unknown variable '{Join(prefix, tagPath)}'."));
            }
        }

        private void Placeholders(Paragraph paragraph, string part, string prefix)
        {
            var (names, balanced) = Rendering.Placeholders.Find(paragraph);
            foreach (var name in names)
            {
                var (path, form) = Rendering.VariablePath.SplitCase(name);
                if (form is null)
                {
                    problems.Add(new TemplateProblem($"{part}: placeholder '{{{{{name}}}}}'",
                        "Unknown case after ':'; a Kazakh date takes nom, abl (-нан/-нен), dat (-ға/-ге), loc (-да/-де) or attr (-дағы/-дегі)."));
                }
                else if (!known.Contains(Join(prefix, path)))
                {
                    problems.Add(new TemplateProblem($"{part}: placeholder '{{{{{name}}}}}'", $"Unknown variable '{Join(prefix, path)}'."));
                }
            }

            if (!balanced)
            {
                var text = paragraph.InnerText;
                problems.Add(new TemplateProblem($"{part}: paragraph \"{Shorten(text)}\"",
                    "Unbalanced placeholder braces: every '{{' needs a matching '}}'."));
            }
        }

        private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

        private static string Join(string prefix, string path) => prefix.Length == 0 ? path : prefix + "." + path;
    }
}
