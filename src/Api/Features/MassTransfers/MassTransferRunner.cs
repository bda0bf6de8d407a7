using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Qadam.Api.Features.MassTransfers;

/// <summary>
/// Moves the students of many schools at once (an emergency order may cover a region). The step is prepared once (one row, one
/// row per school with its count), then schools are written in chunks, each chunk one statement (so one transaction) that
/// inserts its per-student rows and parent notices from the roster, on the server, and marks its schools done. A crash loses at most the chunks in flight; the next
/// run skips the schools marked done, so every student is moved exactly once, and the primary keys on (transfer, student)
/// would refuse a second copy if that ever failed.
/// </summary>
public sealed partial class MassTransferRunner(NpgsqlDataSource dataSource, TimeProvider time, ILogger<MassTransferRunner> logger)
{
    /// <summary>Students per transaction: big enough that a city's 300 schools take a few dozen commits, small enough to lose little.</summary>
    public int ChunkStudents { get; init; } = 20_000;

    /// <summary>Chunks written at once; the COPYs are bound by the server's two cores here.</summary>
    public int Parallelism { get; init; } = 2;

    /// <summary>
    /// A pause after each chunk, to pace a city-wide transfer so that the API's own queries keep their share of a small
    /// server (zero by default; tests use it to be sure to stop a transfer half-way).
    /// </summary>
    public TimeSpan PauseBetweenChunks { get; init; }

    /// <summary>Runs the step to its end, or resumes it; reports the number of students written so far.</summary>
    public async Task<MassTransferOutcome> RunAsync(MassTransferRequest request, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var (transferId, total, completed) = await PrepareAsync(request, cancellationToken);
        var prepared = clock.Elapsed;
        if (completed)
        {
            return new MassTransferOutcome(transferId, total, 0, 0, new MassTransferTimings(prepared, TimeSpan.Zero, TimeSpan.Zero));
        }

        var (pending, resumed) = await PendingSchoolsAsync(transferId, cancellationToken);
        if (resumed > 0)
        {
            LogResuming(logger, transferId, resumed, pending.Count);
        }

        var written = 0;
        var reported = 0;
        await Parallel.ForEachAsync(Chunks(pending), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (chunk, token) =>
            {
                var now = Interlocked.Add(ref written, await WriteChunkAsync(transferId, request, chunk, token));
                progress?.Report(now);
                if (PauseBetweenChunks > TimeSpan.Zero)
                {
                    await Task.Delay(PauseBetweenChunks, time, token);
                }
                // One log line per tenth, so a long transfer shows that it moves without flooding the log.
                var tenth = total == 0 ? 10 : (int)(10L * now / total);
                if (tenth > Volatile.Read(ref reported) && Interlocked.Exchange(ref reported, tenth) < tenth)
                {
                    LogProgress(logger, transferId, now, total);
                }
            });
        var transferred = clock.Elapsed;

        total = await FinishAsync(transferId, cancellationToken);
        LogCompleted(logger, transferId, request.Direction, total, clock.Elapsed.TotalSeconds);
        return new MassTransferOutcome(transferId, total, written, resumed,
            new MassTransferTimings(prepared, transferred - prepared, clock.Elapsed - transferred));
    }

    private async Task<(Guid Id, int Total, bool Completed)> PrepareAsync(MassTransferRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO qadam.mass_transfers (id, instance_id, element_id, definition_key, definition_version, order_id, direction,
                status, period_from, period_to, total, done, started_at)
            VALUES (@id, @instance, @element, @key, @version, @order, @direction, 'running', @from, @to, 0, 0, @now)
            ON CONFLICT (instance_id, element_id) DO NOTHING
            """, connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter<Guid>("id", id));
            insert.Parameters.Add(new NpgsqlParameter<Guid>("instance", request.InstanceId));
            insert.Parameters.Add(new NpgsqlParameter<string>("element", request.ElementId));
            insert.Parameters.Add(new NpgsqlParameter<string>("key", request.DefinitionKey));
            insert.Parameters.Add(new NpgsqlParameter<int>("version", request.DefinitionVersion));
            insert.Parameters.Add(new NpgsqlParameter("order", NpgsqlDbType.Uuid) { Value = (object?)request.OrderId ?? DBNull.Value });
            insert.Parameters.Add(new NpgsqlParameter<string>("direction", request.Direction));
            insert.Parameters.Add(new NpgsqlParameter<DateOnly>("from", request.PeriodFrom));
            insert.Parameters.Add(new NpgsqlParameter<DateOnly>("to", request.PeriodTo));
            insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                // Prepared by an earlier run that crashed or whose job rolled back: resume it.
                await using var existing = new NpgsqlCommand(
                    """SELECT id, total, status = 'completed' FROM qadam.mass_transfers WHERE instance_id = @instance AND element_id = @element""",
                    connection, transaction);
                existing.Parameters.Add(new NpgsqlParameter<Guid>("instance", request.InstanceId));
                existing.Parameters.Add(new NpgsqlParameter<string>("element", request.ElementId));
                await using var reader = await existing.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                return (reader.GetGuid(0), reader.GetInt32(1), reader.GetBoolean(2));
            }
        }

        await using (var schools = new NpgsqlCommand($"""
            INSERT INTO qadam.mass_transfer_schools (transfer_id, organisation_id, total, done, status)
            SELECT @transfer, o.id, (SELECT count(*) FROM qadam.students s WHERE s.organisation_id = o.id {StudentSelectionSql.For(request)}), 0, 'running'
            FROM qadam.organisations o WHERE o.code = ANY(@codes) AND o.kind IN ('School', 'College', 'University');
            """, connection, transaction))
        {
            schools.Parameters.Add(new NpgsqlParameter<Guid>("transfer", id));
            schools.Parameters.Add(new NpgsqlParameter<string[]>("codes", [.. request.OrganisationCodes]));
            StudentSelectionSql.AddParameters(schools, request);
            var found = await schools.ExecuteNonQueryAsync(cancellationToken);
            if (found != request.OrganisationCodes.Distinct(StringComparer.Ordinal).Count())
            {
                throw new InvalidOperationException(
                    $"The transfer names {request.OrganisationCodes.Count} organisations but only {found} are known schools, colleges or universities.");
            }
        }

        if (request.Excluded.Count > 0)
        {
            // Recorded per organisation with its reason, so the progress shows why a college moved no one.
            await using var exclude = new NpgsqlCommand("""
                UPDATE qadam.mass_transfer_schools m SET total = 0, done = 0, status = 'excluded', finished_at = @now,
                    exclusion_reason_kk = e.kk, exclusion_reason_ru = e.ru, exclusion_legal_basis = e.basis
                FROM unnest(@codes, @kk, @ru, @basis) AS e(code, kk, ru, basis)
                JOIN qadam.organisations o ON o.code = e.code
                WHERE m.transfer_id = @transfer AND m.organisation_id = o.id
                """, connection, transaction);
            exclude.Parameters.Add(new NpgsqlParameter<Guid>("transfer", id));
            exclude.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
            exclude.Parameters.Add(new NpgsqlParameter<string[]>("codes", [.. request.Excluded.Select(e => e.Organisation)]));
            exclude.Parameters.Add(new NpgsqlParameter<string[]>("kk", [.. request.Excluded.Select(e => e.ReasonKk)]));
            exclude.Parameters.Add(new NpgsqlParameter<string[]>("ru", [.. request.Excluded.Select(e => e.ReasonRu)]));
            exclude.Parameters.Add(new NpgsqlParameter("basis", NpgsqlDbType.Array | NpgsqlDbType.Text)
            {
                Value = request.Excluded.Select(e => (object?)e.LegalBasis ?? DBNull.Value).ToArray(),
            });
            await exclude.ExecuteNonQueryAsync(cancellationToken);
        }

        int total;
        await using (var sum = new NpgsqlCommand("""
            UPDATE qadam.mass_transfers SET total = (SELECT coalesce(sum(total), 0) FROM qadam.mass_transfer_schools WHERE transfer_id = @transfer)
            WHERE id = @transfer RETURNING total
            """, connection, transaction))
        {
            sum.Parameters.Add(new NpgsqlParameter<Guid>("transfer", id));
            total = (int)(await sum.ExecuteScalarAsync(cancellationToken))!;
        }

        await transaction.CommitAsync(cancellationToken);
        LogPrepared(logger, id, request.Direction, request.OrganisationCodes.Count, total);
        return (id, total, false);
    }

    private async Task<(List<(Guid Organisation, int Total)> Pending, int Done)> PendingSchoolsAsync(Guid transferId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT organisation_id, total, status IN ('completed', 'excluded') FROM qadam.mass_transfer_schools
            WHERE transfer_id = @transfer ORDER BY organisation_id
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid>("transfer", transferId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pending = new List<(Guid, int)>();
        var done = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetBoolean(2))
            {
                done++;
            }
            else
            {
                pending.Add((reader.GetGuid(0), reader.GetInt32(1)));
            }
        }

        return (pending, done);
    }

    private IEnumerable<Guid[]> Chunks(List<(Guid Organisation, int Total)> schools)
    {
        var chunk = new List<Guid>();
        var size = 0;
        foreach (var (organisation, total) in schools)
        {
            chunk.Add(organisation);
            size += total;
            if (size >= ChunkStudents)
            {
                yield return [.. chunk];
                chunk.Clear();
                size = 0;
            }
        }

        if (chunk.Count > 0)
        {
            yield return [.. chunk];
        }
    }

    /// <summary>
    /// One statement, so one transaction and one round trip: select the chunk's students, insert their transfer rows (each
    /// also the parents' notice) from that selection, and mark the schools done with the counts actually written. The rows never
    /// leave the server: reading 20,000 students into the API and binary-COPYing 40,000 rows back cost the client and the
    /// server's protocol handling more than the inserts themselves on a two-core machine (bench/MassTransfer, "Server-side
    /// chunks"). A data-modifying CTE runs to completion even though nothing reads its result
    /// (https://www.postgresql.org/docs/15/queries-with.html#QUERIES-WITH-MODIFYING).
    /// </summary>
    private async Task<int> WriteChunkAsync(Guid transferId, MassTransferRequest request, Guid[] organisations, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // The count written is the truth: the roster may have changed since the step was prepared.
        await using var command = new NpgsqlCommand($"""
            WITH moved AS MATERIALIZED (
                SELECT s.id, s.organisation_id, s.parent_iin FROM qadam.students s
                WHERE s.organisation_id = ANY(@organisations) {StudentSelectionSql.For(request)}),
            transfers AS (
                INSERT INTO qadam.student_transfers (transfer_id, student_id, organisation_id, at, parent_iin)
                SELECT @transfer, id, organisation_id, @now, parent_iin FROM moved),
            counts AS (SELECT organisation_id, count(*)::int AS n FROM moved GROUP BY organisation_id),
            marked AS (
                UPDATE qadam.mass_transfer_schools m SET total = coalesce(c.n, 0), done = coalesce(c.n, 0), status = 'completed', finished_at = @now
                FROM unnest(@organisations) AS o(id) LEFT JOIN counts c ON c.organisation_id = o.id
                WHERE m.transfer_id = @transfer AND m.organisation_id = o.id
                RETURNING m.done)
            SELECT coalesce(sum(done), 0)::int FROM marked
            """, connection);
        command.Parameters.Add(StudentSelectionSql.Organisations(organisations));
        StudentSelectionSql.AddParameters(command, request);
        command.Parameters.Add(new NpgsqlParameter<Guid>("transfer", transferId));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", time.GetUtcNow()));
        var written = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        Hosting.QadamTelemetry.MassTransferStudents.Add(written);
        return written;
    }

    private async Task<int> FinishAsync(Guid transferId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE qadam.mass_transfers t SET status = 'completed', finished_at = @now,
                total = s.total, done = s.total
            FROM (SELECT coalesce(sum(done), 0)::int AS total FROM qadam.mass_transfer_schools WHERE transfer_id = @transfer) s
            WHERE t.id = @transfer RETURNING t.total
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid>("transfer", transferId));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", time.GetUtcNow()));
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mass transfer {Transfer} ({Direction}) prepared: {Schools} organisations, {Total} students")]
    private static partial void LogPrepared(ILogger logger, Guid transfer, string direction, int schools, int total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mass transfer {Transfer} resumes after an interruption: {Done} schools already done, {Pending} to go")]
    private static partial void LogResuming(ILogger logger, Guid transfer, int done, int pending);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mass transfer {Transfer}: {Done} of {Total} students")]
    private static partial void LogProgress(ILogger logger, Guid transfer, int done, int total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mass transfer {Transfer} ({Direction}) completed: {Total} students in {Seconds:F1} s")]
    private static partial void LogCompleted(ILogger logger, Guid transfer, string direction, int total, double seconds);
}
