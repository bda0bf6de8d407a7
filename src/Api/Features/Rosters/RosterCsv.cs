using System.Text;
using nietras.SeparatedValues;

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
    /// <remarks>
    /// Fields are read by Sep (https://github.com/nietras/Sep) with RFC 4180 quoting: a quoted field may hold the
    /// delimiter, a doubled quote and line breaks. A row may have fewer or more cells than the header (a short row's
    /// missing cells are empty, and reported by the row checks), so one bad row never hides the others.
    /// </remarks>
    public static List<RosterCsvRow> Parse(string text, out string? headerProblem)
    {
        headerProblem = null;

        // Excel writes ';' in the Kazakh and Russian locales and ',' elsewhere: the header row tells which.
        var firstLineEnd = text.IndexOfAny(['\r', '\n']);
        var firstLine = firstLineEnd < 0 ? text : text[..firstLineEnd];
        var delimiter = firstLine.Contains(';', StringComparison.Ordinal) ? ';' : ',';

        using var reader = Sep.New(delimiter)
            .Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true })
            .FromText(text);
        if (!reader.MoveNext())
        {
            headerProblem = "The file is empty; it needs a header row and a row per student.";
            return [];
        }

        var header = reader.Current;
        var keys = new List<string?>();
        var unknown = new List<string>();
        for (var i = 0; i < header.ColCount; i++)
        {
            var title = header[i].ToString().Trim();
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
        foreach (var record in reader)
        {
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            var blank = true;
            for (var i = 0; i < record.ColCount; i++)
            {
                var cell = record[i].Span.Trim();
                blank &= cell.IsEmpty;
                if (i < keys.Count && keys[i] is { } key)
                {
                    cells[key] = cell.ToString();
                }
            }

            if (!blank)
            {
                rows.Add(new RosterCsvRow(record.LineNumberFrom, cells));
            }
        }

        return rows;
    }
}
