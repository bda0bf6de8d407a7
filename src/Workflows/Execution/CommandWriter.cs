using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Qadam.Workflows.Persistence;

namespace Qadam.Workflows.Execution;

/// <summary>
/// Collects the rows one command writes (instances, user tasks, journal, timers, subscriptions, jobs, outbox, the
/// idempotency record) and writes them with one <see cref="NpgsqlBatch"/> on the context's connection and transaction.
/// Why: through EF's change tracker a start cost about 1.5 ms of CPU for seven rows, three times what PostgreSQL
/// spent on them (bench/Engine/README.md). EF keeps the schema, the migrations and the cold paths.
/// </summary>
/// <remarks>
/// Instances and tasks are written with their values at the flush, as the change tracker did: a task opened and
/// cancelled within one command is inserted cancelled; a loaded instance or task is updated only when it changed. The
/// instance update carries the xmin it was read with, so a command that lost a race finds no row and fails with
/// <see cref="ConcurrencyConflictException"/> (the optimistic concurrency EF gave with IsRowVersion). The other rows
/// and statements keep the order the command produced them in.
/// </remarks>
internal sealed class CommandWriter(WorkflowsDbContext db)
{
    internal const string InsertInstance = """
        INSERT INTO workflows.instances (id, definition_id, definition_key, definition_version, reference_date, business_key, status, state,
            parent_instance_id, parent_token_id, started_at, ended_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING xmin
        """;

    internal const string UpdateInstance = """
        UPDATE workflows.instances SET definition_id = $2, definition_version = $3, status = $4, state = $5, parent_instance_id = $6,
            parent_token_id = $7, ended_at = $8
        WHERE id = $1 AND xmin = $9 RETURNING xmin
        """;

    internal const string InsertTask = """
        INSERT INTO workflows.tasks (id, instance_id, business_key, definition_key, definition_version, element_id, token_id, name, label_kk,
            label_ru, candidate_roles, organisation, form_key, legal_basis, status, assignee, loop_index, loop_element, created_at, due_at,
            ended_at, completed_by, output)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)
        """;

    internal const string UpdateTask =
        "UPDATE workflows.tasks SET status = $2, assignee = $3, ended_at = $4, completed_by = $5, output = $6 WHERE id = $1";

    // One statement whatever the number of lines; WITH ORDINALITY keeps the journal's ids in the order things happened.
    internal const string InsertJournal = """
        INSERT INTO workflows.journal (instance_id, definition_key, definition_version, element_id, event, at, actor, token_id, data)
        SELECT u.instance_id, u.definition_key, u.definition_version, u.element_id, u.event, u.at, u.actor, u.token_id, u.data
        FROM unnest($1::uuid[], $2::text[], $3::integer[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::text[], $9::jsonb[])
            WITH ORDINALITY AS u(instance_id, definition_key, definition_version, element_id, event, at, actor, token_id, data, n)
        ORDER BY u.n
        """;

    internal const string InsertTimer =
        "INSERT INTO workflows.timers (id, instance_id, definition_id, token_id, element_id, due_at, repeats_left) VALUES ($1, $2, $3, $4, $5, $6, $7)";

    internal const string InsertSubscription = """
        INSERT INTO workflows.subscriptions (id, instance_id, token_id, element_id, message_name, correlation_key, created_at, event_type)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        """;

    internal const string InsertJob = """
        INSERT INTO workflows.jobs (id, instance_id, token_id, element_id, activity, due_at, attempts, last_error, stalled)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        """;

    internal const string InsertOutbox = """
        INSERT INTO workflows.outbox (topic, instance_id, payload, created_at, due_at, processed_at, attempts, last_error)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        """;

    internal const string InsertCommand = "INSERT INTO workflows.commands (key, command, result, created_at) VALUES ($1, $2, $3, $4)";

    private readonly List<InstanceEntry> _instances = [];
    private readonly List<TaskEntry> _tasks = [];
    private readonly List<JournalEntry> _journal = [];
    private readonly List<NpgsqlBatchCommand> _statements = [];

    /// <summary>The tasks this command opened or loaded, as they stand in memory.</summary>
    public IEnumerable<ProcessTask> Tasks => _tasks.Select(t => t.Task);

    /// <summary>A new instance, inserted at the flush.</summary>
    public void Add(ProcessInstance instance) => _instances.Add(new InstanceEntry(instance, inDatabase: false));

    /// <summary>An instance read from the database, updated at the flush if it changed.</summary>
    public void Attach(ProcessInstance instance) => _instances.Add(new InstanceEntry(instance, inDatabase: true));

    /// <summary>A new user task, inserted at the flush.</summary>
    public void Add(ProcessTask task) => _tasks.Add(new TaskEntry(task, inDatabase: false));

    /// <summary>A task read from the database, updated at the flush if it changed.</summary>
    public void Attach(ProcessTask task) => _tasks.Add(new TaskEntry(task, inDatabase: true));

    public void Add(JournalEntry entry) => _journal.Add(entry);

    public void Add(ProcessTimer timer) =>
        _statements.Add(Statement(InsertTimer, Uuid(timer.Id), Uuid(timer.InstanceId), Uuid(timer.DefinitionId), Text(timer.TokenId),
            Text(timer.ElementId), Time(timer.DueAt), Integer(timer.RepeatsLeft)));

    public void Add(MessageSubscription subscription) =>
        _statements.Add(Statement(InsertSubscription, Uuid(subscription.Id), Uuid(subscription.InstanceId), Text(subscription.TokenId),
            Text(subscription.ElementId), Text(subscription.MessageName), Text(subscription.CorrelationKey), Time(subscription.CreatedAt),
            Text(subscription.EventType)));

    public void Add(ProcessJob job) =>
        _statements.Add(Statement(InsertJob, Uuid(job.Id), Uuid(job.InstanceId), Text(job.TokenId), Text(job.ElementId), Text(job.Activity),
            Time(job.DueAt), Integer(job.Attempts), Text(job.LastError), new NpgsqlParameter<bool> { TypedValue = job.Stalled }));

    public void Add(OutboxMessage message) =>
        _statements.Add(Statement(InsertOutbox, Text(message.Topic), Uuid(message.InstanceId), Jsonb(message.Payload.ToJsonString()),
            Time(message.CreatedAt), Time(message.DueAt), Time(message.ProcessedAt), Integer(message.Attempts), Text(message.LastError)));

    public void Add(CommandRecord record) =>
        _statements.Add(Statement(InsertCommand, Text(record.Key), Text(record.Command), Jsonb(record.ResultJson), Time(record.CreatedAt)));

    /// <summary>A statement of the command's own (e.g. dropping the wait rows of ended tokens), run in its place among the rows.</summary>
    public void Execute(string sql, params NpgsqlParameter[] parameters) => _statements.Add(Statement(sql, parameters));

    /// <summary>Forgets everything not yet written (a dry run).</summary>
    public void Discard()
    {
        _instances.Clear();
        _tasks.Clear();
        _journal.Clear();
        _statements.Clear();
    }

    /// <summary>
    /// Writes what changed since the last flush in one round trip. Throws <see cref="ConcurrencyConflictException"/> when
    /// another command changed an instance since it was read; a unique violation (the idempotency key) comes as
    /// <see cref="PostgresException"/>. Either way the transaction is the caller's to roll back.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var statements = new List<NpgsqlBatchCommand>();
        var versioned = new List<InstanceEntry>();
        foreach (var entry in _instances.Where(e => !e.InDatabase || e.Changed))
        {
            statements.Add(entry.InDatabase ? Update(entry.Instance) : Insert(entry.Instance));
            versioned.Add(entry);
        }

        foreach (var entry in _tasks.Where(e => !e.InDatabase || e.Changed))
        {
            statements.Add(entry.InDatabase ? Update(entry.Task) : Insert(entry.Task));
        }

        if (_journal.Count > 0)
        {
            statements.Add(Insert(_journal));
        }

        statements.AddRange(_statements);
        _journal.Clear();
        _statements.Clear();
        if (statements.Count == 0)
        {
            return;
        }

        var (connection, transaction) = CommandReader.Open(db);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var statement in statements)
        {
            batch.BatchCommands.Add(statement);
        }

        if (db.Database.GetCommandTimeout() is { } timeout)
        {
            batch.Timeout = timeout;
        }

        // The statements are few and fixed: prepared once per physical connection, then only bound and executed
        // (PostgreSQL parses and plans them once, not per command).
        await batch.PrepareAsync(cancellationToken);

        Guid? conflict = null;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            // The instance statements come first and each returns the row's new xmin, or nothing when the version moved on.
            for (var i = 0; i < versioned.Count; i++)
            {
                if (i > 0)
                {
                    await reader.NextResultAsync(cancellationToken);
                }

                if (await reader.ReadAsync(cancellationToken))
                {
                    versioned[i].Instance.Written(reader.GetFieldValue<uint>(0));
                }
                else
                {
                    conflict ??= versioned[i].Instance.Id;
                }
            }

            // Reading on surfaces an error of a later statement (a duplicate idempotency key) here, not at disposal.
            while (await reader.NextResultAsync(cancellationToken))
            {
            }
        }

        if (conflict is { } instanceId)
        {
            throw new ConcurrencyConflictException(instanceId);
        }

        foreach (var entry in _instances)
        {
            entry.Written();
        }

        foreach (var entry in _tasks)
        {
            entry.Written();
        }
    }

    private static NpgsqlBatchCommand Insert(ProcessInstance i) =>
        Statement(InsertInstance, Uuid(i.Id), Uuid(i.DefinitionId), Text(i.DefinitionKey), Integer(i.DefinitionVersion),
            new NpgsqlParameter<DateOnly> { TypedValue = i.ReferenceDate, NpgsqlDbType = NpgsqlDbType.Date }, Text(i.BusinessKey),
            Text(i.Status.ToString()), Jsonb(i.StateJson), Uuid(i.ParentInstanceId), Text(i.ParentTokenId), Time(i.StartedAt), Time(i.EndedAt));

    private static NpgsqlBatchCommand Update(ProcessInstance i) =>
        Statement(UpdateInstance, Uuid(i.Id), Uuid(i.DefinitionId), Integer(i.DefinitionVersion), Text(i.Status.ToString()), Jsonb(i.StateJson),
            Uuid(i.ParentInstanceId), Text(i.ParentTokenId), Time(i.EndedAt),
            new NpgsqlParameter<uint> { TypedValue = i.RowVersion, NpgsqlDbType = NpgsqlDbType.Xid });

    private static NpgsqlBatchCommand Insert(ProcessTask t) =>
        Statement(InsertTask, Uuid(t.Id), Uuid(t.InstanceId), Text(t.BusinessKey), Text(t.DefinitionKey), Integer(t.DefinitionVersion),
            Text(t.ElementId), Text(t.TokenId), Text(t.Name), Text(t.LabelKk), Text(t.LabelRu),
            new NpgsqlParameter<string[]> { TypedValue = [.. t.CandidateRoles], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
            Text(t.Organisation), Text(t.FormKey), Jsonb(t.LegalBasis is null ? null : JsonSerializer.Serialize(t.LegalBasis)),
            Text(t.Status.ToString()), Text(t.Assignee), Integer(t.LoopIndex), Jsonb(t.LoopElement?.ToJsonString()), Time(t.CreatedAt),
            Time(t.DueAt), Time(t.EndedAt), Text(t.CompletedBy), Jsonb(t.Output?.ToJsonString()));

    private static NpgsqlBatchCommand Update(ProcessTask t) =>
        Statement(UpdateTask, Uuid(t.Id), Text(t.Status.ToString()), Text(t.Assignee), Time(t.EndedAt), Text(t.CompletedBy),
            Jsonb(t.Output?.ToJsonString()));

    private static NpgsqlBatchCommand Insert(List<JournalEntry> journal)
    {
        var n = journal.Count;
        var (instances, keys, versions, elements, events, at, actors, tokens, data) =
            (new Guid[n], new string[n], new int[n], new string?[n], new string[n], new DateTimeOffset[n], new string[n], new string?[n],
                new string?[n]);
        for (var i = 0; i < n; i++)
        {
            var j = journal[i];
            (instances[i], keys[i], versions[i], elements[i], events[i], at[i], actors[i], tokens[i], data[i]) =
                (j.InstanceId, j.DefinitionKey, j.DefinitionVersion, j.ElementId, j.Event, j.At.ToUniversalTime(), j.Actor, j.TokenId,
                    j.Data?.ToJsonString());
        }

        return Statement(InsertJournal,
            new NpgsqlParameter<Guid[]> { TypedValue = instances, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid },
            TextArray(keys),
            new NpgsqlParameter<int[]> { TypedValue = versions, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer },
            TextArray(elements), TextArray(events),
            new NpgsqlParameter<DateTimeOffset[]> { TypedValue = at, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
            TextArray(actors), TextArray(tokens),
            new NpgsqlParameter<string?[]> { TypedValue = data, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
    }

    private static NpgsqlBatchCommand Statement(string sql, params NpgsqlParameter[] parameters)
    {
        var statement = new NpgsqlBatchCommand(sql);
        statement.Parameters.AddRange(parameters);
        return statement;
    }

    private static NpgsqlParameter Uuid(Guid value) => new NpgsqlParameter<Guid> { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Uuid };

    private static NpgsqlParameter Uuid(Guid? value) =>
        new() { Value = value is { } v ? v : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid };

    private static NpgsqlParameter Text(string? value) => new() { Value = value ?? (object)DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter TextArray(string?[] values) =>
        new NpgsqlParameter<string?[]> { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    private static NpgsqlParameter Jsonb(string? json) => new() { Value = json ?? (object)DBNull.Value, NpgsqlDbType = NpgsqlDbType.Jsonb };

    private static NpgsqlParameter Integer(int? value) =>
        new() { Value = value is { } v ? v : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer };

    // PostgreSQL keeps instants in UTC and Npgsql writes only offset 0 to timestamptz; the engine's clocks already give UTC.
    private static NpgsqlParameter Time(DateTimeOffset? value) =>
        new() { Value = value is { } v ? v.ToUniversalTime() : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    /// <summary>An instance and the values it had when last read or written, to tell whether it needs an update.</summary>
    private sealed class InstanceEntry(ProcessInstance instance, bool inDatabase)
    {
        private string _state = instance.StateJson;
        private InstanceStatus _status = instance.Status;
        private DateTimeOffset? _endedAt = instance.EndedAt;
        private Guid _definitionId = instance.DefinitionId;
        private int _definitionVersion = instance.DefinitionVersion;
        private Guid? _parentInstanceId = instance.ParentInstanceId;
        private string? _parentTokenId = instance.ParentTokenId;

        public ProcessInstance Instance { get; } = instance;

        public bool InDatabase { get; private set; } = inDatabase;

        public bool Changed =>
            !string.Equals(_state, Instance.StateJson, StringComparison.Ordinal) || _status != Instance.Status || _endedAt != Instance.EndedAt
            || _definitionId != Instance.DefinitionId || _definitionVersion != Instance.DefinitionVersion
            || _parentInstanceId != Instance.ParentInstanceId || !string.Equals(_parentTokenId, Instance.ParentTokenId, StringComparison.Ordinal);

        public void Written()
        {
            InDatabase = true;
            (_state, _status, _endedAt, _definitionId, _definitionVersion, _parentInstanceId, _parentTokenId) = (Instance.StateJson,
                Instance.Status, Instance.EndedAt, Instance.DefinitionId, Instance.DefinitionVersion, Instance.ParentInstanceId,
                Instance.ParentTokenId);
        }
    }

    /// <summary>A task and the values it had when last read or written (only status, assignee and completion change).</summary>
    private sealed class TaskEntry(ProcessTask task, bool inDatabase)
    {
        private UserTaskStatus _status = task.Status;
        private string? _assignee = task.Assignee;
        private DateTimeOffset? _endedAt = task.EndedAt;
        private string? _completedBy = task.CompletedBy;

        public ProcessTask Task { get; } = task;

        public bool InDatabase { get; private set; } = inDatabase;

        public bool Changed =>
            _status != Task.Status || !string.Equals(_assignee, Task.Assignee, StringComparison.Ordinal) || _endedAt != Task.EndedAt
            || !string.Equals(_completedBy, Task.CompletedBy, StringComparison.Ordinal);

        public void Written()
        {
            InDatabase = true;
            (_status, _assignee, _endedAt, _completedBy) = (Task.Status, Task.Assignee, Task.EndedAt, Task.CompletedBy);
        }
    }
}
