using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Persistence;

namespace Qadam.Workflows.Tests.Execution;

/// <summary>
/// The hot path writes and reads with hand-written SQL (<see cref="CommandWriter"/>, <see cref="CommandReader"/>) for speed, while EF
/// owns the schema and its migrations. These checks tie the two: every column the SQL names is a column of the EF model's table,
/// and the reads and inserts name every column the model has (but those the database fills in), so a property added, renamed or
/// dropped in the model fails here rather than on the first command in production.
/// </summary>
public sealed partial class CommandSqlModelTests
{
    private static readonly IModel Model = new DesignTimeFactory().CreateDbContext([]).Model;

    public static TheoryData<string, string> Inserts => new()
    {
        { "instances", CommandWriter.InsertInstance },
        { "tasks", CommandWriter.InsertTask },
        { "journal", CommandWriter.InsertJournal },
        { "timers", CommandWriter.InsertTimer },
        { "subscriptions", CommandWriter.InsertSubscription },
        { "jobs", CommandWriter.InsertJob },
        { "outbox", CommandWriter.InsertOutbox },
        { "commands", CommandWriter.InsertCommand },
    };

    [Theory]
    [MemberData(nameof(Inserts))]
    public void An_insert_names_every_column_of_its_table_but_those_the_database_fills(string table, string sql)
    {
        var match = InsertColumns().Match(sql);
        Assert.True(match.Success, sql);
        Assert.Equal(table, match.Groups["table"].Value);

        Assert.Equal(Columns(table, includeGenerated: false), List(match.Groups["columns"].Value));
    }

    [Fact]
    public void The_instance_read_names_every_column_of_the_instances_table()
    {
        Assert.Equal(Columns("instances", includeGenerated: true), List(CommandReader.InstanceColumns));
    }

    [Fact]
    public void The_task_read_names_every_column_of_the_tasks_table()
    {
        Assert.Equal(Columns("tasks", includeGenerated: true), List(CommandReader.TaskColumns));
    }

    [Theory]
    [InlineData("instances", CommandWriter.UpdateInstance)]
    [InlineData("tasks", CommandWriter.UpdateTask)]
    public void An_update_sets_and_filters_on_columns_of_its_table(string table, string sql)
    {
        var named = SetOrWhereColumns().Matches(sql).Select(m => m.Groups["column"].Value).ToHashSet();

        Assert.NotEmpty(named);
        Assert.Empty(named.Except(Columns(table, includeGenerated: true)));
    }

    [Fact]
    public void A_renamed_column_is_noticed()
    {
        // The check itself can fail: a list with one column spelt the old way is not the model's.
        var stale = CommandReader.TaskColumns.Replace("label_kk", "\"LabelKk\"", StringComparison.Ordinal);

        Assert.NotEqual(Columns("tasks", includeGenerated: true), List(stale));
    }

    /// <summary>
    /// The table's columns in the EF model, sorted; without <paramref name="includeGenerated"/>, less those PostgreSQL fills in
    /// itself (identity columns, xmin).
    /// </summary>
    private static SortedSet<string> Columns(string table, bool includeGenerated)
    {
        var columns = Model.GetRelationalModel().FindTable(table, WorkflowsDbContext.Schema)!.Columns;
        return new SortedSet<string>(
            columns.Where(c => includeGenerated || !c.PropertyMappings.Any(m => FilledByDatabase(m.Property))).Select(c => c.Name),
            StringComparer.Ordinal);
    }

    private static bool FilledByDatabase(IProperty property) =>
        property.ValueGenerated == ValueGenerated.OnAddOrUpdate
        || property.GetValueGenerationStrategy() != NpgsqlValueGenerationStrategy.None;

    private static SortedSet<string> List(string columns) =>
        new(columns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);

    [GeneratedRegex(@"INSERT INTO workflows\.(?<table>\w+) \((?<columns>[^)]*)\)")]
    private static partial Regex InsertColumns();

    [GeneratedRegex(@"(?<column>\w+) = \$\d+")]
    private static partial Regex SetOrWhereColumns();
}
