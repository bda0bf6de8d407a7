using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Persistence;

namespace Qadam.Workflows.Execution;

/// <summary>
/// Reads the rows a command starts from (its instance; the task it claims or completes) with plain Npgsql on the context's
/// connection and transaction. Why: EF's query pipeline and change tracker cost more CPU per command than PostgreSQL
/// spends on these reads; the entities come back untracked and <see cref="CommandWriter"/> writes what changed. The
/// statements are fixed, so they are prepared once per physical connection.
/// </summary>
internal static class CommandReader
{
    internal const string InstanceColumns =
        "id, definition_id, definition_key, definition_version, reference_date, business_key, status, state, parent_instance_id, parent_token_id, "
        + "started_at, ended_at, xmin";

    internal const string TaskColumns =
        "id, instance_id, business_key, definition_key, definition_version, element_id, token_id, name, label_kk, label_ru, candidate_roles, "
        + "organisation, form_key, legal_basis, status, assignee, loop_index, loop_element, created_at, due_at, ended_at, completed_by, output";

    /// <summary>
    /// The instance row, or null, locked until the command ends (FOR UPDATE): commands on one instance queue instead of
    /// failing on each other, e.g. fifty council members casting their ballots at the same moment.
    /// </summary>
    public static async Task<ProcessInstance?> InstanceAsync(WorkflowsDbContext db, Guid instanceId, CancellationToken cancellationToken)
    {
        var (connection, transaction) = Open(db);
        await using var command = new NpgsqlCommand(
            $"SELECT {InstanceColumns} FROM workflows.instances WHERE id = $1 FOR UPDATE", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = instanceId, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.CommandTimeout = LockTimeout(db);
        await command.PrepareAsync(cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Instance(reader) : null;
    }

    /// <summary>The instance rows of <paramref name="instanceIds"/> that exist, in one round trip (a broadcast reaches many).</summary>
    public static async Task<List<ProcessInstance>> InstancesAsync(WorkflowsDbContext db, Guid[] instanceIds, CancellationToken cancellationToken)
    {
        var (connection, transaction) = Open(db);
        await using var command = new NpgsqlCommand($"SELECT {InstanceColumns} FROM workflows.instances WHERE id = ANY($1)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = instanceIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        ApplyTimeout(db, command);
        var instances = new List<ProcessInstance>(instanceIds.Length);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ordinals = new InstanceOrdinals(reader);
        while (await reader.ReadAsync(cancellationToken))
        {
            instances.Add(Instance(reader, ordinals));
        }

        return instances;
    }

    /// <summary>
    /// Locks the task's instance, then the task (FOR UPDATE), and reads both in one round trip. Commands on different
    /// tasks of one instance queue on the instance row instead of failing with a conflict; a second completion of the
    /// same task waits for the first, then sees the task done. Every command locks the instance before anything else of
    /// it (tasks, timers and jobs come after), so two commands never wait for each other in a circle. Each statement
    /// reads after its lock, so after a wait it sees the rows as the first command committed them.
    /// </summary>
    public static async Task<(ProcessTask? Task, ProcessInstance? Instance)> LockTaskAsync(
        WorkflowsDbContext db, Guid taskId, CancellationToken cancellationToken)
    {
        var (task, instance, _) = await LockTaskAsync(db, taskId, null, cancellationToken);
        return (task, instance);
    }

    /// <summary>
    /// As <see cref="LockTaskAsync(WorkflowsDbContext, Guid, CancellationToken)"/>, and with <paramref name="commandKey"/> the
    /// result the engine recorded under that idempotency key (null: none) in the same round trip, read after the locks, so
    /// after a twin's completion it sees that completion's record.
    /// </summary>
    public static async Task<(ProcessTask? Task, ProcessInstance? Instance, string? RecordedResult)> LockTaskAsync(
        WorkflowsDbContext db, Guid taskId, string? commandKey, CancellationToken cancellationToken)
    {
        var (connection, transaction) = Open(db);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            $"SELECT {InstanceColumns} FROM workflows.instances WHERE id = (SELECT instance_id FROM workflows.tasks WHERE id = $1) FOR UPDATE")
        {
            Parameters = { new NpgsqlParameter<Guid> { TypedValue = taskId, NpgsqlDbType = NpgsqlDbType.Uuid } },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT {TaskColumns} FROM workflows.tasks WHERE id = $1 FOR UPDATE")
        {
            Parameters = { new NpgsqlParameter<Guid> { TypedValue = taskId, NpgsqlDbType = NpgsqlDbType.Uuid } },
        });
        if (commandKey is not null)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT result FROM workflows.commands WHERE key = $1")
            {
                Parameters = { new NpgsqlParameter<string> { TypedValue = commandKey, NpgsqlDbType = NpgsqlDbType.Text } },
            });
        }

        batch.Timeout = LockTimeout(db);

        await batch.PrepareAsync(cancellationToken);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var instance = await reader.ReadAsync(cancellationToken) ? Instance(reader) : null;
        await reader.NextResultAsync(cancellationToken);
        var task = await reader.ReadAsync(cancellationToken) ? Task(reader) : null;
        string? recorded = null;
        if (commandKey is not null)
        {
            await reader.NextResultAsync(cancellationToken);
            recorded = await reader.ReadAsync(cancellationToken) ? reader.GetString(0) : null;
        }

        return (task, instance, recorded);
    }

    /// <summary>
    /// Locks the instance row of a timer or job already claimed, without waiting: false when a command holds it. Timers and
    /// jobs are claimed before their instance, the other way round from user commands, so waiting here could close a
    /// circle with a command that holds the instance and drops this timer; the timer or job runs on the next pass instead.
    /// </summary>
    public static async Task<bool> TryLockInstanceAsync(WorkflowsDbContext db, Guid instanceId, CancellationToken cancellationToken)
    {
        var (connection, transaction) = Open(db);
        await using var command = new NpgsqlCommand("SELECT 1 FROM workflows.instances WHERE id = $1 FOR UPDATE NOWAIT", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = instanceId, NpgsqlDbType = NpgsqlDbType.Uuid });
        ApplyTimeout(db, command);
        try
        {
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return false;
        }
    }

    /// <summary>The context's open connection and its current transaction: every engine command runs inside one.</summary>
    internal static (NpgsqlConnection Connection, NpgsqlTransaction Transaction) Open(WorkflowsDbContext db) =>
        db.Database.CurrentTransaction?.GetDbTransaction() is NpgsqlTransaction transaction
            ? ((NpgsqlConnection)db.Database.GetDbConnection(), transaction)
            : throw new InvalidOperationException("Engine rows are read and written inside the command's transaction; none is open.");

    /// <summary>
    /// How long a command waits for its instance: at least two minutes, so that a queue of commands on one instance (a
    /// council of fifty voting at once on a busy server) is worked through rather than failed at the default 30 s.
    /// </summary>
    private static int LockTimeout(WorkflowsDbContext db) => Math.Max(db.Database.GetCommandTimeout() ?? 30, 120);

    private static void ApplyTimeout(WorkflowsDbContext db, NpgsqlCommand command)
    {
        if (db.Database.GetCommandTimeout() is { } timeout)
        {
            command.CommandTimeout = timeout;
        }
    }

    // Columns are read by name, their ordinals looked up once per result set: a column added, dropped or renamed in the EF
    // model (CommandSqlModelTests checks these lists against it) fails a test instead of shifting every read after it.
    private static ProcessInstance Instance(NpgsqlDataReader r) => Instance(r, new InstanceOrdinals(r));

    private static ProcessInstance Instance(NpgsqlDataReader r, InstanceOrdinals o) =>
        ProcessInstance.FromRow(
            r.GetGuid(o.Id), r.GetGuid(o.DefinitionId), r.GetString(o.DefinitionKey), r.GetInt32(o.DefinitionVersion),
            r.GetFieldValue<DateOnly>(o.ReferenceDate), NullableString(r, o.BusinessKey), Enum.Parse<InstanceStatus>(r.GetString(o.Status)),
            r.GetString(o.State), r.IsDBNull(o.ParentInstanceId) ? null : r.GetGuid(o.ParentInstanceId), NullableString(r, o.ParentTokenId),
            r.GetFieldValue<DateTimeOffset>(o.StartedAt), r.IsDBNull(o.EndedAt) ? null : r.GetFieldValue<DateTimeOffset>(o.EndedAt),
            r.GetFieldValue<uint>(o.Xmin));

    private static ProcessTask Task(NpgsqlDataReader r)
    {
        var o = new TaskOrdinals(r);
        return ProcessTask.FromRow(
            r.GetGuid(o.Id), r.GetGuid(o.InstanceId), NullableString(r, o.BusinessKey), r.GetString(o.DefinitionKey),
            r.GetInt32(o.DefinitionVersion), r.GetString(o.ElementId), r.GetString(o.TokenId), NullableString(r, o.Name),
            NullableString(r, o.LabelKk), NullableString(r, o.LabelRu), [.. r.GetFieldValue<string[]>(o.CandidateRoles)],
            NullableString(r, o.Organisation), NullableString(r, o.FormKey),
            r.IsDBNull(o.LegalBasis) ? null : JsonSerializer.Deserialize<LegalBasis>(r.GetString(o.LegalBasis)),
            Enum.Parse<UserTaskStatus>(r.GetString(o.Status)), NullableString(r, o.Assignee), r.IsDBNull(o.LoopIndex) ? null : r.GetInt32(o.LoopIndex),
            r.IsDBNull(o.LoopElement) ? null : JsonNode.Parse(r.GetString(o.LoopElement)), r.GetFieldValue<DateTimeOffset>(o.CreatedAt),
            r.IsDBNull(o.DueAt) ? null : r.GetFieldValue<DateTimeOffset>(o.DueAt), r.IsDBNull(o.EndedAt) ? null : r.GetFieldValue<DateTimeOffset>(o.EndedAt),
            NullableString(r, o.CompletedBy), r.IsDBNull(o.Output) ? null : JsonNode.Parse(r.GetString(o.Output)) as JsonObject);
    }

    private readonly struct InstanceOrdinals(NpgsqlDataReader r)
    {
        public readonly int Id = r.GetOrdinal("id"), DefinitionId = r.GetOrdinal("definition_id"), DefinitionKey = r.GetOrdinal("definition_key"),
            DefinitionVersion = r.GetOrdinal("definition_version"), ReferenceDate = r.GetOrdinal("reference_date"),
            BusinessKey = r.GetOrdinal("business_key"), Status = r.GetOrdinal("status"), State = r.GetOrdinal("state"),
            ParentInstanceId = r.GetOrdinal("parent_instance_id"), ParentTokenId = r.GetOrdinal("parent_token_id"),
            StartedAt = r.GetOrdinal("started_at"), EndedAt = r.GetOrdinal("ended_at"), Xmin = r.GetOrdinal("xmin");
    }

    private readonly struct TaskOrdinals(NpgsqlDataReader r)
    {
        public readonly int Id = r.GetOrdinal("id"), InstanceId = r.GetOrdinal("instance_id"), BusinessKey = r.GetOrdinal("business_key"),
            DefinitionKey = r.GetOrdinal("definition_key"), DefinitionVersion = r.GetOrdinal("definition_version"),
            ElementId = r.GetOrdinal("element_id"), TokenId = r.GetOrdinal("token_id"), Name = r.GetOrdinal("name"),
            LabelKk = r.GetOrdinal("label_kk"), LabelRu = r.GetOrdinal("label_ru"), CandidateRoles = r.GetOrdinal("candidate_roles"),
            Organisation = r.GetOrdinal("organisation"), FormKey = r.GetOrdinal("form_key"), LegalBasis = r.GetOrdinal("legal_basis"),
            Status = r.GetOrdinal("status"), Assignee = r.GetOrdinal("assignee"), LoopIndex = r.GetOrdinal("loop_index"),
            LoopElement = r.GetOrdinal("loop_element"), CreatedAt = r.GetOrdinal("created_at"), DueAt = r.GetOrdinal("due_at"),
            EndedAt = r.GetOrdinal("ended_at"), CompletedBy = r.GetOrdinal("completed_by"), Output = r.GetOrdinal("output");
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
