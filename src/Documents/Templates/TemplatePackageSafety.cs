using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace Qadam.Documents.Templates;

/// <summary>
/// Refuses a template package that could carry into official documents what nobody reviewed, or cost the server more
/// than it is worth to open, before any part is parsed: entry names outside the package (zip slip), more than
/// <see cref="MaxUncompressedBytes"/> uncompressed or an entry inflating more than <see cref="MaxCompressionRatio"/> times
/// (zip bombs: the sizes are read from the central directory, and inflation stops at the declared size or the limit),
/// macros (a <c>vbaProject</c> part, macro-enabled content types), external relationships (a remote attached template,
/// linked images or objects, hyperlinks to <c>file:</c> or UNC paths), <c>altChunk</c> imports, and field codes that fetch
/// content when a document is opened or updated (<c>INCLUDEPICTURE</c>, <c>INCLUDETEXT</c>, <c>LINK</c>, <c>DDE</c>,
/// <c>DDEAUTO</c>). Each problem names the part it is in.
/// </summary>
/// <remarks>
/// The OOXML terms are those of ECMA-376 Part 1 (§17.16.5 field codes, §17.17.2.1 altChunk) and Part 2 (§9.3 relationships,
/// <c>TargetMode="External"</c>); macro-enabled content types are those of [MS-OFFMACRO2].
/// </remarks>
public static partial class TemplatePackageSafety
{
    /// <summary>At most this many bytes once inflated, the whole package (20 MB).</summary>
    public const long MaxUncompressedBytes = 20L * 1024 * 1024;

    /// <summary>An entry may inflate to at most this many times its compressed size.</summary>
    public const int MaxCompressionRatio = 100;

    // Below this size a high ratio is harmless (a run of identical XML bytes compresses far better than 100:1).
    private const long RatioCheckedFrom = 64 * 1024;

    [GeneratedRegex(@"\b(INCLUDEPICTURE|INCLUDETEXT|LINK|DDEAUTO|DDE)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FetchingField();

    /// <summary>Every reason the package is unsafe to store; empty when it may be opened and checked further.</summary>
    public static IReadOnlyList<TemplateProblem> Inspect(ReadOnlySpan<byte> package)
    {
        var problems = new List<TemplateProblem>();
        using var stream = new MemoryStream(package.ToArray(), writable: false);
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read);
        }
        catch (InvalidDataException ex)
        {
            problems.Add(new TemplateProblem("file", "The file is not a readable DOCX (Word) document: " + ex.Message));
            return problems;
        }

        using (archive)
        {
            var total = 0L;
            foreach (var entry in archive.Entries)
            {
                if (IsOutside(entry.FullName))
                {
                    problems.Add(new TemplateProblem(entry.FullName, "The entry name points outside the package (absolute, or with '..')."));
                }

                total += entry.Length;
                if (entry.Length >= RatioCheckedFrom && entry.Length > (long)MaxCompressionRatio * Math.Max(entry.CompressedLength, 1))
                {
                    problems.Add(new TemplateProblem(entry.FullName,
                        $"The entry inflates {entry.Length / Math.Max(entry.CompressedLength, 1)} times its compressed size; at most {MaxCompressionRatio} is accepted."));
                }
            }

            if (total > MaxUncompressedBytes)
            {
                problems.Add(new TemplateProblem("file", $"The package inflates to {total} bytes; at most {MaxUncompressedBytes} are accepted."));
            }

            if (problems.Count > 0)
            {
                return problems;
            }

            var budget = MaxUncompressedBytes;
            foreach (var entry in archive.Entries.Where(e => !e.FullName.EndsWith('/')))
            {
                if (Read(entry, ref budget) is not { } bytes)
                {
                    problems.Add(new TemplateProblem(entry.FullName, "The entry inflates to more than its declared size or the package limit."));
                    return problems;
                }

                CheckEntry(entry.FullName, bytes, problems);
            }
        }

        return problems;
    }

    private static bool IsOutside(string name) =>
        name.StartsWith('/') || name.StartsWith('\\') || name.Contains(':', StringComparison.Ordinal)
        || name.Replace('\\', '/').Split('/').Any(segment => segment == "..");

    // Inflates at most the declared size (and what is left of the budget); null when the entry holds more.
    private static byte[]? Read(ZipArchiveEntry entry, ref long budget)
    {
        var limit = Math.Min(entry.Length, budget);
        using var input = entry.Open();
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        while (true)
        {
            var read = input.Read(buffer, 0, buffer.Length);
            if (read == 0)
            {
                break;
            }

            if (output.Length + read > limit)
            {
                return null;
            }

            output.Write(buffer, 0, read);
        }

        budget -= output.Length;
        return output.ToArray();
    }

    private static void CheckEntry(string name, byte[] bytes, List<TemplateProblem> problems)
    {
        var lower = name.ToLowerInvariant();
        if (lower.EndsWith("vbaproject.bin", StringComparison.Ordinal) || lower.EndsWith("vbadata.xml", StringComparison.Ordinal))
        {
            problems.Add(new TemplateProblem(name, "The package carries macros (a VBA project); upload a .docx without macros."));
            return;
        }

        if (!lower.EndsWith(".xml", StringComparison.Ordinal) && !lower.EndsWith(".rels", StringComparison.Ordinal))
        {
            return;
        }

        XmlDocumentView? xml;
        try
        {
            xml = XmlDocumentView.Parse(bytes);
        }
        catch (XmlException ex)
        {
            problems.Add(new TemplateProblem(name, "The part is not well-formed XML: " + ex.Message));
            return;
        }

        if (lower == "[content_types].xml")
        {
            foreach (var type in xml.Attributes("ContentType").Where(t =>
                         t.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || t.Contains("vbaProject", StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add(new TemplateProblem(name, $"The package declares the macro-enabled content type '{type}' (a .docm or .dotm)."));
            }
        }
        else if (lower.EndsWith(".rels", StringComparison.Ordinal))
        {
            CheckRelationships(name, xml, problems);
        }
        else
        {
            if (xml.HasElement("altChunk"))
            {
                problems.Add(new TemplateProblem(name, "The part imports content with altChunk; paste the text into the template instead."));
            }

            if (FetchingField().Match(xml.FieldInstructions) is { Success: true } field)
            {
                problems.Add(new TemplateProblem(name,
                    $"The part has a {field.Value.ToUpperInvariant()} field, which fetches content from outside the document when it is opened."));
            }
        }
    }

    private static void CheckRelationships(string name, XmlDocumentView xml, List<TemplateProblem> problems)
    {
        foreach (var (id, type, target, external) in xml.Relationships())
        {
            var kind = type[(type.LastIndexOf('/') + 1)..];
            if (string.Equals(kind, "aFChunk", StringComparison.Ordinal))
            {
                problems.Add(new TemplateProblem(name, $"Relationship {id} imports a chunk (altChunk) from '{target}'."));
            }
            else if (external && string.Equals(kind, "hyperlink", StringComparison.Ordinal))
            {
                var trimmed = target.Trim();
                if (trimmed.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith(@"\\", StringComparison.Ordinal)
                    || trimmed.StartsWith("//", StringComparison.Ordinal))
                {
                    problems.Add(new TemplateProblem(name, $"Hyperlink {id} points to a local or network file '{target}'."));
                }
            }
            else if (external)
            {
                problems.Add(new TemplateProblem(name, $"Relationship {id} ({kind}) links the external '{target}'; templates carry everything they show."));
            }
        }
    }

    // The little of a part these checks read, without DTDs or entity expansion.
    private sealed class XmlDocumentView
    {
        private readonly List<(string LocalName, Dictionary<string, string> Attributes)> _elements = [];
        private readonly StringBuilder _instructions = new();

        public string FieldInstructions => _instructions.ToString();

        public static XmlDocumentView Parse(byte[] bytes)
        {
            var view = new XmlDocumentView();
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
            using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), settings);
            var inInstruction = false;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
                    for (var i = 0; i < reader.AttributeCount; i++)
                    {
                        reader.MoveToAttribute(i);
                        attributes[reader.LocalName] = reader.Value;
                    }

                    reader.MoveToElement();
                    view._elements.Add((reader.LocalName, attributes));
                    switch (reader.LocalName)
                    {
                        // A field's instruction may be split over several runs: joined within a field, spaced between fields.
                        case "fldChar" when attributes.GetValueOrDefault("fldCharType") == "begin":
                            view._instructions.Append(' ');
                            break;
                        case "fldSimple":
                            view._instructions.Append(' ').Append(attributes.GetValueOrDefault("instr"));
                            break;
                        case "instrText":
                            inInstruction = !reader.IsEmptyElement;
                            break;
                    }
                }
                else if (reader.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace && inInstruction)
                {
                    view._instructions.Append(reader.Value);
                }
                else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "instrText")
                {
                    inInstruction = false;
                }
            }

            return view;
        }

        public IEnumerable<string> Attributes(string name) =>
            _elements.Select(e => e.Attributes.GetValueOrDefault(name)).OfType<string>();

        public bool HasElement(string localName) => _elements.Any(e => string.Equals(e.LocalName, localName, StringComparison.Ordinal));

        public IEnumerable<(string Id, string Type, string Target, bool External)> Relationships() =>
            _elements.Where(e => e.LocalName == "Relationship").Select(e => (
                e.Attributes.GetValueOrDefault("Id") ?? string.Empty,
                e.Attributes.GetValueOrDefault("Type") ?? string.Empty,
                e.Attributes.GetValueOrDefault("Target") ?? string.Empty,
                string.Equals(e.Attributes.GetValueOrDefault("TargetMode"), "External", StringComparison.OrdinalIgnoreCase)));
    }
}
