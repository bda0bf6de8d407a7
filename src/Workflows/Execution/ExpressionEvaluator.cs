using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime;
using Microsoft.Extensions.Caching.Memory;

namespace Qadam.Workflows.Execution;

/// <summary>Hard limits on one expression evaluation (time, statements, memory, recursion): a script cannot stall a node.</summary>
/// <param name="Timeout">Wall-clock limit; regular expressions are held to it too.</param>
/// <param name="MaxStatements">Statement count limit.</param>
/// <param name="MemoryBytes">Memory limit.</param>
/// <param name="MaxRecursion">Call depth limit.</param>
public sealed record ExpressionLimits(TimeSpan Timeout, int MaxStatements, long MemoryBytes, int MaxRecursion)
{
    /// <summary>Defaults generous for conditions over case data, tight enough to stop a runaway loop quickly.</summary>
    public static readonly ExpressionLimits Default = new(TimeSpan.FromMilliseconds(500), 10_000, 16 * 1024 * 1024, 64);

    /// <summary>
    /// The longest array an expression may make. An element costs at least 8 bytes, so a longer array would pass the
    /// memory limit in one allocation, before the limit is next checked.
    /// </summary>
    public uint MaxArrayLength => (uint)Math.Clamp(MemoryBytes / 16, 1024, uint.MaxValue);
}

/// <summary>
/// Evaluates JavaScript expressions with Jint under hard limits, with no CLR access. An expression
/// sees the instance's variables as globals plus the engine's date helpers and the functions the host registered
/// (<see cref="ExpressionFunctions"/>: Kazakhstan's today() and ageOn() in Qadam).
/// A failure of any kind becomes an <see cref="ExpressionException"/> naming the element.
/// </summary>
internal sealed partial class ExpressionEvaluator(ExpressionLimits limits, DateTimeOffset now, CommandBudget? budget = null,
    Func<int, Tables.WorkingCalendar?>? calendar = null, ExpressionFunctions? functions = null)
{
    /// <summary>The functions the engine defines itself; a host adds its own through <see cref="ExpressionFunctions"/>.</summary>
    internal static readonly IReadOnlySet<string> BuiltInFunctions = new HashSet<string>(StringComparer.Ordinal)
    {
        "addDays", "addWorkingDays", "daysBetween", "workingDaysBetween", "execution",
    };

    /// <summary>Parsed expressions and scripts at most; beyond it the least recently used are parsed again when next run.</summary>
    internal const long PreparedSizeLimit = 10_000;

    // By text, shared by every command: the expressions of the published versions are few, but a draft's dry runs and a
    // table's rows add new texts all the time, so the cache is bounded (compacted by a quarter when full).
    private static readonly MemoryCache Prepared = new(new MemoryCacheOptions { SizeLimit = PreparedSizeLimit, CompactionPercentage = 0.25 });

    private readonly record struct PreparedKey(bool IsScript, string Text);

    /// <summary>
    /// A parsed expression, every name it mentions, and whether it may reach a global it does not name
    /// (<see cref="MayReachUnnamedGlobals"/>).
    /// </summary>
    private sealed record Compiled(Prepared<Acornima.Ast.Script> Script, HashSet<string> Names, bool ReachesUnnamed);

    // The names through which a strict script gets at the global object or at code compiled from a string at run time,
    // where a global may be named without the script's text naming it (see MayReachUnnamedGlobals).
    private static readonly HashSet<string> DynamicReach = new(StringComparer.Ordinal)
    {
        "globalThis", "eval", "Function", "constructor", "Reflect", "getOwnPropertyDescriptor", "getOwnPropertyDescriptors",
    };

    public bool IsTrue(string elementId, string expression, JsonObject variables, JsonObject? locals = null) =>
        Evaluate(elementId, expression, variables, locals) switch
        {
            JsonValue v when v.TryGetValue<bool>(out var b) => b,
            null => false,
            var other => throw new ExpressionException(elementId, expression, $"a condition must give true or false, not {other.ToJsonString()}"),
        };

    public JsonNode? Evaluate(string elementId, string expression, JsonObject variables, JsonObject? locals = null) =>
        Run(elementId, expression, variables, locals, null);

    /// <summary>
    /// Runs a script task's script under the same limits as an expression. The variables it sets with
    /// <c>execution.setVariable</c> are put in <paramref name="written"/> (each held to the size of a string the script
    /// could make); the script's last value is returned.
    /// </summary>
    public JsonNode? RunScript(string elementId, string script, JsonObject variables, JsonObject? locals, JsonObject written) =>
        Run(elementId, script, variables, locals, written);

    private JsonNode? Run(string elementId, string expression, JsonObject variables, JsonObject? locals, JsonObject? written)
    {
        var timeout = limits.Timeout;
        if (budget is not null)
        {
            var left = budget.ExpressionTimeLeft;
            if (left <= TimeSpan.Zero || budget.StatementsLeft == 0)
            {
                throw new ExpressionException(elementId, expression, BudgetSpent);
            }

            timeout = left < timeout ? left : timeout;
        }

        // Measured only for a budget (an evaluator without one, a decision table or a start timer at publication, charges nothing).
        var started = budget is null ? default : ExpressionCpuTime.Start();
        try
        {
            var compiled = Prepared.GetOrCreate(new PreparedKey(written is not null, expression), static entry =>
            {
                entry.Size = 1;
                var key = (PreparedKey)entry.Key;
                return key.IsScript ? Compile(key.Text) : Compile("(" + key.Text + "\n)");
            })!;
            var engine = CreateEngine(compiled.Names, compiled.ReachesUnnamed, variables, locals, timeout);
            if (written is not null)
            {
                engine.SetValue("execution", Execution(engine, variables, locals, written));
            }

            var result = engine.Evaluate(compiled.Script);
            return ToJson(engine, result);
        }
        catch (ExpressionException)
        {
            throw;
        }
        catch (CommandStatementsSpentException ex)
        {
            throw new ExpressionException(elementId, expression, BudgetSpent, ex);
        }
        catch (ExpressionTooLargeException ex)
        {
            throw new ExpressionException(elementId, expression, "used too much memory: " + ex.Message, ex);
        }
        catch (RegexMatchTimeoutException ex)
        {
            throw new ExpressionException(elementId, expression, "a regular expression took too long", ex);
        }
        catch (JavaScriptException ex)
        {
            throw new ExpressionException(elementId, expression, ex.Message, ex);
        }
        catch (Exception ex) when (ex is JintException or TimeoutException or Acornima.ParseErrorException or InvalidOperationException or ArgumentException
                                       or OutOfMemoryException)
        {
            throw new ExpressionException(elementId, expression, Describe(ex), ex);
        }
        finally
        {
            budget?.ChargeExpressionTime(started.Elapsed());
        }
    }

    private string BudgetSpent => budget is null
        ? "the command's expression budget is spent"
        : string.Create(CultureInfo.InvariantCulture,
            $"the command's expressions used their budget ({budget.Limits.ExpressionTimePerCommand.TotalSeconds:0.#} s, "
            + $"{budget.Limits.ExpressionStatementsPerCommand:N0} statements)");

    private static string Describe(Exception ex) => ex switch
    {
        StatementsCountOverflowException => "too many statements (a loop that does not end?)",
        TimeoutException => "took too long",
        MemoryLimitExceededException or OutOfMemoryException => "used too much memory",
        RecursionDepthOverflowException => "recursed too deep",
        Acornima.ParseErrorException p => "does not parse: " + p.Description,
        _ => ex.Message,
    };

    private static Compiled Compile(string source)
    {
        var script = Engine.PrepareScript(source, strict: true);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var reachesUnnamed = false;
        var pending = new Stack<Acornima.Ast.Node>();
        pending.Push(script.Program!);
        while (pending.TryPop(out var node))
        {
            if (node is Acornima.Ast.Identifier identifier)
            {
                names.Add(identifier.Name);
            }

            reachesUnnamed |= MayReachUnnamedGlobals(node);
            foreach (var child in node.ChildNodes)
            {
                pending.Push(child);
            }
        }

        return new Compiled(script, names, reachesUnnamed || names.Overlaps(DynamicReach));
    }

    /// <summary>
    /// Whether this node may let the script get at a global it does not name, so that every host function must be there.
    /// A strict script reaches a global without naming it only through the global object (<c>this</c> at the top level,
    /// <c>globalThis</c>) or through code compiled from a string at run time (<c>eval</c>, the <c>Function</c> constructor,
    /// which is also the <c>constructor</c> of every function: <c>(() => 0).constructor('return addDays')()</c>). The
    /// names are in <see cref="DynamicReach"/>; this node adds <c>this</c> anywhere, and a property read or key computed at
    /// run time (<c>f[k]</c>, <c>{ [k]: c } = f</c>) unless it is a number or a string other than "constructor": such a key
    /// may be "constructor". Conditions over case data name none of these, so they get only the functions they call.
    /// </summary>
    private static bool MayReachUnnamedGlobals(Acornima.Ast.Node node) => node switch
    {
        Acornima.Ast.ThisExpression => true,
        Acornima.Ast.MemberExpression { Computed: true } member => !IsHarmlessKey(member.Property),
        Acornima.Ast.Property { Computed: true } property => !IsHarmlessKey(property.Key),
        _ => false,
    };

    private static bool IsHarmlessKey(Acornima.Ast.Node key) => key switch
    {
        Acornima.Ast.NumericLiteral => true,
        Acornima.Ast.StringLiteral text => !string.Equals(text.Value, "constructor", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>
    /// A fresh engine with the variables and helpers the expression names, and only those: the emergency pathway's
    /// instance holds the list of every school of the order (7,859 nationwide), and converting it for each school's task
    /// made each evaluation cost milliseconds instead of a tenth of one.
    /// </summary>
    private Engine CreateEngine(HashSet<string> names, bool reachesUnnamed, JsonObject variables, JsonObject? locals, TimeSpan timeout)
    {
        var engine = new Engine(options =>
        {
            options
                .Strict()
                .TimeoutInterval(timeout)
                .MaxStatements(limits.MaxStatements)
                .LimitMemory(limits.MemoryBytes)
                .LimitRecursion(limits.MaxRecursion);
            // Jint gives a regular expression 10 s of its own by default; here it shares the expression's time.
            options.Constraints.RegexTimeout = timeout;
            options.Constraints.MaxArraySize = limits.MaxArrayLength;
            if (budget is not null)
            {
                options.Constraint(new CommandStatements(budget));
            }
        });
        // A UTF-16 character is two bytes: no single string may exceed half the memory limit.
        ExpressionGuards.Install(engine, limits.MemoryBytes / 2);
        var parser = new JsonParser(engine);
        foreach (var name in names)
        {
            if (locals is not null && locals.TryGetPropertyValue(name, out var local))
            {
                engine.SetValue(name, local is null ? JsValue.Null : parser.Parse(local.ToJsonString()));
            }
            else if (variables.TryGetPropertyValue(name, out var value))
            {
                engine.SetValue(name, value is null ? JsValue.Null : parser.Parse(value.ToJsonString()));
            }
        }

        // The functions, only those the expression names unless it may reach one it does not name: Jint's SetValue of a
        // delegate reflects over it (Delegate.Method) for each engine, one engine per expression, which was 3 % of a task
        // completion's CPU for functions the condition never called.
        bool Needs(string name) => reachesUnnamed || names.Contains(name);

        // The host's functions (Kazakhstan's today() and ageOn() from an IIN: Qadam.Identifiers.KazakhstanExpressionFunctions).
        foreach (var (name, make) in (functions ?? ExpressionFunctions.None).All)
        {
            if (Needs(name))
            {
                engine.SetValue(name, make(now));
            }
        }

        if (Needs("addDays"))
        {
            engine.SetValue("addDays", new Func<string, int, string>((date, days) =>
                ParseDate(date).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        // "5 working days" (e.g. a timer's timeDate "=addWorkingDays(today(), 5)"): Kazakhstan's calendar table of the year.
        if (Needs("addWorkingDays"))
        {
            engine.SetValue("addWorkingDays", new Func<string, int, string>((date, days) =>
                Tables.WorkingCalendar.AddWorkingDays(ParseDate(date), days, calendar ?? (_ => null))
                    .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (Needs("daysBetween"))
        {
            engine.SetValue("daysBetween", new Func<string, string, int>((from, to) => ParseDate(to).DayNumber - ParseDate(from).DayNumber));
        }

        if (Needs("workingDaysBetween"))
        {
            engine.SetValue("workingDaysBetween", new Func<string, string, int>((from, to) =>
                Tables.WorkingCalendar.WorkingDaysBetween(ParseDate(from), ParseDate(to), calendar ?? (_ => null))));
        }

        return engine;
    }

    /// <summary>
    /// The <c>execution</c> object of a Camunda 7 script: getVariable reads what the script wrote, else the instance's
    /// variables; setVariable writes case data, under a variable name and as JSON no larger than a string may be.
    /// </summary>
    private JsValue Execution(Engine engine, JsonObject variables, JsonObject? locals, JsonObject written)
    {
        var parser = new JsonParser(engine);
        var execution = new Jint.Native.JsObject(engine);
        execution.Set("getVariable", new Jint.Runtime.Interop.ClrFunction(engine, "getVariable", (_, args) =>
        {
            var name = args.Length > 0 ? TypeConverter.ToString(args[0]) : "";
            JsonNode? value = null;
            var found = written.TryGetPropertyValue(name, out value)
                        || (locals is not null && locals.TryGetPropertyValue(name, out value))
                        || variables.TryGetPropertyValue(name, out value);
            return !found ? JsValue.Undefined : value is null ? JsValue.Null : parser.Parse(value.ToJsonString());
        }));
        execution.Set("setVariable", new Jint.Runtime.Interop.ClrFunction(engine, "setVariable", (_, args) =>
        {
            var name = args.Length > 0 ? TypeConverter.ToString(args[0]) : "";
            if (!VariableName().IsMatch(name))
            {
                throw new ArgumentException($"setVariable: '{(name.Length > 80 ? name[..80] : name)}' is not a variable name");
            }

            written[name] = ToJson(engine, args.Length > 1 ? args[1] : JsValue.Undefined);
            return JsValue.Undefined;
        }));
        return execution;
    }

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*$", RegexOptions.CultureInvariant)]
    private static partial Regex VariableName();

    private static DateOnly ParseDate(string text) =>
        DateOnly.TryParseExact(text.Length > 10 ? text[..10] : text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ArgumentException($"'{text}' is not a date (yyyy-MM-dd)");

    private JsonNode? ToJson(Engine engine, JsValue value)
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

        // The result becomes case data: it is held to the same size as a string the expression could make.
        var max = limits.MemoryBytes / 2;
        if (ExpressionGuards.JsonLength(value, max) > max)
        {
            throw new ExpressionTooLargeException(string.Create(CultureInfo.InvariantCulture,
                $"the result would be more than {max:#,0} characters of JSON"));
        }

        var json = new JsonSerializer(engine).Serialize(value, JsValue.Undefined, JsValue.Undefined);
        return json.IsUndefined() ? null : JsonNode.Parse(json.AsString());
    }
}

/// <summary>Counts every statement against the command's budget (<see cref="EngineLimits.ExpressionStatementsPerCommand"/>).</summary>
internal sealed class CommandStatements(CommandBudget budget) : Constraint
{
    public override void Check()
    {
        if (!budget.TryChargeStatement())
        {
            throw new CommandStatementsSpentException();
        }
    }

    public override void Reset()
    {
    }
}

/// <summary>Thrown out of a script when the command's statements are spent.</summary>
internal sealed class CommandStatementsSpentException : Exception
{
    public CommandStatementsSpentException()
        : base("The command's expression statements are spent.")
    {
    }
}
