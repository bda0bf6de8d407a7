using System.Text;

namespace Qadam.Api.Features.Rosters;

/// <summary>One data row of a roster file: its line number and its cells by column key.</summary>
internal sealed record RosterCsvRow(int Line, IReadOnlyDictionary<string, string> Cells)
{
    public string Get(string column) => Cells.TryGetValue(column, out var value) ? value : string.Empty;
}

/// <summary>
/// Reads a roster in the shape of a school's NOBD export: a header row and one student a row, separated by
/// semicolons (as Excel writes CSV in Kazakh and Russian locales) or commas, quoted per RFC 4180, UTF-8.
/// Headers may be the English keys below or the Russian or Kazakh column titles of the export.
/// </summary>
internal static class RosterCsv
{
    public const string Iin = "iin";
    public const string FullName = "full_name";
    public const string BirthDate = "birth_date";
    public const string Organisation = "organisation";
    public const string Class = "class";
    public const string Shift = "shift";
    public const string Level = "level";
    public const string ParentIin = "parent_iin";
    public const string ParentName = "parent_name";
    public const string ParentPhone = "parent_phone";

    public static readonly IReadOnlyList<string> Columns = [Iin, FullName, BirthDate, Organisation, Class, Shift, Level, ParentIin, ParentName, ParentPhone];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["иин"] = Iin, ["жсн"] = Iin,
        ["фио"] = FullName, ["аты-жөні"] = FullName, ["name"] = FullName,
        ["дата рождения"] = BirthDate, ["туған күні"] = BirthDate, ["date_of_birth"] = BirthDate,
        ["организация"] = Organisation, ["ұйым"] = Organisation, ["organization"] = Organisation, ["код организации"] = Organisation,
        ["класс"] = Class, ["группа"] = Class, ["класс/группа"] = Class, ["сынып"] = Class, ["сынып/топ"] = Class, ["group"] = Class,
        ["смена"] = Shift, ["ауысым"] = Shift,
        ["уровень образования"] = Level, ["білім деңгейі"] = Level, ["education_level"] = Level,
        ["иин родителя"] = ParentIin, ["ата-анасының жсн"] = ParentIin,
        ["фио родителя"] = ParentName, ["ата-анасының аты-жөні"] = ParentName,
        ["телефон родителя"] = ParentPhone, ["ата-анасының телефоны"] = ParentPhone,
    };

    private static readonly byte[][] BinarySignatures =
    [
        "%PDF"u8.ToArray(), [0x50, 0x4B, 0x03, 0x04], [0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], "GIF8"u8.ToArray(),
        [0xD0, 0xCF, 0x11, 0xE0], [0x1F, 0x8B], "MZ"u8.ToArray(),
    ];

    /// <summary>Null when the bytes are UTF-8 text; otherwise why they are not a CSV file, whatever the file is called.</summary>
    public static string? WhyNotText(ReadOnlySpan<byte> content, out string text)
    {
        text = string.Empty;
        foreach (var signature in BinarySignatures)
        {
            if (content.StartsWith(signature))
            {
                return "The file is a binary document (PDF, image, archive or Excel workbook), not CSV text; export the roster as CSV (UTF-8).";
            }
        }

        if (content.Contains((byte)0))
        {
            return "The file contains NUL bytes, so it is not CSV text; export the roster as CSV (UTF-8).";
        }

        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return "The file is not UTF-8 text; save the roster as \"CSV UTF-8\".";
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        return null;
    }

    /// <summary>Parses the text; <paramref name="headerProblem"/> names missing or unknown columns.</summary>
    public static List<RosterCsvRow> Parse(string text, out string? headerProblem)
    {
        headerProblem = null;
        var records = Split(text);
        if (records.Count == 0)
        {
            headerProblem = "The file is empty; it needs a header row and a row per student.";
            return [];
        }

        var header = records[0].Fields.Select(h => h.Trim()).ToList();
        var keys = new List<string?>();
        var unknown = new List<string>();
        foreach (var title in header)
        {
            var key = Columns.Contains(title.ToLowerInvariant()) ? title.ToLowerInvariant() : Aliases.GetValueOrDefault(title);
            if (key is null && title.Length > 0)
            {
                unknown.Add(title);
            }

            keys.Add(key);
        }

        var missing = Columns.Where(c => !keys.Contains(c)).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            headerProblem = (missing.Count > 0 ? "Missing columns: " + string.Join(", ", missing) + ". " : string.Empty)
                + (unknown.Count > 0 ? "Unknown columns: " + string.Join(", ", unknown) + ". " : string.Empty)
                + "Expected: " + string.Join(", ", Columns) + ".";
            return [];
        }

        var rows = new List<RosterCsvRow>();
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < keys.Count && i < record.Fields.Count; i++)
            {
                if (keys[i] is { } key)
                {
                    cells[key] = record.Fields[i].Trim();
                }
            }

            rows.Add(new RosterCsvRow(record.Line, cells));
        }

        return rows;
    }

    private sealed record Record(int Line, List<string> Fields);

    private static List<Record> Split(string text)
    {
        var firstLineEnd = text.IndexOfAny(['\r', '\n']);
        var firstLine = firstLineEnd < 0 ? text : text[..firstLineEnd];
        var delimiter = firstLine.Contains(';', StringComparison.Ordinal) ? ';' : ',';

        var records = new List<Record>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add(new Record(recordLine, fields));
                fields = [];
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(new Record(recordLine, fields));
        }

        return records;
    }
}
