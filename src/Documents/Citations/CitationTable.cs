using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qadam.Documents.Citations;

/// <summary>
/// The acts the pathways cite, each under one official name in Kazakh and in Russian (workflows/citations.json), so that a
/// Kazakh document cites in Kazakh: a BPMN's <c>qadam:legalBasis</c> keeps the act as the modeller wrote it (in Russian,
/// sometimes with an annex or chapter), the table maps every such spelling to its act and writes the paragraph in each
/// language (<see cref="KazakhParagraphs"/>, or the table's own wording for a reference with free text).
/// </summary>
public sealed class CitationTable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    private readonly Dictionary<string, Act> _byCitedName;
    private readonly Dictionary<string, string> _paragraphs;

    // Each (act, paragraph) resolved once: an inbox page cites every task's basis, and normalising and composing the two
    // citations again for each was a fifth of what a page allocated (bench/Http/README.md, "Session 13"). The pairs come
    // from the published definitions, so they are few; the bound keeps odd spellings from growing it without end.
    private const int ResolvedLimit = 4096;

    private readonly ConcurrentDictionary<(string Act, string? Paragraph), Citation?> _resolved = new();

    private CitationTable(IEnumerable<Act> acts, Dictionary<string, string> paragraphs)
    {
        Acts = [.. acts];
        _byCitedName = new Dictionary<string, Act>(StringComparer.Ordinal);
        foreach (var act in Acts)
        {
            foreach (var name in act.Cited)
            {
                if (!_byCitedName.TryAdd(Normalise(name), act))
                {
                    throw new InvalidDataException($"The act name '{name}' is listed under two acts of the citation table.");
                }
            }
        }

        _paragraphs = paragraphs.ToDictionary(p => Normalise(p.Key), p => p.Value, StringComparer.Ordinal);
    }

    /// <summary>A table that knows no act: every citation stays as the BPMN wrote it.</summary>
    public static CitationTable Empty { get; } = new([], []);

    /// <summary>The acts, each with its official names and the spellings the BPMN files use for it.</summary>
    public IReadOnlyList<Act> Acts { get; }

    /// <summary>Reads the table's JSON (workflows/citations.json).</summary>
    public static CitationTable Parse(string json)
    {
        var file = JsonSerializer.Deserialize<CitationFile>(json, Json) ?? throw new InvalidDataException("The citation table is empty.");
        foreach (var act in file.Acts)
        {
            if (string.IsNullOrWhiteSpace(act.Kk) || string.IsNullOrWhiteSpace(act.Ru))
            {
                throw new InvalidDataException($"The act '{act.Key}' of the citation table lacks its Kazakh or Russian name.");
            }
        }

        return new CitationTable(file.Acts, file.Paragraphs ?? []);
    }

    /// <summary>
    /// The citation in both languages, or null when the act is not in the table or the paragraph has free text the table
    /// does not translate (a test over workflows/ keeps every BPMN citation resolvable).
    /// </summary>
    public Citation? Resolve(string? act, string? paragraph)
    {
        if (act is null)
        {
            return null;
        }

        if (_resolved.TryGetValue((act, paragraph), out var known))
        {
            return known;
        }

        var resolved = Compose(act, paragraph);
        if (_resolved.Count < ResolvedLimit)
        {
            _resolved.TryAdd((act, paragraph), resolved);
        }

        return resolved;
    }

    private Citation? Compose(string act, string? paragraph)
    {
        if (!_byCitedName.TryGetValue(Normalise(act), out var found))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(paragraph))
        {
            return new Citation(found.Kk, found.Ru);
        }

        var kk = _paragraphs.GetValueOrDefault(Normalise(paragraph)) ?? KazakhParagraphs.Translate(paragraph);
        return kk is null ? null : new Citation($"{found.Kk}, {kk}", $"{found.Ru}, {paragraph.Trim().TrimEnd(',').Trim()}");
    }

    // Spaces collapsed and a trailing comma dropped: "п. 15 пп. 1), " and "п. 15 пп. 1)" are the same reference.
    private static string Normalise(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd(',', ' ');

    /// <summary>One act: <paramref name="Key"/> for people, its official names, the spellings citing it.</summary>
    public sealed record Act(string Key, string Kk, string Ru, IReadOnlyList<string> Cited, string? Source = null);

    private sealed record CitationFile(
        [property: JsonRequired] List<Act> Acts,
        Dictionary<string, string>? Paragraphs);
}
