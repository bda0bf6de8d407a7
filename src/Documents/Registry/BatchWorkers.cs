namespace Qadam.Documents.Registry;

/// <summary>
/// Runs the items of a batch on a fixed number of workers, each with its own state made once (a parsed template, a
/// private key) and released at its end. Unlike the thread-local state of <c>Parallel.For</c>, which is made again whenever
/// the loop replaces a worker task, the state here is made exactly once per worker, so what it costs (parsing a template is
/// a whole render's work) is paid as many times per batch as there are workers.
/// </summary>
internal static class BatchWorkers
{
    /// <summary>Calls <paramref name="body"/> once for each index below <paramref name="count"/>, on up to <paramref name="workers"/> threads.</summary>
    /// <exception cref="AggregateException">A call failed (the other workers stop at their next item).</exception>
    public static void Run<TState>(int count, int workers, CancellationToken cancellationToken,
        Func<TState> start, Action<int, TState> body, Action<TState> end)
    {
        var next = -1;
        var failed = false;
        var degree = Math.Clamp(workers, 1, Math.Max(1, count));
        Parallel.For(0, degree, new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = cancellationToken }, _ =>
        {
            var state = start();
            try
            {
                int i;
                while (!Volatile.Read(ref failed) && (i = Interlocked.Increment(ref next)) < count)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    body(i, state);
                }
            }
            catch
            {
                Volatile.Write(ref failed, true);
                throw;
            }
            finally
            {
                end(state);
            }
        });
    }
}
