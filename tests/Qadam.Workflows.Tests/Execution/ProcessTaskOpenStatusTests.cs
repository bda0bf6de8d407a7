using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Execution;
using static Qadam.Workflows.Tests.Bpmn;

namespace Qadam.Workflows.Tests.Execution;

/// <summary>
/// "The task still waits for a person" has one owner (<see cref="ProcessTask.IsOpen"/>); the query (<see cref="ProcessTaskQueries.Open"/>)
/// and the engine's raw SQL (withdrawing a token's tasks, migrating an instance) must say the same, or a migrated case would keep
/// a task on the old element, or a withdrawn step stay in someone's inbox.
/// </summary>
public sealed partial class ProcessTaskOpenStatusTests(EngineFixture fixture) : EngineTestBase(fixture), IClassFixture<EngineFixture>
{
    private static readonly string TwoSteps = Process("open-status", $"""
        <bpmn:startEvent id="start" />
        {UserTask("first")}{UserTask("second")}{Ends("second")}
        {Flow("f0", "start", "first")}{Flow("f1", "first", "second")}
        """);

    [Fact]
    public void The_raw_sql_names_exactly_the_statuses_a_task_is_open_in()
    {
        var open = Enum.GetValues<UserTaskStatus>().Where(s => WithStatus(s).IsOpen).Select(s => s.ToString()).Order().ToList();
        var inSql = QuotedNames().Matches(ProcessTaskQueries.OpenSql).Select(m => m.Groups[1].Value).Order().ToList();

        Assert.NotEmpty(open);
        Assert.Equal(open, inSql);
        Assert.StartsWith("status IN (", ProcessTaskQueries.OpenSql, StringComparison.Ordinal);
        Assert.False(WithStatus(Enum.Parse<UserTaskStatus>(ProcessTaskQueries.CancelledSql.Trim('\''))).IsOpen);
    }

    [Fact]
    public async Task The_raw_sql_and_the_query_find_the_same_tasks_in_the_database()
    {
        await Fixture.PublishAsync("open-status", TwoSteps);
        var started = await StartAsync("open-status");
        await CompleteAsync(started.InstanceId, "first");

        await using var db = Fixture.NewContext();
        var byQuery = await db.Tasks.AsNoTracking().Open().Where(t => t.InstanceId == started.InstanceId).Select(t => t.Id).ToListAsync();
        var bySql = await db.Database
            .SqlQueryRaw<Guid>("SELECT id AS \"Value\" FROM workflows.tasks WHERE instance_id = {0} AND " + ProcessTaskQueries.OpenSql,
                started.InstanceId)
            .ToListAsync();

        Assert.Single(byQuery);
        Assert.Equal(byQuery, bySql);
        Assert.Equal(2, await db.Tasks.CountAsync(t => t.InstanceId == started.InstanceId));
    }

    private static ProcessTask WithStatus(UserTaskStatus status)
    {
        var task = (ProcessTask)RuntimeHelpers.GetUninitializedObject(typeof(ProcessTask));
        typeof(ProcessTask).GetProperty(nameof(ProcessTask.Status))!.SetValue(task, status);
        return task;
    }

    [GeneratedRegex("'([A-Za-z]+)'")]
    private static partial Regex QuotedNames();
}
