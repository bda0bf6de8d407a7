using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace Qadam.Api.Hosting;

/// <summary>
/// Keeps individual identification numbers out of the logs (Law of the Republic of Kazakhstan "On personal data and
/// their protection", art. 8; OWASP ASVS 4.0.3 V7.1.1): any run of exactly twelve digits in a logged text, such as the
/// path of <c>GET /api/students/{iin}</c> or a query string, is replaced by <c>[IIN]</c> before a line is written.
/// </summary>
internal sealed partial class IinRedaction : ILogEventEnricher
{
    public const string Mask = "[IIN]";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? redacted = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            if (value is ScalarValue { Value: string text } && TwelveDigits().IsMatch(text))
            {
                (redacted ??= []).Add(new LogEventProperty(name, new ScalarValue(Redact(text))));
            }
        }

        foreach (var property in redacted ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }

    public static string Redact(string text) => TwelveDigits().Replace(text, Mask);

    [GeneratedRegex(@"(?<!\d)\d{12}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex TwelveDigits();
}
