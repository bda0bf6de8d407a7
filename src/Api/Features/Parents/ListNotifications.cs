using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
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
    public static async Task<Ok<List<ParentNotificationResponse>>> HandleAsync(
        HttpRequest http, ClaimsPrincipal user, QadamDbContext db, EngineReads reads, Citations citations,
        CancellationToken cancellationToken)
    {
        var russian = ListChildCases.PrefersRussian(http);
        var userId = Guid.Parse(user.FindFirstValue(Claims.Subject)!);
        var rows = await (from l in db.ParentLinks.AsNoTracking()
                          join n in db.ParentNotifications on l.StudentId equals n.StudentId
                          join t in db.MassTransfers on n.TransferId equals t.Id
                          join s in db.Students on n.StudentId equals s.Id
                          join o in db.EmergencyOrders on t.OrderId equals o.Id into orders
                          from o in orders.DefaultIfEmpty()
                          where l.ParentUserId == userId
                          orderby n.CreatedAt descending
                          select new
                          {
                              s.Iin, s.FullName, t.Direction, t.PeriodFrom, t.PeriodTo, n.CreatedAt,
                              IssuingBody = o == null ? null : russian ? o.IssuerNameRu : o.IssuerNameKk, Number = o == null ? null : o.Number,
                          })
            .Take(200).ToListAsync(cancellationToken);
        var notices = await (from l in db.ParentLinks.AsNoTracking()
                             join n in db.CaseNotices on l.StudentId equals n.StudentId
                             join s in db.Students on n.StudentId equals s.Id
                             join c in db.Cases on n.CaseId equals c.Id
                             where l.ParentUserId == userId
                             orderby n.CreatedAt descending
                             select new { s.Iin, s.FullName, n.CaseId, n.TextKk, n.TextRu, n.LegalBasis, n.CreatedAt, c.PathwayKey, c.DefinitionVersion, n.ElementId })
            .Take(200).ToListAsync(cancellationToken);
        // The paragraph in the parent's language (the stored basis is the BPMN's Russian wording).
        var bases = await NoticeLegalBasis.ResolveAsync(notices.Select(n => (n.PathwayKey, n.DefinitionVersion, n.ElementId)), russian, reads,
            citations, cancellationToken);
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
