using System.Globalization;
using System.Text.RegularExpressions;

namespace Qadam.Documents.Registry;

/// <summary>
/// How registry numbers are written (each office keeps its own pattern). Tokens: <c>{org}</c>,
/// <c>{type}</c>, <c>{year}</c>, <c>{seq}</c> and <c>{seq:0000}</c> (a .NET numeric format,
/// here four digits with leading zeros). Anything else is copied as written.
/// Example: <c>{org}-{type}-{year}-{seq:0000}</c> gives <c>SCH001-ORDER-2025-0042</c>;
/// <c>№ {seq}/{year}</c> gives <c>№ 42/2025</c>.
/// </summary>
public sealed partial class RegistryNumberPattern
{
    /// <summary>The default pattern, <c>{org}-{type}-{year}-{seq:0000}</c>.</summary>
    public const string Default = "{org}-{type}-{year}-{seq:0000}";

    [GeneratedRegex(@"\{(?<name>[a-z]+)(:(?<format>[^}]*))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    /// <summary>Parses a pattern; it must contain <c>{seq}</c>, or two documents would share a number.</summary>
    /// <exception cref="ArgumentException">An unknown token, or no <c>{seq}</c>.</exception>
    public RegistryNumberPattern(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        var names = Token().Matches(pattern).Select(m => m.Groups["name"].Value).ToList();
        var unknown = names.Where(n => n is not ("org" or "type" or "year" or "seq")).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown token(s) {string.Join(", ", unknown.Select(u => "{" + u + "}"))} in registry number pattern '{pattern}'; "
                                        + "use {org}, {type}, {year}, {seq} or {seq:0000}.", nameof(pattern));
        }

        if (!names.Contains("seq"))
        {
            throw new ArgumentException($"Registry number pattern '{pattern}' has no {{seq}}, so numbers would repeat.", nameof(pattern));
        }

        Pattern = pattern;
    }

    /// <summary>The pattern text.</summary>
    public string Pattern { get; }

    /// <summary>Writes the number for the given parts.</summary>
    public RegistryNumber Format(string organisationCode, string documentType, int year, int sequence)
    {
        var text = Token().Replace(Pattern, match =>
        {
            var format = match.Groups["format"].Success ? match.Groups["format"].Value : null;
            return match.Groups["name"].Value switch
            {
                "org" => organisationCode,
                "type" => documentType,
                "year" => year.ToString(format, CultureInfo.InvariantCulture),
                _ => sequence.ToString(format, CultureInfo.InvariantCulture),
            };
        });
        return new RegistryNumber(text, organisationCode, documentType, year, sequence);
    }
}
