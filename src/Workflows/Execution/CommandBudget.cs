using System.Globalization;

namespace Qadam.Workflows.Execution;

/// <summary>
/// What one command has used of its <see cref="EngineLimits"/>: expression time and statements across every expression
/// it evaluates, new tokens and tasks, steps. Shared by every instance the command touches (a call activity and its
/// child count together), so eight slow conditions in one command stop at the command's budget, not at eight timeouts.
/// </summary>
internal sealed class CommandBudget(EngineLimits limits)
{
    private TimeSpan _expressionTime;
    private int _statements;
    private int _created;
    private int _steps;

    public EngineLimits Limits { get; } = limits;

    /// <summary>Expression time left to this command, in CPU time where the platform gives it (<see cref="ThreadCpuClock"/>).</summary>
    public TimeSpan ExpressionTimeLeft => Limits.ExpressionTimePerCommand - _expressionTime;

    /// <summary>Statements left to this command.</summary>
    public int StatementsLeft => Math.Max(0, Limits.ExpressionStatementsPerCommand - _statements);

    /// <summary>Adds the time one evaluation took (<see cref="ExpressionCpuTime"/>: its CPU time, or a little more).</summary>
    public void ChargeExpressionTime(TimeSpan used) => _expressionTime += used;

    /// <summary>Counts one statement; false when the command's statements are spent.</summary>
    public bool TryChargeStatement() => ++_statements <= Limits.ExpressionStatementsPerCommand;

    /// <summary>Counts new tokens or tasks made at <paramref name="elementId"/>; refuses the command past the limit.</summary>
    public void ChargeNew(string elementId, int count)
    {
        _created += count;
        if (_created > Limits.MaxNewTokensPerCommand)
        {
            throw new CommandLimitException(elementId, string.Create(CultureInfo.InvariantCulture,
                $"the command would create more than {Limits.MaxNewTokensPerCommand:N0} tokens and tasks "
                + $"(limit {nameof(EngineLimits.MaxNewTokensPerCommand)})"));
        }
    }

    /// <summary>Counts one step; refuses the command past the limit (a loop without a wait state).</summary>
    public void ChargeStep(string elementId)
    {
        if (++_steps > Limits.MaxStepsPerCommand)
        {
            throw new CommandLimitException(elementId, string.Create(CultureInfo.InvariantCulture,
                $"the process ran {Limits.MaxStepsPerCommand:N0} steps without reaching a wait state (a loop without a task or timer?)"));
        }
    }
}
