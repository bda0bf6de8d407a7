using System.Text;
using System.Text.Json;

namespace Qadam.Api.Hosting;

/// <summary>
/// Refuses text no field can hold before it reaches a handler: a NUL character (PostgreSQL text and jsonb cannot store
/// it) or an unpaired UTF-16 surrogate (not a character; RFC 8259 section 8.2) in a JSON string, a form field, the path
/// or the query. 422 problem naming the field, instead of a 500 from the database driver.
/// </summary>
internal sealed class UnsafeTextGuard(RequestDelegate next)
{
    /// <summary>Bodies larger than this are not scanned here; the endpoints' own size limits refuse them.</summary>
    private const int MaxScannedBytes = 8 * 1024 * 1024;

    private const string Message = "The text contains a NUL character or an unpaired surrogate, which no field accepts.";

    private const string DuplicateMessage = "The member appears twice in one object; send it once (RFC 8259 section 4).";

    public async Task InvokeAsync(HttpContext http, IProblemDetailsService problems)
    {
        var field = InUrl(http.Request);
        var duplicate = false;
        if (field is null && IsJson(http.Request) && http.Request.ContentLength is null or <= MaxScannedBytes)
        {
            http.Request.EnableBuffering();
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            http.Request.Body.Position = 0;
            (field, duplicate) = buffer.Length <= MaxScannedBytes ? InJson(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) : (null, false);
        }
        else if (field is null && http.Request.HasFormContentType
                 && http.Request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            field = form.Where(p => Unsafe(p.Key) || p.Value.Any(v => Unsafe(v))).Select(p => p.Key).FirstOrDefault();
        }

        if (field is null)
        {
            await next(http);
            return;
        }

        // A duplicate member makes the body malformed (400); unstorable text in a well-formed body is refused content (422).
        var status = duplicate ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity;
        var message = duplicate ? DuplicateMessage : Message;
        http.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = status,
                Title = duplicate ? "The request is malformed." : "One or more fields are not acceptable.",
                Detail = $"{field}: {message}",
            },
        });
    }

    /// <summary>True for text with a NUL or an unpaired surrogate.</summary>
    public static bool Unsafe(string? text)
    {
        if (text is null)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0' || char.IsLowSurrogate(c))
            {
                return true;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return true;
                }

                i++;
            }
        }

        return false;
    }

    private static string? InUrl(HttpRequest request)
    {
        if (Unsafe(request.Path.Value))
        {
            return "path";
        }

        return request.Query.Where(p => Unsafe(p.Key) || p.Value.Any(v => Unsafe(v))).Select(p => p.Key).FirstOrDefault();
    }

    private static bool IsJson(HttpRequest request) =>
        request.ContentType is { } type
        && (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Contains("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The JSON path of the first string (value or member name) that is unsafe or member name that repeats in its object;
    /// null when none is, or when it is not JSON.
    /// </summary>
    private static (string? Field, bool Duplicate) InJson(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                var token = reader.TokenType;
                if (token != JsonTokenType.PropertyName && token is not (JsonTokenType.EndObject or JsonTokenType.EndArray)
                    && frames.Count > 0 && frames[^1].IsArray)
                {
                    frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
                }

                switch (token)
                {
                    case JsonTokenType.StartObject:
                        frames.Add(new Frame(false, null, -1, new HashSet<string>(StringComparer.Ordinal)));
                        break;
                    case JsonTokenType.StartArray:
                        frames.Add(new Frame(true, null, -1, null));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var name = Read(ref reader);
                        var unsafeName = name is null || Unsafe(name);
                        frames[^1] = frames[^1] with { Name = unsafeName ? "?" : name };
                        if (unsafeName)
                        {
                            return (PathOf(frames), false);
                        }

                        if (!frames[^1].Names!.Add(name!))
                        {
                            return (PathOf(frames), true);
                        }

                        break;
                    case JsonTokenType.String:
                        var value = Read(ref reader);
                        if (value is null || Unsafe(value))
                        {
                            return (PathOf(frames), false);
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed JSON is the binder's to report (400, naming where it breaks).
            return (null, false);
        }

        return (null, false);
    }

    /// <summary>The string, or null when it cannot be one (an escaped lone surrogate, invalid UTF-8).</summary>
    private static string? Read(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string PathOf(List<Frame> frames)
    {
        var path = new StringBuilder();
        foreach (var frame in frames)
        {
            if (frame.IsArray)
            {
                path.Append('[').Append(Math.Max(frame.Index, 0)).Append(']');
            }
            else if (frame.Name is not null)
            {
                path.Append(path.Length == 0 ? string.Empty : ".").Append(frame.Name);
            }
        }

        return path.Length == 0 ? "$" : path.ToString();
    }

    private sealed record Frame(bool IsArray, string? Name, int Index, HashSet<string>? Names);
}
