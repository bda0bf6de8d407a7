using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime;
using Qadam.Identifiers;

namespace Qadam.Workflows.Execution;

/// <summary>Hard limits on one expression evaluation (time, statements, memory, recursion): a script cannot stall a node.</summary>
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
        engine.SetValue("ageOn", new Func<string, string, int>((iin, date) => Iin.AgeOn(BirthDateOf(iin), ParseDate(date))));
        engine.SetValue("birthDate", new Func<string, string>(iin => BirthDateOf(iin).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        engine.SetValue("addDays", new Func<string, int, string>((date, days) =>
            ParseDate(date).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        engine.SetValue("daysBetween", new Func<string, string, int>((from, to) => ParseDate(to).DayNumber - ParseDate(from).DayNumber));
        return engine;
    }

    // The birth date only: a case's IIN was checked where it entered, and an expression must not fail on a check digit.
    private static DateOnly BirthDateOf(string iin) =>
        Iin.TryReadBirthDate(iin, out var born, out var error) ? born : throw new ArgumentException($"'{iin}': {error}");

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
