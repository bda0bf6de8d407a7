using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Qadam.Documents.Rendering;

/// <summary>
/// A DOCX template parsed once, to render many documents from: the main document, header and footer parts are held as
/// OpenXml trees, and each render fills a copy of those trees and writes them over the template's bytes; every other
/// part (styles, numbering, settings, fonts, relationships, content types) is carried over as the template's compressed
/// ZIP entry, neither unzipped nor re-compressed. Opening the package and parsing its parts was about half of a rendered
/// document's CPU when each render opened the template again (bench/Documents/README.md).
/// </summary>
/// <remarks>
/// Not safe for concurrent use (OpenXml trees have no thread-safety guarantee even for reading); a batch prepares one
/// per worker.
/// </remarks>
public sealed class PreparedTemplate
{
    private static readonly XmlWriterSettings PartWriterSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        CloseOutput = false,
    };

    private readonly byte[] _package;
    private readonly List<(string EntryName, OpenXmlPartRootElement Root)> _parts = [];

    /// <exception cref="DocumentRenderException">The template has no main document part.</exception>
    internal PreparedTemplate(ReadOnlySpan<byte> template)
    {
        _package = template.ToArray();
        using var stream = new MemoryStream(_package, writable: false);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var main = document.MainDocumentPart ?? throw new DocumentRenderException(["the template has no main document part"]);
        Add(main, main.Document);
        foreach (var header in main.HeaderParts)
        {
            Add(header, header.Header);
        }

        foreach (var footer in main.FooterParts)
        {
            Add(footer, footer.Footer);
        }
    }

    /// <summary>Renders the template with <paramref name="data"/> in <paramref name="language"/> (see <see cref="TemplateRenderer"/>).</summary>
    /// <exception cref="DocumentRenderException">Variables are missing or a repeating section's value is not a list.</exception>
    public byte[] Render(JsonObject data, DocumentLanguage language)
    {
        ArgumentNullException.ThrowIfNull(data);
        var problems = new List<string>();
        var fill = new TemplateRenderer.Fill(language, problems);
        var filled = new List<(string EntryName, OpenXmlPartRootElement Root)>(_parts.Count);
        foreach (var (entryName, root) in _parts)
        {
            var copy = (OpenXmlPartRootElement)root.CloneNode(deep: true);
            fill.Container(copy is Document main ? main.Body! : copy, data, string.Empty);
            filled.Add((entryName, copy));
        }

        if (problems.Count > 0)
        {
            throw new DocumentRenderException(problems.Distinct(StringComparer.Ordinal).ToList());
        }

        using var output = new MemoryStream(_package.Length * 2);
        output.Write(_package);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            // Update mode writes the entries not opened back as they were (their compressed bytes), in their order.
            foreach (var (entryName, root) in filled)
            {
                var entry = zip.Entries.First(e => string.Equals(e.FullName, entryName, StringComparison.OrdinalIgnoreCase));
                using var stream = entry.Open();
                stream.SetLength(0);
                using var writer = XmlWriter.Create(stream, PartWriterSettings);
                writer.WriteStartDocument(standalone: true);
                root.WriteTo(writer);
            }
        }

        return output.ToArray();
    }

    private void Add(OpenXmlPart part, OpenXmlPartRootElement root)
    {
        // A detached, fully parsed copy: reading it later never touches the package (closed by then) or parses lazily.
        var copy = (OpenXmlPartRootElement)root.CloneNode(deep: true);
        _ = copy.Descendants().Count();
        _parts.Add((Uri.UnescapeDataString(part.Uri.OriginalString).TrimStart('/'), copy));
    }
}
