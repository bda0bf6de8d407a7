using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Qadam.Documents.Rendering;

/// <summary>
/// Fills a DOCX template with case data: content controls whose tag is a
/// variable path receive the formatted value, repeating sections are repeated once per item of
/// a JSON array (inner tags relative to the item), controls tagged <c>if:path</c>, <c>if:!path</c> or
/// <c>if:path=value</c> are kept or dropped (<see cref="SectionCondition"/>), and <c>{{path}}</c> placeholders are replaced
/// even when the editor split them across runs. Content controls are removed from the result,
/// so the issued document is plain text that cannot be edited as a form.
/// </summary>
/// <remarks>
/// A variable the template names but the data lacks is an error (<see cref="DocumentRenderException"/>),
/// not an empty blank in an order someone will sign; a variable present with the value
/// <c>null</c> is written as empty on purpose.
/// </remarks>
public sealed class TemplateRenderer
{
    /// <summary>Renders <paramref name="template"/> (DOCX bytes) with <paramref name="data"/> in <paramref name="language"/>.</summary>
    /// <exception cref="DocumentRenderException">Variables are missing or a repeating section's value is not a list.</exception>
    public byte[] Render(ReadOnlySpan<byte> template, JsonObject data, DocumentLanguage language)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Prepare(template).Render(data, language);
    }

    /// <summary>Parses <paramref name="template"/> once to render many documents from it (one worker each).</summary>
    /// <exception cref="DocumentRenderException">The template has no main document part.</exception>
    public PreparedTemplate Prepare(ReadOnlySpan<byte> template) => new(template);

    internal sealed class Fill(DocumentLanguage language, List<string> problems)
    {
        public void Container(OpenXmlElement container, JsonNode? scope, string scopePath)
        {
            foreach (var child in container.ChildElements.ToList())
            {
                if (child is SdtElement sdt)
                {
                    Control(sdt, scope, scopePath);
                }
                else if (child is Paragraph paragraph)
                {
                    Container(paragraph, scope, scopePath);
                    Placeholders.Replace(paragraph, name => Value(scope, scopePath, name));
                }
                else if (child is OpenXmlCompositeElement)
                {
                    Container(child, scope, scopePath);
                }
            }
        }

        private void Control(SdtElement sdt, JsonNode? scope, string scopePath)
        {
            var content = ContentControls.Content(sdt);
            if (content is null)
            {
                sdt.Remove();
                return;
            }

            if (ContentControls.Condition(sdt) is { } condition)
            {
                // A dropped section is not filled, so the variables it names may be absent at this step.
                if (condition.Holds(scope))
                {
                    Container(content, scope, scopePath);
                    ContentControls.Unwrap(sdt);
                }
                else
                {
                    sdt.Remove();
                }

                return;
            }

            if (ContentControls.IsRepeating(sdt))
            {
                Repeat(sdt, content, scope, scopePath);
                return;
            }

            var tag = ContentControls.Tag(sdt);
            if (tag is null || ContentControls.IsRepeatingSectionItem(sdt))
            {
                // An untagged control (a layout box, a checkbox) is content, not a variable.
                Container(content, scope, scopePath);
                ContentControls.Unwrap(sdt);
                return;
            }

            SetText(content, Value(scope, scopePath, tag));
            ContentControls.Unwrap(sdt);
        }

        private void Repeat(SdtElement sdt, OpenXmlCompositeElement content, JsonNode? scope, string scopePath)
        {
            var path = ContentControls.RepeatPath(sdt) ?? string.Empty;
            var fullPath = Join(scopePath, path);
            JsonArray? items = null;
            if (!VariablePath.TryResolve(scope, path, out var node))
            {
                problems.Add($"missing list '{fullPath}'");
            }
            else if (node is null)
            {
                items = [];
            }
            else if (node is JsonArray array)
            {
                items = array;
            }
            else
            {
                problems.Add($"'{fullPath}' is a repeating section but its value is not a list");
            }

            // The Word way keeps one repeatingSectionItem per row; the first is the pattern.
            // With each:path the whole content is the pattern.
            var itemControls = ContentControls.ChildControls(content).Where(ContentControls.IsRepeatingSectionItem).ToList();
            var pattern = itemControls.Count > 0
                ? [itemControls[0]]
                : content.ChildElements.ToList();

            foreach (var item in items ?? [])
            {
                foreach (var element in pattern)
                {
                    var copy = element.CloneNode(deep: true);
                    sdt.InsertBeforeSelf(copy);
                    if (copy is SdtElement itemControl && ContentControls.IsRepeatingSectionItem(itemControl))
                    {
                        var itemContent = ContentControls.Content(itemControl);
                        if (itemContent is not null)
                        {
                            Container(itemContent, item, fullPath);
                        }

                        ContentControls.Unwrap(itemControl);
                    }
                    else if (copy is SdtElement control)
                    {
                        Control(control, item, fullPath);
                    }
                    else if (copy is Paragraph paragraph)
                    {
                        Container(paragraph, item, fullPath);
                        Placeholders.Replace(paragraph, name => Value(item, fullPath, name));
                    }
                    else
                    {
                        Container(copy, item, fullPath);
                    }
                }
            }

            sdt.Remove();
        }

        private string Value(JsonNode? scope, string scopePath, string placeholder)
        {
            var (path, form) = VariablePath.SplitCase(placeholder);
            if (form is null)
            {
                problems.Add($"'{placeholder}': unknown case after ':' (nom, abl, dat, loc, attr)");
                return string.Empty;
            }

            if (!VariablePath.TryResolve(scope, path, out var node))
            {
                problems.Add($"missing variable '{Join(scopePath, path)}'");
                return string.Empty;
            }

            if (node is JsonObject or JsonArray)
            {
                problems.Add($"'{Join(scopePath, path)}' is an object or a list, not a value");
                return string.Empty;
            }

            return ValueFormatter.Format(node, language, form.Value);
        }

        private static string Join(string scopePath, string path) => scopePath.Length == 0 ? path : scopePath + "." + path;

        // Writes the value into the control's first run, keeping its formatting; other runs and
        // paragraphs of the placeholder text go. Line breaks in the value become w:br.
        private static void SetText(OpenXmlCompositeElement content, string value)
        {
            var runs = content.Descendants<Run>().ToList();
            var first = runs.FirstOrDefault();
            var properties = first?.RunProperties?.CloneNode(deep: true) as RunProperties;
            properties?.RemoveAllChildren<RunStyle>(); // the "placeholder text" grey style
            var run = new Run();
            if (properties is not null)
            {
                run.Append(properties);
            }

            var lines = value.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    run.Append(new Break());
                }

                run.Append(new Text(lines[i].TrimEnd('\r')) { Space = SpaceProcessingModeValues.Preserve });
            }

            if (first is not null)
            {
                first.InsertBeforeSelf(run);
                foreach (var old in runs)
                {
                    old.Remove();
                }

                // A block control may hold several paragraphs of placeholder text; keep the one holding the value.
                var keep = run.Ancestors<Paragraph>().FirstOrDefault();
                foreach (var paragraph in content.Elements<Paragraph>().Where(p => p != keep).ToList())
                {
                    paragraph.Remove();
                }

                return;
            }

            switch (content)
            {
                case SdtContentRun:
                    content.Append(run);
                    break;
                case SdtContentCell:
                    var cellParagraph = content.Descendants<Paragraph>().FirstOrDefault();
                    if (cellParagraph is null)
                    {
                        content.Append(new TableCell(new Paragraph(run)));
                    }
                    else
                    {
                        cellParagraph.Append(run);
                    }

                    break;
                default:
                    var paragraphInContent = content.Descendants<Paragraph>().FirstOrDefault();
                    if (paragraphInContent is null)
                    {
                        content.Append(new Paragraph(run));
                    }
                    else
                    {
                        paragraphInContent.Append(run);
                    }

                    break;
            }
        }
    }
}
