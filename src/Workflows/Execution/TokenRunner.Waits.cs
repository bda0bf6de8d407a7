using System.Globalization;
using System.Text.Json.Nodes;
using Qadam.Identifiers;
using Qadam.Workflows.Definitions;
using Qadam.Workflows.Definitions.Model;

namespace Qadam.Workflows.Execution;

internal sealed partial class TokenRunner
{
    /// <summary>The instance variable that names the case's organisation, used when a task has no organisation scope.</summary>
    public const string OrganisationVariable = "organisation";

    private ProcessTask CreateTask(Token token, UserTask node, JsonObject? locals = null)
    {
        _budget.ChargeNew(node.Id, 1);
        locals ??= LocalsFor(token);
        var scope = node.Extension.OrganisationScope;
        string? organisation = scope switch
        {
            null or "" or "case" => Variables[OrganisationVariable]?.ToString(),
            _ when scope.StartsWith('=') => _expressions.Evaluate(node.Id, scope[1..], Variables, locals)?.ToString(),
            _ => scope,
        };
        DateTimeOffset? due = node.Extension.Deadline is { Length: > 0 } deadline
            ? DueTime(node.Id, TimerKind.Duration, deadline, locals)
            : null;
        var assignee = node.Extension.Assignee switch
        {
            null or "" => null,
            var a when a.StartsWith('=') => _expressions.Evaluate(node.Id, a[1..], Variables, locals)?.ToString(),
            var a => a,
        };
        Journal("task-created", node.Id, token.Id, assignee is null ? null : new JsonObject { ["assignee"] = assignee });
        var task = new ProcessTask(_instance, node, token.Id, organisation, _now, due, assignee);
        if (IsLoopInstance(token, node) && token.Locals is { } own)
        {
            // One ballot of a vote: which instance, and for whom (the council member, the school).
            task.SetLoop(own[LoopCounter]?.GetValue<int>() ?? 0, own[node.MultiInstance!.ElementVariable]);
        }

        return task;
    }

    private void ArmBoundaryTimers(Token token, FlowNode node)
    {
        if (IsLoopInstance(token, node))
        {
            // Boundary events of a multi-instance activity wait on the activity as a whole, armed once for all its instances.
            return;
        }

        foreach (var boundary in node.Boundaries)
        {
            if (boundary.Trigger is TimerTrigger timer)
            {
                Effects.NewTimers.Add(NewTimer(token.Id, boundary.Id, timer));
            }
            else
            {
                ArmBoundaryEvent(token, boundary);
            }
        }
    }

    private ProcessTimer NewTimer(string tokenId, string elementId, TimerTrigger timer)
    {
        var (due, repeats) = Schedule(elementId, timer);
        return new ProcessTimer
        {
            Id = Guid.CreateVersion7(_now),
            InstanceId = _instance.Id,
            TokenId = tokenId,
            ElementId = elementId,
            DueAt = due,
            RepeatsLeft = repeats,
        };
    }

    /// <summary>When a timer falls due and, for a cycle, how many repetitions follow.</summary>
    internal (DateTimeOffset Due, int? RepeatsLeft) Schedule(string elementId, TimerTrigger timer) =>
        TimerSchedule.First(elementId, timer, _now, value => Resolve(elementId, value, null));

    private DateTimeOffset DueTime(string elementId, TimerKind kind, string value, JsonObject? locals) =>
        TimerSchedule.DueTime(elementId, kind, Resolve(elementId, value, locals), _now);

    private string Resolve(string elementId, string value, JsonObject? locals) =>
        value.StartsWith('=')
            ? _expressions.Evaluate(elementId, value[1..], Variables, locals)?.ToString()
              ?? throw new ProcessLogicException(elementId, $"the timer expression '{value}' gave nothing")
            : value;
}

/// <summary>Computes when timers fall due: ISO 8601 dates, durations and cycles, in Kazakhstan time when no offset is given.</summary>
internal static class TimerSchedule
{
    /// <summary>The first due time of a timer, and for a cycle how many repetitions follow (-1: unbounded).</summary>
    public static (DateTimeOffset Due, int? RepeatsLeft) First(string elementId, TimerTrigger timer, DateTimeOffset now, Func<string, string> resolve)
    {
        if (timer.Kind != TimerKind.Cycle)
        {
            return (DueTime(elementId, timer.Kind, resolve(timer.Value), now), null);
        }

        var cycle = TimerCycle.Parse(resolve(timer.Value));
        // RepeatsLeft counts the occurrences after this one: R2 fires twice.
        return ((cycle.Start ?? cycle.Period.After(now)).ToUniversalTime(), cycle.Repeats < 0 ? -1 : cycle.Repeats - 1);
    }

    public static DateTimeOffset DueTime(string elementId, TimerKind kind, string text, DateTimeOffset now)
    {
        try
        {
            // A deadline or duration may also be a date-time (e.g. "=decision.returnOn + 'T08:00:00+05:00'").
            if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal))
            {
                return IsoDuration.Parse(text).After(now);
            }

            // PostgreSQL stores instants in UTC; Kazakhstan time is only how they are read and written.
            return ParseDateTime(text).ToUniversalTime();
        }
        catch (FormatException)
        {
            throw new ProcessLogicException(elementId, $"'{text}' is neither an ISO 8601 duration nor a date-time ({kind})");
        }
    }

    /// <summary>A date-time; without an offset it is Kazakhstan time (UTC+5), a date alone is its midnight.</summary>
    public static DateTimeOffset ParseDateTime(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return KazakhstanClock.StartOf(date);
        }

        var hasOffset = text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > 10;
        if (hasOffset)
        {
            return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
        }

        var local = DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);
        return KazakhstanClock.At(local);
    }
}

/// <summary>An ISO 8601 repeating interval: R[n]/[start/]duration.</summary>
internal sealed record TimerCycle(int Repeats, DateTimeOffset? Start, IsoDuration Period)
{
    public static TimerCycle Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length is < 2 or > 3 || !parts[0].StartsWith('R'))
        {
            throw new FormatException($"'{text}' is not a cycle R[n]/[start/]duration");
        }

        var repeats = parts[0].Length == 1 ? -1 : int.Parse(parts[0].AsSpan(1), CultureInfo.InvariantCulture);
        var start = parts.Length == 3 ? TimerSchedule.ParseDateTime(parts[1]) : (DateTimeOffset?)null;
        return new TimerCycle(repeats, start, IsoDuration.Parse(parts[^1]));
    }
}
