using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Qadam.Workflows.Execution;

/// <summary>
/// The engine's traces and metrics (System.Diagnostics, no exporter here): a host subscribes to <see cref="Name"/> with
/// OpenTelemetry or <c>dotnet-counters monitor Qadam.Workflows</c>. Names follow the OpenTelemetry semantic conventions
/// (https://opentelemetry.io/docs/specs/semconv/general/metrics/): seconds for durations and lags.
/// </summary>
public static class EngineTelemetry
{
    /// <summary>The name of the engine's ActivitySource and Meter.</summary>
    public const string Name = "Qadam.Workflows";

    /// <summary>Spans of engine commands, timers and jobs.</summary>
    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Commands = Meter.CreateCounter<long>(
        "qadam.engine.commands", "{command}", "Engine commands run (start, complete, claim, correlate, cancel, migrate), by outcome.");

    private static readonly Histogram<double> CommandDuration = Meter.CreateHistogram<double>(
        "qadam.engine.command.duration", "s", "Time of an engine command, its transaction included.");

    private static readonly Histogram<double> TimerLag = Meter.CreateHistogram<double>(
        "qadam.engine.timer.lag", "s", "How late a timer fired after it fell due.");

    private static readonly Histogram<double> JobLag = Meter.CreateHistogram<double>(
        "qadam.engine.job.lag", "s", "How late a service-task job started after it fell due.");

    /// <summary>Starts measuring a command; dispose it when the command ends, after <see cref="CommandMeasurement.Succeeded"/> on success.</summary>
    public static CommandMeasurement Command(string command) =>
        new(command, Source.StartActivity("engine " + command, ActivityKind.Internal), Stopwatch.GetTimestamp());

    /// <summary>Records how late a timer fired and starts its span.</summary>
    public static Activity? TimerFired(string elementId, TimeSpan lag)
    {
        TimerLag.Record(Math.Max(0, lag.TotalSeconds));
        return Source.StartActivity("engine timer " + elementId, ActivityKind.Internal);
    }

    /// <summary>Records how late a job started and starts its span.</summary>
    public static Activity? JobStarted(string activity, TimeSpan lag)
    {
        JobLag.Record(Math.Max(0, lag.TotalSeconds), new KeyValuePair<string, object?>("qadam.activity", activity));
        return Source.StartActivity("engine job " + activity, ActivityKind.Internal);
    }

    /// <summary>One command being measured.</summary>
    public sealed class CommandMeasurement(string command, Activity? activity, long started) : IDisposable
    {
        private bool succeeded;

        /// <summary>Marks the command committed.</summary>
        public void Succeeded() => succeeded = true;

        /// <inheritdoc />
        public void Dispose()
        {
            var outcome = succeeded ? "ok" : "failed";
            var tags = new TagList { { "qadam.command", command }, { "qadam.outcome", outcome } };
            Commands.Add(1, tags);
            CommandDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            if (activity is not null)
            {
                activity.SetTag("qadam.command", command);
                activity.SetStatus(succeeded ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
                activity.Dispose();
            }
        }
    }
}
