namespace Qadam.Workflows.Execution;

/// <summary>
/// What one command may do, on by default and configurable (<c>Qadam:Engine:Limits</c> in the API's settings): how many
/// instances a multi-instance activity may have, how many tokens and tasks one command may create and how many steps it
/// may take, and how much expression time and how many statements all the expressions of one command may use together.
/// A command over a limit is refused whole (422 through the API, an incident for a job); nothing of it is applied.
/// </summary>
public sealed record EngineLimits
{
    /// <summary>The configuration section the API binds.</summary>
    public const string Section = "Qadam:Engine:Limits";

    /// <summary>The defaults.</summary>
    public static readonly EngineLimits Default = new();

    /// <summary>
    /// The most instances of one multi-instance activity. 10,000: the emergency pathway opens one task per school of the
    /// order, and an order for the whole country names 7,859 schools (bench/MassTransfer); a city has 300 and more.
    /// </summary>
    public int MaxMultiInstances { get; init; } = 10_000;

    /// <summary>
    /// The most tokens and user tasks one command may create: a multi-instance sub-process over the largest collection
    /// allowed creates one token and one task per instance, with room for what follows it.
    /// </summary>
    public int MaxNewTokensPerCommand { get; init; } = 50_000;

    /// <summary>The most steps (a token entering or leaving a node) one command may take before it must wait.</summary>
    public int MaxStepsPerCommand { get; init; } = 100_000;

    /// <summary>
    /// CPU time all the expressions of one command may use together (regular expressions included), measured on the
    /// thread that runs them (<see cref="ThreadCpuClock"/>, read rarely: <see cref="ExpressionCpuTime"/> charges each expression
    /// at most a millisecond more than it used; wall-clock time where the platform does not give it). An
    /// expression over one school costs about 0.1 ms; wall-clock time stretched on a busy server (a council of fifty took
    /// over 5 s of it with the test machine's load at 50), CPU time does not. Each expression's own timeout stays wall-clock.
    /// </summary>
    public TimeSpan ExpressionTimePerCommand { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Statements all the expressions of one command may run together.</summary>
    public int ExpressionStatementsPerCommand { get; init; } = 1_000_000;

    /// <summary>The limits of each single expression (time, statements, memory, recursion, array length).</summary>
    public ExpressionLimits Expression { get; init; } = ExpressionLimits.Default;
}
