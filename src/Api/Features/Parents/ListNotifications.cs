using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Qadam.Api.Features.Documents;
using Qadam.Api.Features.MassTransfers;
using Qadam.Api.Features.Notifications;
using Qadam.Api.Persistence;
using Qadam.Workflows.Reads;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qadam.Api.Features.Parents;

/// <summary>
/// A notice to the parent about a child, in the parent's language: from a case's step (<paramref name="Kind"/> "case", with
/// the case and the paragraph) or from a mass transfer ("transfer", with its direction and period).
/// </summary>
public sealed record ParentNotificationResponse(string Kind, string StudentIin, string StudentName, string Text, DateTimeOffset CreatedAt,
    Guid? CaseId = null, string? LegalBasis = null, string? Direction = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>
/// <c>GET /api/parents/me/notifications</c>: the notices about the caller's children, newest first: those the cases'
/// "notify" steps sent, and those the mass transfers wrote (a parent is told of a transfer). A mass transfer's bulk
/// write stores only who and which transfer; its sentence is composed here, in Kazakh or Russian (Accept-Language), from
/// the transfer and the emergency order behind it.
/// </summary>
internal static class ListNotifications
{
    // The transfers' notices and the cases' notices of the caller's children, newest first, at most 200 of each: two
    // fixed statements in one batch, one round trip (they were two EF queries, whose LINQ trees were built per request).
    // Plain Npgsql on the request's connection, prepared once per physical connection.
    private const string TransfersSql =
        """
        SELECT s.iin, s.full_name, t.direction, t.period_from, t.period_to, n.at,
               CASE WHEN $2 THEN o.issuer_name_ru ELSE o.issuer_name_kk END, o.number
        FROM qadam.parent_links l
        JOIN qadam.student_transfers n ON n.student_id = l.student_id
        JOIN qadam.mass_transfers t ON t.id = n.transfer_id
        JOIN qadam.students s ON s.id = n.student_id
        LEFT JOIN qadam.emergency_orders o ON o.id = t.order_id
        WHERE l.parent_user_id = $1
        ORDER BY n.at DESC
        LIMIT 200
        """;

    private const string CaseNoticesSql =
        """
        SELECT s.iin, s.full_name, n.case_id, n.text_kk, n.text_ru, n.legal_basis, n.created_at, c.pathway_key, c.definition_version, n.element_id
        FROM qadam.parent_links l
        JOIN qadam.case_notices n ON n.student_id = l.student_id
        JOIN qadam.students s ON s.id = n.student_id
        JOIN qadam.cases c ON c.id = n.case_id
        WHERE l.parent_user_id = $1
        ORDER BY n.created_at DESC
        LIMIT 200
        """;

    public static async Task<Ok<List<ParentNotificationResponse>>> HandleAsync(
        HttpRequest http, ClaimsPrincipal user, QadamDbContext db, Lazy<EngineReads> reads, Citations citations,
        CancellationToken cancellationToken)
    {
        var russian = ListChildCases.PrefersRussian(http);
        var userId = Guid.Parse(user.FindFirstValue(Claims.Subject)!);
        var rows = new List<(string Iin, string FullName, string Direction, DateOnly PeriodFrom, DateOnly PeriodTo, DateTimeOffset CreatedAt,
            string? IssuingBody, string? Number)>();
        var notices = new List<(string Iin, string FullName, Guid CaseId, string TextKk, string TextRu, string? LegalBasis, DateTimeOffset CreatedAt,
            string PathwayKey, int DefinitionVersion, string ElementId)>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
            batch.BatchCommands.Add(new NpgsqlBatchCommand(TransfersSql)
            {
                Parameters =
                {
                    new NpgsqlParameter<Guid> { TypedValue = userId, NpgsqlDbType = NpgsqlDbType.Uuid },
                    new NpgsqlParameter<bool> { TypedValue = russian, NpgsqlDbType = NpgsqlDbType.Boolean },
                },
            });
            batch.BatchCommands.Add(new NpgsqlBatchCommand(CaseNoticesSql)
            {
                Parameters = { new NpgsqlParameter<Guid> { TypedValue = userId, NpgsqlDbType = NpgsqlDbType.Uuid } },
            });
            await batch.PrepareAsync(cancellationToken);
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateOnly>(3),
                    reader.GetFieldValue<DateOnly>(4), reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                    reader.IsDBNull(7) ? null : reader.GetString(7)));
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                notices.Add((reader.GetString(0), reader.GetString(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetString(7),
                    reader.GetInt32(8), reader.GetString(9)));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        // The paragraph in the parent's language (the stored basis is the BPMN's Russian wording).
        // The engine's context is made only for a parent with case notices (most of the morning crowd has none).
        var bases = notices.Count == 0 ? [] : await NoticeLegalBasis.ResolveAsync(
            notices.Select(n => (n.PathwayKey, n.DefinitionVersion, n.ElementId)), russian, reads.Value, citations, cancellationToken);
        return TypedResults.Ok(rows
            .Select(r => new ParentNotificationResponse("transfer", r.Iin, r.FullName,
                Text(russian, r.FullName, r.Direction, r.PeriodFrom, r.PeriodTo, r.IssuingBody, r.Number), r.CreatedAt,
                Direction: r.Direction, From: r.PeriodFrom, To: r.PeriodTo))
            .Concat(notices.Select(n => new ParentNotificationResponse("case", n.Iin, n.FullName,
                $"{n.FullName}: {(russian ? n.TextRu : n.TextKk)}", n.CreatedAt, n.CaseId,
                bases.GetValueOrDefault((n.PathwayKey, n.DefinitionVersion, n.ElementId), n.LegalBasis!) ?? n.LegalBasis)))
            .OrderByDescending(n => n.CreatedAt)
            .Take(200)
            .ToList());
    }

    private static string Text(bool russian, string name, string direction, DateOnly from, DateOnly to, string? body, string? number)
    {
        var f = from.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var t = to.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var basis = body is null ? null : russian ? $"Приказ: {body}, № {number}. " : $"Бұйрық: {body}, № {number}. ";
        return (direction, russian) switch
        {
            (TransferDirection.Return, true) => $"{basis}{name} возвращается к обучению в школе с {f}.",
            (TransferDirection.Return, false) => $"{basis}{name} {f} бастап мектепте оқуға қайтады.",
            (_, true) => $"{basis}{name} переведён(а) на дистанционное обучение с {f} по {t}.",
            _ => $"{basis}{name} {f} бастап {t} дейін қашықтан оқытуға ауыстырылды.",
        };
    }
}
