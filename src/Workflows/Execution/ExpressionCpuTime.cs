using System.Diagnostics;

namespace Qadam.Workflows.Execution;

/// <summary>
/// The CPU time one expression used, for the command's budget, with as few readings of the thread's CPU clock as the
/// budget allows: clock_gettime(CLOCK_THREAD_CPUTIME_ID) is a real system call (the vDSO serves wall clocks only), and two
/// per expression were 4 % of a task completion's CPU (10-14 % in earlier profiles, bench/Http/README.md).
/// <para>
/// An expression runs synchronously on one thread, so between two instants the thread's CPU time grows by no more than
/// the wall-clock time that passed. Hence two upper bounds of the expression's CPU time, both never less than it: the
/// wall-clock time it took (read from the vDSO, <see cref="Stopwatch.GetTimestamp"/>), and the thread's CPU time since an
/// <em>anchor</em>, a CPU reading taken on this thread before the expression started. The budget is charged the smaller,
/// so it can be over-charged but never under-charged, and an expression cannot slip past it:
/// </para>
/// <list type="bullet">
/// <item>An expression that took less than <see cref="Slack"/> of wall-clock time is charged that time, without a
/// reading. Off a busy machine wall and CPU time agree; on one, a thread that loses its core waits for a time slice,
/// which takes it past the slack, so below it the excess is small and at most the slack.</item>
/// <item>One that took longer is charged the thread's CPU time since the anchor (one reading), or its wall-clock time if
/// that is less. The anchor is read again when an expression starts more than <see cref="Slack"/> after it, so the CPU
/// time before the start that this counts is at most the slack too: a loaded machine stretches wall-clock time, not the
/// charge (a council of fifty took over 5 s of wall-clock time with the load at 50).</item>
/// </list>
/// So each expression is charged at most <see cref="Slack"/> more than the CPU it used, and the commands of a busy
/// thread read the CPU clock about once per millisecond of their expressions instead of twice per expression.
/// Where the platform gives no thread CPU time (<see cref="ThreadCpuClock.MeasuresCpu"/>), the charge is wall-clock time.
/// </summary>
internal readonly struct ExpressionCpuTime
{
    /// <summary>The most an expression is charged beyond the CPU it used: about ten conditions over one school.</summary>
    internal static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(1);

    // The thread's last CPU reading and the wall-clock instant after it (0: none yet on this thread).
    [ThreadStatic]
    private static TimeSpan t_anchorCpu;

    [ThreadStatic]
    private static long t_anchorTimestamp;

    private readonly long _started;
    private readonly TimeSpan _anchorCpu;
    private readonly int _thread;

    private ExpressionCpuTime(long started, TimeSpan anchorCpu, int thread)
    {
        _started = started;
        _anchorCpu = anchorCpu;
        _thread = thread;
    }

    /// <summary>Starts measuring an expression on this thread.</summary>
    public static ExpressionCpuTime Start()
    {
        if (t_anchorTimestamp == 0 || Stopwatch.GetElapsedTime(t_anchorTimestamp) >= Slack)
        {
            Anchor(ThreadCpuClock.Now());
        }

        // Kept with the measurement: an anchor read later (by another expression on this thread) would not precede this one.
        return new ExpressionCpuTime(Stopwatch.GetTimestamp(), t_anchorCpu, Environment.CurrentManagedThreadId);
    }

    /// <summary>The CPU time to charge for the expression since <see cref="Start"/>, an upper bound of what it used.</summary>
    public TimeSpan Elapsed()
    {
        var wall = Stopwatch.GetElapsedTime(_started);
        if (wall < Slack || !ThreadCpuClock.MeasuresCpu || Environment.CurrentManagedThreadId != _thread)
        {
            return wall;
        }

        var cpu = ThreadCpuClock.Now();
        Anchor(cpu);
        var sinceAnchor = cpu - _anchorCpu;
        return sinceAnchor < wall ? sinceAnchor : wall;
    }

    private static void Anchor(TimeSpan cpu)
    {
        t_anchorCpu = cpu;
        t_anchorTimestamp = Stopwatch.GetTimestamp();
    }
}
