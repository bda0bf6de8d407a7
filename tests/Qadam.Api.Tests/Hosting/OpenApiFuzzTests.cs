using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qadam.Api.Tests.Hosting;

/// <summary>
/// Every operation of the OpenAPI document, called by a demo user who may call it, with hostile parameters and bodies:
/// type-confused values, nulls, empty, huge (100 KB) and odd strings (NUL, lone surrogates), numbers and dates at their
/// limits, malformed and deeply nested JSON, duplicate keys. No answer may be a 5xx (OWASP ASVS 4.0.3 V5.1, V7.4.1).
/// Bounded: a few thousand requests, four at a time.
/// </summary>
public sealed class OpenApiFuzzTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    private static readonly string Huge = new('x', 100 * 1024);

    /// <summary>Path and query values, already percent-encoded where needed.</summary>
    private static readonly string[] UrlValues =
    [
        "", "%00", "a%00b", "%ED%A0%80", "%F0%9F%98%80", "-1", "0", "2147483648", "-2147483649", "99999999999999999999999", "1e400",
        "NaN", "true", "null", "0001-01-01", "9999-12-31", "2024-02-30", "00000000-0000-0000-0000-000000000000", "..%2F..%2Fetc%2Fpasswd",
        "%27%20OR%201%3D1--", "%3Cscript%3E", Huge,
    ];

    /// <summary>Raw JSON values put in place of each member of a body.</summary>
    private static readonly string[] JsonValues =
    [
        "null", "\"\"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"\\udc00x\"", "\"" + Huge + "\"", "0", "-1", "2147483647",
        "2147483648", "-9223372036854775809", "1e308", "-1e308", "1.5", "true", "[]", "{}", "[null]", "{\"x\":null}",
        "\"0001-01-01\"", "\"9999-12-31T23:59:59Z\"", "\"2024-02-30\"", "\"not-a-guid\"", "\"00000000-0000-0000-0000-000000000000\"",
    ];

    /// <summary>Whole bodies that are not what any operation takes.</summary>
    private static readonly string[] Bodies =
    [
        "", "{", "}", "[]", "null", "\"text\"", "123", "{\"a\":1,\"a\":2}", "{\"\\u0000\":1}", "{\"\\ud800\":1}",
        new string('[', 2000) + new string(']', 2000), "{\"a\":" + new string('[', 200) + new string(']', 200) + "}",
    ];

    [Fact]
    public async Task No_operation_answers_5xx_to_hostile_input()
    {
        using var anonymous = api.CreateClient();
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var requests = new List<(string User, HttpMethod Method, string Url, string? Body, string What)>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operationNode) in item!.AsObject())
            {
                if (operationNode is not JsonObject operation || method is "parameters" or "summary" or "description")
                {
                    continue;
                }

                var user = UserFor(path, method);
                var http = new HttpMethod(method.ToUpperInvariant());
                var parameters = Parameters(operation, item.AsObject());
                var baseUrl = Url(path, parameters, null, null);
                foreach (var parameter in parameters)
                {
                    // A NUL in the path never reaches the app: Kestrel answers 400 itself (and TestServer refuses to send it).
                    foreach (var value in UrlValues.Where(v => parameter.In != "path" || !v.Contains("%00", StringComparison.Ordinal)))
                    {
                        requests.Add((user, http, Url(path, parameters, parameter.Name, value), ValidBody(document, operation),
                            $"{parameter.Name}={Shorten(value)}"));
                    }
                }

                if (operation["requestBody"]?["content"] is JsonObject content)
                {
                    var skeleton = content["application/json"]?["schema"] is { } schema ? Example(document, schema, 0) : null;
                    foreach (var body in Bodies)
                    {
                        requests.Add((user, http, baseUrl, body, $"body {Shorten(body)}"));
                    }

                    if (skeleton is JsonObject members)
                    {
                        foreach (var member in members.Select(m => m.Key).ToList())
                        {
                            foreach (var value in JsonValues)
                            {
                                requests.Add((user, http, baseUrl, Replace(members, member, value), $"{member}={Shorten(value)}"));
                            }
                        }

                        requests.Add((user, http, baseUrl, "{" + string.Join(",", members.Select(m => $"\"{m.Key}\":{m.Value?.ToJsonString() ?? "null"}"))
                            + (members.Count > 0 ? "," + $"\"{members.First().Key}\":{members.First().Value?.ToJsonString() ?? "null"}" : string.Empty) + "}",
                            "duplicate key"));
                    }
                }
            }
        }

        Assert.True(requests.Count > 500, $"only {requests.Count} requests built from the OpenAPI document");
        var clients = new ConcurrentDictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var user in requests.Select(r => r.User).Distinct())
        {
            clients[user] = await api.ClientForAsync(user);
        }

        var failures = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (r, cancellationToken) =>
        {
            using var request = new HttpRequestMessage(r.Method, r.Url);
            if (r.Body is not null)
            {
                request.Content = new StringContent(r.Body, Encoding.UTF8);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }

            using var response = await clients[r.User].SendAsync(request, cancellationToken);
            if ((int)response.StatusCode >= 500)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                failures.Add($"{r.User} {r.Method} {Shorten(r.Url)} [{r.What}]: {(int)response.StatusCode} {Shorten(body)}");
            }
        });
        clock.Stop();

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        Assert.True(failures.IsEmpty, $"{failures.Count} of {requests.Count} answers were 5xx:\n" + string.Join('\n', failures.Order(StringComparer.Ordinal).Take(60)));
        // About 2,000 requests: 10-20 s on an idle two-core machine; the bound leaves room for a loaded CI runner.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"{requests.Count} requests took {clock.Elapsed}");
    }

    /// <summary>A demo user whose role may call the operation, so the input reaches the handler rather than a 403.</summary>
    private static string UserFor(string path, string method) => path switch
    {
        _ when path.StartsWith("/api/definitions", StringComparison.Ordinal) => "legal.r1",
        _ when path.StartsWith("/api/emergency-orders", StringComparison.Ordinal) || path.StartsWith("/api/weather", StringComparison.Ordinal)
               || path.StartsWith("/api/mass-transfers", StringComparison.Ordinal) => "regional.r1",
        _ when path.StartsWith("/api/parents", StringComparison.Ordinal) => "parent.p1",
        _ when path.StartsWith("/api/audit", StringComparison.Ordinal) => "auditor.r1",
        _ when path.Contains("/signatures", StringComparison.Ordinal) => "head.s1",
        _ when method == "get" && path.StartsWith("/api/tasks", StringComparison.Ordinal) => "psychologist.s1",
        _ => "clerk.s1",
    };

    private sealed record Parameter(string Name, string In, JsonNode? Schema);

    private static List<Parameter> Parameters(JsonObject operation, JsonObject item) =>
        [.. (operation["parameters"] as JsonArray ?? item["parameters"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(p => new Parameter(p["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), p["schema"]))
            .Where(p => p.In is "path" or "query")];

    private static string Url(string path, List<Parameter> parameters, string? fuzzed, string? value)
    {
        var url = path;
        var query = new List<string>();
        foreach (var parameter in parameters)
        {
            var text = parameter.Name == fuzzed ? value! : Uri.EscapeDataString(Plain(parameter.Schema));
            if (parameter.In == "path")
            {
                url = url.Replace("{" + parameter.Name + "}", text.Length == 0 ? "%20" : text, StringComparison.Ordinal);
            }
            else if (parameter.Name == fuzzed)
            {
                query.Add($"{parameter.Name}={text}");
            }
        }

        return query.Count == 0 ? url : url + "?" + string.Join("&", query);
    }

    private static string Plain(JsonNode? schema)
    {
        var format = schema?["format"]?.GetValue<string>();
        var type = TypeOf(schema);
        return format switch
        {
            "uuid" => Guid.NewGuid().ToString(),
            "date" => "2026-01-15",
            "date-time" => "2026-01-15T08:00:00Z",
            _ => type switch
            {
                "integer" or "number" => "1",
                "boolean" => "true",
                _ => "s1",
            },
        };
    }

    private static string? TypeOf(JsonNode? schema) => schema?["type"] switch
    {
        JsonValue v when v.TryGetValue<string>(out var t) => t,
        JsonArray a => a.Select(x => x?.GetValue<string>()).FirstOrDefault(t => t != "null"),
        _ => null,
    };

    private static string? ValidBody(JsonObject document, JsonObject operation) =>
        operation["requestBody"]?["content"]?["application/json"]?["schema"] is { } schema ? Example(document, schema, 0)?.ToJsonString() ?? "{}" : null;

    /// <summary>A plausible value of a schema (references resolved), to vary one member at a time.</summary>
    private static JsonNode? Example(JsonObject document, JsonNode schema, int depth)
    {
        if (depth > 6)
        {
            return null;
        }

        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            var name = reference.Split('/')[^1];
            return document["components"]?["schemas"]?[name] is { } target ? Example(document, target, depth + 1) : null;
        }

        if ((schema["oneOf"] ?? schema["anyOf"] ?? schema["allOf"]) is JsonArray choices)
        {
            return choices.OfType<JsonObject>().Where(c => TypeOf(c) != "null").Select(c => Example(document, c, depth + 1)).FirstOrDefault();
        }

        switch (TypeOf(schema))
        {
            case "object" or null when schema["properties"] is JsonObject properties:
                var result = new JsonObject();
                foreach (var (name, property) in properties)
                {
                    result[name] = property is null ? null : Example(document, property, depth + 1);
                }

                return result;
            case "array":
                return schema["items"] is { } items ? new JsonArray(Example(document, items, depth + 1)) : new JsonArray();
            case "integer" or "number":
                return JsonValue.Create(1);
            case "boolean":
                return JsonValue.Create(true);
            case "string":
                return JsonValue.Create(Plain(schema));
            default:
                return new JsonObject();
        }
    }

    private static string Replace(JsonObject members, string member, string rawValue)
    {
        var parts = members.Select(m => $"{JsonSerializer.Serialize(m.Key)}:{(m.Key == member ? rawValue : m.Value?.ToJsonString() ?? "null")}");
        return "{" + string.Join(",", parts) + "}";
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..60] + $"…({text.Length})";
}
