using System.Text.Json.Nodes;

namespace Qadam.Api.Features.Weather;

/// <summary>
/// One notification a school recorded on the frost day: the channel of order 103 para 13 it went through, when, who recorded
/// it, and whether the notification system approved for the school (para 12(2)) names that channel.
/// </summary>
public sealed record WeatherNotificationSent(string Channel, string LabelKk, string LabelRu, DateTimeOffset At, string? By, bool Approved);

/// <summary>
/// The four ways of order 103 para 13 by which the population is told of the move to distance learning: local television and
/// radio (1), the official websites of schools and education bodies (2), their pages in social networks and messengers (3),
/// and the class teachers (4). The codes are those of the form <c>weather-parents-notified</c> and of the tables
/// <c>weather-notification-&lt;territory&gt;</c>.
/// </summary>
internal static class WeatherNotificationChannels
{
    private static readonly Dictionary<string, (string Kk, string Ru)> Para13 = new(StringComparer.Ordinal)
    {
        ["tv-radio"] = ("Жергілікті теле- және радиоарналар", "Местные теле- и радиоканалы"),
        ["website"] = ("Ресми сайттар", "Официальные сайты"),
        ["social-messengers"] = ("Әлеуметтік желілер мен мессенджерлер", "Социальные сети и мессенджеры"),
        ["class-teachers"] = ("Сынып жетекшілері", "Классные руководители"),
    };

    /// <summary>
    /// The notifications one school's confirmation recorded: each channel its <c>channels</c> answer names, at the moment the
    /// task was completed, worded as the school's approved system words it (else as para 13 does) and marked approved or not.
    /// </summary>
    public static IEnumerable<WeatherNotificationSent> Recorded(JsonObject? output, JsonObject? system, DateTimeOffset at, string? by)
    {
        var approved = (system?["channels"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(c => c["code"]?.GetValueKind() == System.Text.Json.JsonValueKind.String)
            .ToDictionary(c => c["code"]!.GetValue<string>(), StringComparer.Ordinal);
        foreach (var code in (output?["channels"] as JsonArray ?? []).Select(c => c?.GetValueKind() == System.Text.Json.JsonValueKind.String
                     ? c.GetValue<string>() : null).OfType<string>())
        {
            (string Kk, string Ru) known = Para13.GetValueOrDefault(code, (code, code));
            if (approved.TryGetValue(code, out var entry))
            {
                yield return new WeatherNotificationSent(code, Text(entry["labelKk"]) ?? known.Kk, Text(entry["labelRu"]) ?? known.Ru, at, by, true);
            }
            else
            {
                yield return new WeatherNotificationSent(code, known.Kk, known.Ru, at, by, false);
            }
        }
    }

    private static string? Text(JsonNode? node) =>
        node?.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : null;
}
