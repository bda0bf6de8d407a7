using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Qadam.Workflows.Execution;

/// <summary>
/// The CPU time the current thread has used, for the command's expression budget: on a loaded machine wall-clock time
/// stretches (a council of fifty took over 5 s of it with the load at 50) while the CPU an expression burns does not. Linux
/// gives it by clock_gettime(CLOCK_THREAD_CPUTIME_ID) (https://man7.org/linux/man-pages/man2/clock_gettime.2.html);
/// elsewhere, or if the call fails, wall-clock time stands in. Each reading is a system call (no vDSO for thread clocks):
/// the budget reads it through <see cref="ExpressionCpuTime"/>, rarely.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>True when <see cref="Now"/> reads the thread's CPU time, false when it reads wall-clock time.</summary>
    public static bool MeasuresCpu { get; } = OperatingSystem.IsLinux() && TryRead(out _);

    // How many times this thread read its CPU clock: a test counts them (ExpressionCpuTime reads it rarely).
    [ThreadStatic]
    private static long t_reads;

    /// <summary>How many times the current thread has read its CPU clock (system calls).</summary>
    internal static long ReadsOnThisThread => t_reads;

    /// <summary>A reading to subtract from a later one on the same thread.</summary>
    public static TimeSpan Now() =>
        MeasuresCpu && TryRead(out var cpu) ? cpu : Stopwatch.GetElapsedTime(0, Stopwatch.GetTimestamp());

    private static bool TryRead(out TimeSpan time)
    {
        time = TimeSpan.Zero;
        t_reads++;
        try
        {
            if (ClockGetTime(ClockThreadCpuTimeId, out var spec) != 0)
            {
                return false;
            }

            time = TimeSpan.FromTicks(((long)spec.Seconds * TimeSpan.TicksPerSecond) + ((long)spec.Nanoseconds / 100));
            return true;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public nint Seconds;
        public nint Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);
}
