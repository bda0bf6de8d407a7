using System.Globalization;
using System.Text;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace Qadam.Api.Hosting;

/// <summary>
/// Log lines to standard output from Serilog's batching queue (Serilog 4's <see cref="IBatchedLogEventSink"/>), a batch per
/// write: the console sink wrote and flushed each line under a lock on the request's own thread, one system call per request
/// line, and under 100 connections the requests queued on that lock (10 % of the inbox's CPU in a profile: bench/Http/README.md,
/// "The staff inbox and the pipeline every request pays"). Only lines below Warning come here (<see cref="QadamLogging"/>):
/// they wait at most a tenth of a second, and the queue is emptied when the host is disposed; warnings and errors, such as the
/// one Fatal line of a start that fails, are still written at once by the console sink.
/// </summary>
internal sealed class BatchedStandardOutput(ITextFormatter formatter) : IBatchedLogEventSink, IDisposable
{
    /// <summary>At most a tenth of a second late; events beyond the queue's limit are dropped rather than held in memory.</summary>
    public static BatchingOptions Options => new()
    {
        BatchSizeLimit = 1000,
        BufferingTimeLimit = TimeSpan.FromMilliseconds(100),
        EagerlyEmitFirstEvent = true,
        QueueLimit = 100_000,
    };

    private readonly StringWriter lines = new(CultureInfo.InvariantCulture);
    private readonly Stream output = Console.OpenStandardOutput();

    public async Task EmitBatchAsync(IReadOnlyCollection<LogEvent> batch)
    {
        lines.GetStringBuilder().Clear();
        foreach (var logEvent in batch)
        {
            formatter.Format(logEvent, lines);
        }

        await output.WriteAsync(Encoding.UTF8.GetBytes(lines.ToString()));
        await output.FlushAsync();
    }

    public Task OnEmptyBatchAsync() => Task.CompletedTask;

    public void Dispose()
    {
        lines.Dispose();
        output.Dispose();
    }
}
