using System.Globalization;
using System.Text;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace Qadam.Workflows.Execution;

/// <summary>
/// Bounds the built-ins that make a long string from a short one in one call (repeat, padStart, padEnd, concat, replace,
/// replaceAll, join). Jint checks its memory limit between statements, so one such call could allocate gigabytes before
/// the next check ('x'.repeat(2 ** 28) made 512 MB under a 16 MB limit). Each guard refuses a result longer than the
/// limit allows before it is made, then checks the engine's constraints (memory and time) as a statement would.
/// </summary>
internal static class ExpressionGuards
{
    /// <summary>Installs the guards on a new engine; strings may hold <paramref name="maxLength"/> characters.</summary>
    public static void Install(Engine engine, long maxLength)
    {
        var strings = Prototype(engine, "String");
        Guard(engine, strings, "repeat", maxLength, (self, args) =>
            (double)Text(self).Length * Math.Max(0, TypeConverter.ToIntegerOrInfinity(Arg(args, 0))));
        Guard(engine, strings, "padStart", maxLength, (self, args) => Math.Max(Text(self).Length, TypeConverter.ToIntegerOrInfinity(Arg(args, 0))));
        Guard(engine, strings, "padEnd", maxLength, (self, args) => Math.Max(Text(self).Length, TypeConverter.ToIntegerOrInfinity(Arg(args, 0))));
        Guard(engine, strings, "concat", maxLength, (self, args) => Text(self).Length + args.Sum(a => (double)TypeConverter.ToString(a).Length));
        Guard(engine, strings, "replace", maxLength, (self, args) => ReplacedLength(self, args, all: false));
        Guard(engine, strings, "replaceAll", maxLength, (self, args) => ReplacedLength(self, args, all: true));
        Guard(engine, Prototype(engine, "Array"), "join", maxLength, JoinedLength);
        Guard(engine, engine.GetValue("JSON").AsObject(), "stringify", maxLength, (_, args) => JsonLength(Arg(args, 0), maxLength));
    }

    private static ObjectInstance Prototype(Engine engine, string constructor) =>
        engine.GetValue(constructor).AsObject().Get("prototype").AsObject();

    private static void Guard(Engine engine, ObjectInstance prototype, string name, long maxLength, Func<JsValue, JsValue[], double> length)
    {
        var original = prototype.Get(name);
        var guarded = new ClrFunction(engine, name, (self, args) =>
        {
            var result = length(self, args);
            if (result > maxLength)
            {
                throw new ExpressionTooLargeException(string.Create(CultureInfo.InvariantCulture,
                    $"{name} would make a string of {result:#,0} characters; an expression may make at most {maxLength:#,0}"));
            }

            engine.Constraints.Check();
            return engine.Call(original, self, args);
        });
        prototype.FastSetProperty(name, new PropertyDescriptor(guarded, writable: true, enumerable: false, configurable: true));
    }

    private static string Text(JsValue value) => value.IsString() ? value.AsString() : TypeConverter.ToString(value);

    private static JsValue Arg(JsValue[] args, int index) => index < args.Length ? args[index] : JsValue.Undefined;

    /// <summary>
    /// An upper bound of a replace: every position may match, and a replacement with a $ pattern ($&amp;, $', $`) may copy up
    /// to the whole string each time. A function replacement is bounded by the guards and checks inside the function.
    /// </summary>
    private static double ReplacedLength(JsValue self, JsValue[] args, bool all)
    {
        var text = Text(self);
        var replacement = Arg(args, 1);
        if (replacement is Jint.Native.Function.Function)
        {
            return text.Length;
        }

        var value = TypeConverter.ToString(replacement);
        var global = all || (Arg(args, 0) is ObjectInstance pattern && TypeConverter.ToString(pattern.Get("flags")).Contains('g', StringComparison.Ordinal));
        var matches = global ? text.Length + 1.0 : 1.0;
        var each = value.Contains('$', StringComparison.Ordinal) ? (double)value.Length * (text.Length + 1) : value.Length;
        return text.Length + (matches * each);
    }

    /// <summary>
    /// At least how long JSON.stringify's text of <paramref name="value"/> is: its strings and keys, walked until the
    /// count passes <paramref name="maxLength"/> (then the call is refused without walking the rest).
    /// </summary>
    public static double JsonLength(JsValue value, long maxLength)
    {
        var total = 0.0;
        var pending = new Stack<(JsValue Value, int Depth)>();
        pending.Push((value, 0));
        while (pending.TryPop(out var item) && total <= maxLength)
        {
            var (current, depth) = item;
            if (current.IsString())
            {
                total += current.AsString().Length + 2;
            }
            else if (current is ObjectInstance obj && depth < 64 && current is not Jint.Native.Function.Function)
            {
                foreach (var key in obj.GetOwnPropertyKeys(Types.String))
                {
                    total += key.ToString().Length + 4;
                    pending.Push((obj.Get(key), depth + 1));
                }
            }
            else
            {
                total += 4;
            }
        }

        return total;
    }

    private static double JoinedLength(JsValue self, JsValue[] args)
    {
        if (self is not JsArray array)
        {
            return 0;
        }

        var separator = Arg(args, 0).IsUndefined() ? 1 : TypeConverter.ToString(Arg(args, 0)).Length;
        var length = (uint)TypeConverter.ToNumber(array.Get("length"));
        var total = length == 0 ? 0.0 : (length - 1.0) * separator;
        for (uint i = 0; i < length; i++)
        {
            var element = array.Get(i);
            // Numbers, booleans and the like are short; objects print as [object Object] or through their own toString,
            // whose strings are bounded by these same guards.
            total += element.IsString() ? element.AsString().Length : element.IsNull() || element.IsUndefined() ? 0 : 24;
        }

        return total;
    }
}

/// <summary>A built-in call would make a string beyond the expression's memory limit.</summary>
internal sealed class ExpressionTooLargeException(string message) : Exception(message);
