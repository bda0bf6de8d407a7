using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;
using Qadam.Identifiers;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qadam.Api.Features.EmergencyOrders;

/// <summary>The regional department's order that lifts an emergency order before its period ends: its number and date.</summary>
public sealed record EmergencyOrderLifting(string Number, DateOnly Date);

/// <summary>What the lifting reached: the order, the lifting order, and the pathway instances that began the return.</summary>
public sealed record EmergencyOrderLiftingResponse(
    Guid OrderId, string Number, DateOnly Date, IReadOnlyList<Guid> Instances, string LiftedBy, DateTimeOffset LiftedAt);

/// <summary>
/// <c>POST /api/emergency-orders/{id}/lifting</c>: the order ends early (order 103 para 22: distance learning lasts on the
/// basis of the education department's order, so a new order ends it). The signal <c>emergency-order-lifted</c>, scoped to
/// the order's id, reaches every school of the order at once, whatever step each has reached: the students the order moved
/// return together.
/// </summary>
internal static class LiftEmergencyOrder
{
    public const string SignalName = "emergency-order-lifted";

    public static async Task<Results<Ok<EmergencyOrderLiftingResponse>, NotFound, ProblemHttpResult>> HandleAsync(
        Guid id, EmergencyOrderLifting request, HttpRequest http, ClaimsPrincipal user, QadamDbContext db, WorkflowsDbContext workflows,
        ProcessEngine engine, AuditTrail audit,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var order = await db.EmergencyOrders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        if (order is null || !await EmergencyOrderAccess.CoversOnlyVisibleAsync(order, scope, db, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var ru = ProblemLanguage.Of(http) == "ru";
        var number = request.Number?.Trim() ?? string.Empty;
        if (number.Length is 0 or > 64)
        {
            return UnprocessableProblem.Create("number", ru
                ? "Укажите номер приказа об отмене (не более 64 символов)."
                : "Күшін жою туралы бұйрықтың нөмірін көрсетіңіз (64 таңбадан аспайды).");
        }

        var today = KazakhstanClock.Today(time);
        if (request.Date < order.Date || request.Date > today)
        {
            return UnprocessableProblem.Create("date", ru
                ? $"Дата приказа об отмене — не раньше приказа ({order.Date:dd.MM.yyyy}) и не позже сегодняшнего дня."
                : $"Күшін жою туралы бұйрықтың күні бұйрықтан ({order.Date:dd.MM.yyyy}) ерте емес және бүгіннен кеш емес болуы тиіс.");
        }

        var actor = AuditActor.From(user);
        var lifting = new JsonObject
        {
            ["lifting"] = new JsonObject
            {
                ["number"] = number, ["date"] = request.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["by"] = actor.Name,
            },
        };
        // The signal and its audit event commit together, as the order's receipt does.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await workflows.Database.UseTransactionAsync(transaction.GetDbTransaction(), cancellationToken);
        var reached = await engine.BroadcastSignalAsync(new BroadcastSignal(SignalName,
            new Actor(user.FindFirstValue(Claims.Subject)!, actor.Roles, actor.OrganisationCode), order.Id.ToString(), lifting),
            cancellationToken);
        if (reached.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict.", detail: ru
                ? "Приказ уже не действует: обучающиеся возвращены или возвращаются."
                : "Бұйрық енді күшінде емес: білім алушылар қайтарылды немесе қайтарылуда.");
        }

        var payload = JsonSerializer.SerializeToUtf8Bytes(new { order.Id, request.Number, request.Date });
        await audit.AppendAsync(actor, new AuditEntry("emergency-order.lifted", payload,
            ProcessKey: PostEmergencyOrder.PathwayKey, ProcessVersion: order.DefinitionVersion,
            LegalBasis: "Приказ № 349 в ред. приказа № 103, прил. 1, п. 22"), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new EmergencyOrderLiftingResponse(order.Id, number, request.Date, [.. reached.Select(r => r.InstanceId)],
            actor.Name, time.GetUtcNow()));
    }
}
