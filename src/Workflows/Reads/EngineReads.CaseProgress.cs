using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Reads;

/// <summary>
/// The engine's side of a parent's case tracker in one round trip: three fixed statements in one <see cref="NpgsqlBatch"/>
/// on the context's connection (inside the host's transaction when one is open), prepared once per physical connection.
/// Why plain Npgsql: the tracker is the busiest read (the morning crowd of parents), and EF's query pipeline cost more CPU
/// per request than PostgreSQL spends on these rows, three round trips instead of one (<see cref="CommandReader"/> reads a
/// command's rows the same way).
/// </summary>
public sealed partial class EngineReads
{
    // The outcome as InstanceAsync derives it: the string variable caseStatus (InstanceVariables.CaseStatus), else, once the
    // instance completed, the element of its last journal entry (its end event).
    private const string OutcomesSql =
        $"""
         SELECT id, status, case_status,
                CASE WHEN case_status IS NULL AND status = '{nameof(InstanceStatus.Completed)}' THEN
                    (SELECT j.element_id FROM workflows.journal j WHERE j.instance_id = i.id AND j.element_id IS NOT NULL ORDER BY j.id DESC LIMIT 1)
                END AS last_element
         FROM (SELECT id, status,
                      CASE WHEN jsonb_typeof(state -> 'variables' -> 'caseStatus') = 'string' THEN state -> 'variables' ->> 'caseStatus' END AS case_status
               FROM workflows.instances WHERE id = ANY($1)) i
         """;

    private const string OpenTasksSql =
        $"""
         SELECT business_key, element_id, name, label_kk, label_ru, due_at FROM workflows.tasks
         WHERE business_key = ANY($1) AND {ProcessTaskQueries.OpenSql}
         ORDER BY due_at IS NULL, due_at
         """;

    private const string TimersSql =
        """
        SELECT i.business_key, i.id, i.definition_id, t.element_id, t.due_at
        FROM workflows.timers t JOIN workflows.instances i ON t.instance_id = i.id
        WHERE i.business_key = ANY($1)
        ORDER BY t.due_at
        """;

    /// <summary>
    /// The status and outcome of <paramref name="instanceIds"/> (the cases' own instances), and the open tasks and waiting
    /// timers of every instance of <paramref name="businessKeys"/> (the case ids; called sub-processes carry their case's key).
    /// </summary>
    public async Task<CaseProgress> CaseProgressAsync(
        IReadOnlyCollection<Guid> instanceIds, IReadOnlyCollection<string> businessKeys, CancellationToken cancellationToken = default)
    {
        // EF opens the connection only when it is closed, and then closes it again (the API's contexts share one connection).
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var batch = new NpgsqlBatch(connection, db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction);
            batch.BatchCommands.Add(new NpgsqlBatchCommand(OutcomesSql)
            {
                Parameters = { new NpgsqlParameter<Guid[]> { TypedValue = [.. instanceIds], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid } },
            });
            var keys = businessKeys.ToArray();
            batch.BatchCommands.Add(new NpgsqlBatchCommand(OpenTasksSql)
            {
                Parameters = { new NpgsqlParameter<string[]> { TypedValue = keys, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text } },
            });
            batch.BatchCommands.Add(new NpgsqlBatchCommand(TimersSql)
            {
                Parameters = { new NpgsqlParameter<string[]> { TypedValue = keys, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text } },
            });
            if (db.Database.GetCommandTimeout() is { } timeout)
            {
                batch.Timeout = timeout;
            }

            await batch.PrepareAsync(cancellationToken);
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            var outcomes = new List<InstanceOutcome>();
            while (await reader.ReadAsync(cancellationToken))
            {
                var caseStatus = reader.IsDBNull(2) ? null : reader.GetString(2);
                outcomes.Add(new InstanceOutcome(reader.GetGuid(0), Enum.Parse<InstanceStatus>(reader.GetString(1)),
                    caseStatus ?? (reader.IsDBNull(3) ? null : reader.GetString(3))));
            }

            await reader.NextResultAsync(cancellationToken);
            var tasks = new List<OpenCaseTask>();
            while (await reader.ReadAsync(cancellationToken))
            {
                tasks.Add(new OpenCaseTask(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5)));
            }

            await reader.NextResultAsync(cancellationToken);
            var timers = new List<WaitingTimer>();
            while (await reader.ReadAsync(cancellationToken))
            {
                timers.Add(new WaitingTimer(reader.GetString(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3),
                    reader.GetFieldValue<DateTimeOffset>(4)));
            }

            return new CaseProgress(outcomes, tasks, timers);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
