using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime;

namespace Qadam.Workflows.Execution;

/// <summary>Hard limits on one expression evaluation (issue 3: time, statements, memory, recursion).</summary>
/// <param name="Timeout">Wall-clock limit.</param>
/// <param name="MaxStatements">Statement count limit.</param>
/// <param name="MemoryBytes">Memory limit.</param>
/// <param name="MaxRecursion">Call depth limit.</param>
public sealed record ExpressionLimits(TimeSpan Timeout, int MaxStatements, long MemoryBytes, int MaxRecursion)
{
    /// <summary>Defaults generous for conditions over case data, tight enough to stop a runaway loop quickly.</summary>
    public static readonly ExpressionLimits Default = new(TimeSpan.FromMilliseconds(500), 10_000, 16 * 1024 * 1024, 64);
}

/// <summary>
/// Evaluates JavaScript expressions with Jint under hard limits, with no CLR access. An expression
/// sees the instance's variables as globals plus a few helpers; dates are Kazakhstan's (UTC+5).
/// A failure of any kind becomes an <see cref="ExpressionException"/> naming the element.
/// </summary>
internal sealed class ExpressionEvaluator(ExpressionLimits limits, DateTimeOffset now)
{
    /// <summary>Kazakhstan has one time zone, UTC+5, since 1 March 2024 (domain-facts.md).</summary>
    public static readonly TimeSpan KazakhstanOffset = TimeSpan.FromHours(5);

    private static readonly ConcurrentDictionary<string, Prepared<Acornima.Ast.Script>> Prepared = new(StringComparer.Ordinal);

    public bool IsTrue(string elementId, string expression, JsonObject variables, JsonObject? locals = null) =>
        Evaluate(elementId, expression, variables, locals) switch
        {
            JsonValue v when v.TryGetValue<bool>(out var b) => b,
            null => false,
            var other => throw new ExpressionException(elementId, expression, $"a condition must give true or false, not {other.ToJsonString()}"),
        };

    public JsonNode? Evaluate(string elementId, string expression, JsonObject variables, JsonObject? locals = null)
    {
        try
        {
            var engine = CreateEngine(variables, locals);
            var script = Prepared.GetOrAdd(expression, static e => Engine.PrepareScript("(" + e + "\n)", strict: true));
            var result = engine.Evaluate(script);
            return ToJson(engine, result);
        }
        catch (ExpressionException)
        {
            throw;
        }
        catch (JavaScriptException ex)
        {
            throw new ExpressionException(elementId, expression, ex.Message, ex);
        }
        catch (Exception ex) when (ex is JintException or TimeoutException or Acornima.ParseErrorException or InvalidOperationException or ArgumentException)
        {
            throw new ExpressionException(elementId, expression, Describe(ex), ex);
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        StatementsCountOverflowException => "too many statements (a loop that does not end?)",
        TimeoutException => "took too long",
        MemoryLimitExceededException => "used too much memory",
        RecursionDepthOverflowException => "recursed too deep",
        Acornima.ParseErrorException p => "does not parse: " + p.Description,
        _ => ex.Message,
    };

    private Engine CreateEngine(JsonObject variables, JsonObject? locals)
    {
        var engine = new Engine(options => options
            .Strict()
            .TimeoutInterval(limits.Timeout)
            .MaxStatements(limits.MaxStatements)
            .LimitMemory(limits.MemoryBytes)
            .LimitRecursion(limits.MaxRecursion));
        var parser = new JsonParser(engine);
        foreach (var (name, value) in variables)
        {
            engine.SetValue(name, value is null ? JsValue.Null : parser.Parse(value.ToJsonString()));
        }

        if (locals is not null)
        {
            foreach (var (name, value) in locals)
            {
                engine.SetValue(name, value is null ? JsValue.Null : parser.Parse(value.ToJsonString()));
            }
        }

        var today = DateOnly.FromDateTime(now.ToOffset(KazakhstanOffset).DateTime);
        engine.SetValue("today", new Func<string>(() => today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        engine.SetValue("now", new Func<string>(() => now.ToOffset(KazakhstanOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)));
        engine.SetValue("ageOn", new Func<string, string, int>((iin, date) => IinBirthDate.AgeOn(iin, ParseDate(date))));
        engine.SetValue("birthDate", new Func<string, string>(iin => IinBirthDate.From(iin).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        engine.SetValue("addDays", new Func<string, int, string>((date, days) =>
            ParseDate(date).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        engine.SetValue("daysBetween", new Func<string, string, int>((from, to) => ParseDate(to).DayNumber - ParseDate(from).DayNumber));
        return engine;
    }

    private static DateOnly ParseDate(string text) =>
        DateOnly.TryParseExact(text.Length > 10 ? text[..10] : text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ArgumentException($"'{text}' is not a date (yyyy-MM-dd)");

    private static JsonNode? ToJson(Engine engine, JsValue value)
    {
        if (value.IsNull() || value.IsUndefined())
        {
            return null;
        }

        if (value.IsBoolean())
        {
            return JsonValue.Create(value.AsBoolean());
        }

        if (value.IsString())
        {
            return JsonValue.Create(value.AsString());
        }

        var json = new JsonSerializer(engine).Serialize(value, JsValue.Undefined, JsValue.Undefined);
        return json.IsUndefined() ? null : JsonNode.Parse(json.AsString());
    }
}

/// <summary>The birth date encoded in the first seven digits of an IIN (government resolution 565 of 11.06.2003).</summary>
internal static class IinBirthDate
{
    public static DateOnly From(string iin)
    {
        if (iin.Length != 12 || !iin.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"'{iin}' is not a 12-digit IIN");
        }

        var century = iin[6] switch
        {
            '1' or '2' => 1800,
            '3' or '4' => 1900,
            '5' or '6' => 2000,
            _ => throw new ArgumentException($"'{iin}' has no century digit (7th digit 1-6)"),
        };
        var year = century + int.Parse(iin.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(iin.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(iin.AsSpan(4, 2), CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            throw new ArgumentException($"'{iin}' does not start with a real date");
        }

        return new DateOnly(year, month, day);
    }

    public static int AgeOn(string iin, DateOnly date)
    {
        var born = From(iin);
        var age = date.Year - born.Year;
        return born.AddYears(age) > date ? age - 1 : age;
    }
}
