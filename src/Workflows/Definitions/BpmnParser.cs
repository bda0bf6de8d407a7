using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Qadam.Workflows.Definitions;

/// <summary>
/// Reads BPMN 2.0 XML into an executable <see cref="Model.ProcessModel"/>, or into the list of
/// reasons it cannot run (refused at upload, never discovered at run time). Never throws on
/// bad input: malformed XML, a DTD, an oversized file are problems like any other.
/// </summary>
/// <remarks>
/// Which process runs: the one marked isExecutable="true", else the only process of the file that has
/// flow elements (tools such as Signavio and bpmn.io mark none executable). A file with several
/// executable processes is refused naming them: one file is one pathway, published under one key.
/// Other processes of a collaboration (pools of the other parties: a parent, a ministry) are not run
/// and not checked, and message flows between pools are diagram-only (messages are correlated by name
/// and qadam:correlationKey); pools without a process, lanes, annotations, associations, groups and
/// data objects are diagram-only too.
/// </remarks>
public static class BpmnParser
{
    /// <summary>The largest file accepted, in characters: far above any real procedure, far below harm.</summary>
    public const int MaxCharacters = 5 * 1024 * 1024;

    /// <summary>
    /// The deepest nesting of XML elements accepted. Real files nest sub-processes a few levels;
    /// a file nested thousands deep exists only to exhaust the stack of whoever walks it.
    /// </summary>
    public const int MaxNesting = 100;

    /// <summary>The id used for problems of a file that has no readable definitions id (e.g. malformed XML).</summary>
    public const string FileElementId = "definitions";

    private static readonly XNamespace Bpmn = BpmnSubset.Ns;

    static BpmnParser()
    {
        // Files from Russian-language Windows tools may declare windows-1251; .NET reads only the
        // Unicode encodings until the code pages are registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Parses and validates BPMN XML text.</summary>
    /// <param name="xml">The file's content.</param>
    /// <param name="catalog">Names the references may use; null checks none (see <see cref="DefinitionCatalog"/>).</param>
    public static BpmnParseResult Parse(string xml, DefinitionCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        if (xml.Length > MaxCharacters)
        {
            return Refused(FileElementId, TooLarge);
        }

        return Load(settings => XmlReader.Create(new StringReader(xml), settings), catalog);
    }

    /// <summary>Parses and validates BPMN XML from a stream (its encoding read from the XML declaration).</summary>
    /// <param name="xml">The file's content; not closed.</param>
    /// <param name="catalog">Names the references may use; null checks none (see <see cref="DefinitionCatalog"/>).</param>
    public static BpmnParseResult Parse(Stream xml, DefinitionCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(xml);

        // Read twice (nesting first, then the tree), so buffered; a character is at most 4 bytes of UTF-8.
        var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = xml.Read(chunk)) > 0)
        {
            if (buffer.Length + read > 4L * MaxCharacters)
            {
                return Refused(FileElementId, TooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.GetBuffer();
        var length = (int)buffer.Length;
        return Load(settings => XmlReader.Create(new MemoryStream(bytes, 0, length, writable: false), settings), catalog);
    }

    internal static string? IdOf(XElement element)
    {
        var id = element.Attribute("id")?.Value.Trim();
        return string.IsNullOrEmpty(id) ? null : id;
    }

    private static string TooLarge => string.Create(CultureInfo.InvariantCulture, $"the file is larger than {MaxCharacters:N0} characters");

    private static BpmnParseResult Load(Func<XmlReaderSettings, XmlReader> open, DefinitionCatalog? catalog)
    {
        // No DTD, so no entity expansion (billion laughs) and no external entity reading local
        // files or URLs; no resolver at all; a hard cap on size.
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxCharacters,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };

        XDocument document;
        try
        {
            // First a streaming pass for depth: building a tree is quadratic in its depth, and every
            // walk over a tree thousands deep risks the stack.
            using (var scan = open(settings))
            {
                while (scan.Read())
                {
                    if (scan.Depth >= MaxNesting)
                    {
                        return Refused(FileElementId, $"elements are nested more than {MaxNesting} levels deep");
                    }
                }
            }

            using var reader = open(settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            return Refused(FileElementId, Describe(ex));
        }

        return Read(document, catalog);
    }

    private static string Describe(XmlException ex)
    {
        // The reader's messages for these two are about its own settings; say what they mean for the file.
        if (ex.Message.Contains("DTD", StringComparison.Ordinal))
        {
            return "the file has a DTD (<!DOCTYPE>): DTDs and entities are not allowed in BPMN files";
        }

        if (ex.Message.Contains(nameof(XmlReaderSettings.MaxCharactersInDocument), StringComparison.Ordinal))
        {
            return TooLarge;
        }

        return $"the file is not well-formed XML: {ex.Message}";
    }

    private static BpmnParseResult Read(XDocument document, DefinitionCatalog? catalog)
    {
        var root = document.Root!;
        if (root.Name != Bpmn + "definitions")
        {
            return Refused(
                IdOf(root) ?? FileElementId,
                $"the root element is {root.Name.LocalName} in {DefinitionProblem.Quote(root.Name.NamespaceName)}, "
                + $"not BPMN 2.0 definitions in '{BpmnSubset.Uri}'");
        }

        var definitionsId = IdOf(root) ?? FileElementId;
        var problems = new List<DefinitionProblem>();
        ReportDuplicateIds(document, problems);

        var processes = root.Elements(Bpmn + "process").ToList();
        var chosen = Choose(processes, definitionsId, problems);
        var messages = RootElementsById(root, "message");
        var errors = RootElementsById(root, "error");
        var signals = RootElementsById(root, "signal");
        var escalations = RootElementsById(root, "escalation");

        Model.ProcessModel? model = null;
        foreach (var process in processes)
        {
            if (process != chosen)
            {
                // Another party's pool: drawn, not run.
                continue;
            }

            var processId = IdOf(process);
            if (processId is null)
            {
                problems.Add(new DefinitionProblem(definitionsId, "the process has no id"));
            }
            else
            {
                model = new BpmnProcessReader(messages, errors, problems) { Signals = signals, Escalations = escalations }
                    .Read(process, processId);
                problems.AddRange(DefinitionValidator.Validate(model, catalog));
            }
        }

        return new BpmnParseResult(model, [.. problems.Distinct()]);
    }

    private static XElement? Choose(List<XElement> processes, string definitionsId, List<DefinitionProblem> problems)
    {
        var executable = processes
            .Where(p => string.Equals(p.Attribute("isExecutable")?.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (executable.Count == 1)
        {
            return executable[0];
        }

        if (executable.Count > 1)
        {
            problems.Add(new DefinitionProblem(
                IdOf(executable[1]) ?? definitionsId,
                $"{executable.Count} processes are marked isExecutable=\"true\" ({Ids(executable)}): "
                + "a file holds the one process Qadam runs"));
            return null;
        }

        // Pools drawn empty (a party shown as a black box) are not candidates.
        var drawn = processes.Where(p => p.Elements().Any(e => e.Name.Namespace == Bpmn && BpmnSubset.IsFlowElement(e.Name.LocalName))).ToList();
        switch (processes.Count, drawn.Count)
        {
            case (1, _):
                return processes[0];
            case (0, _):
                problems.Add(new DefinitionProblem(definitionsId, "the file has no process"));
                return null;
            case (_, 1):
                return drawn[0];
            case (_, 0):
                problems.Add(new DefinitionProblem(
                    definitionsId,
                    $"the file has {processes.Count} processes ({Ids(processes)}), all empty, and none is marked isExecutable=\"true\""));
                return null;
            default:
                // A collaboration drawn for discussion (Camunda 7 deploys none of its pools marked isExecutable="false"):
                // which pool is the school's is the author's choice, needed to run or publish it, not to keep the draft.
                // The first drawn pool is checked meanwhile, so the draft's other problems are listed as well.
                problems.Add(DefinitionProblem.Incomplete(
                    IdOf(drawn[0]) ?? definitionsId,
                    "collaboration.none-executable",
                    $"the file has {drawn.Count} processes ({Ids(drawn)}) and none is marked isExecutable=\"true\": "
                    + $"mark the one Qadam runs (the first, {IdOf(drawn[0]) ?? "(no id)"}, is checked meanwhile)"));
                return drawn[0];
        }
    }

    private static string Ids(List<XElement> elements) =>
        string.Join(", ", elements.Take(5).Select(e => IdOf(e) ?? "(no id)")) + (elements.Count > 5 ? ", …" : "");

    private static void ReportDuplicateIds(XDocument document, List<DefinitionProblem> problems)
    {
        var duplicates = document.Descendants()
            .Select(e => (Element: e, Id: IdOf(e)))
            .Where(e => e.Id is not null)
            .GroupBy(e => e.Id!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1);
        foreach (var group in duplicates)
        {
            var kinds = string.Join(", ", group.Select(e => e.Element.Name.LocalName));
            problems.Add(new DefinitionProblem(
                group.Key,
                $"the id is used by {group.Count()} elements ({kinds}): ids must be unique in the file"));
        }
    }

    private static Dictionary<string, XElement> RootElementsById(XElement definitions, string localName)
    {
        var byId = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var element in definitions.Elements(Bpmn + localName))
        {
            if (IdOf(element) is { } id)
            {
                byId.TryAdd(id, element);
            }
        }

        return byId;
    }

    private static BpmnParseResult Refused(string elementId, string message) => new(null, [new DefinitionProblem(elementId, message)]);
}
