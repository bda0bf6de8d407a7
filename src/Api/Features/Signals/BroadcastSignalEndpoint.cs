using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.EmergencyOrders;
using Qadam.Api.Features.Identity;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Reads;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qadam.Api.Features.Signals;

/// <summary>A signal to broadcast: its name (bpmn:signal name) and, optionally, the scope it is limited to.</summary>
/// <param name="Name">The signal's name, e.g. "emergency-lifted".</param>
/// <param name="Scope">An emergency order's id: only the waits subscribed in that scope, and those listening in none, hear it.</param>
public sealed record BroadcastSignalRequest(string? Name, string? Scope = null);

/// <summary>What one broadcast reached: every instance whose wait it ended, or that it started.</summary>
public sealed record BroadcastSignalResponse(string Name, string? Scope, int Reached, IReadOnlyList<Guid> Instances);

/// <summary>
/// <c>POST /api/signals</c>: broadcasts a signal (BPMN 2.0, 10.5.5) in one engine command with its audit event, so every
/// waiting subscription of the name hears it exactly once. An administrator broadcasts any signal; a regional officer only
/// within an emergency order whose organisations are all in the officer's territory (e.g. the order lifted early: every
/// transfer under it returns). A repeat with the same Idempotency-Key answers the first broadcast; the same key with another
/// body is refused (draft-ietf-httpapi-idempotency-key-header, section 2.6).
/// </summary>
internal static class BroadcastSignalEndpoint
{
    private const int MaxNameLength = 200;
    private const int MaxKeyLength = 100;

    public static async Task<Results<Ok<BroadcastSignalResponse>, ProblemHttpResult>> HandleAsync(
        BroadcastSignalRequest request, HttpRequest http, ClaimsPrincipal user, QadamDbContext db, EngineReads reads,
        ProcessEngine engine, CommandTransaction command, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim() ?? "";
        var scope = string.IsNullOrWhiteSpace(request.Scope) ? null : request.Scope.Trim();
        var key = http.Headers["Idempotency-Key"].ToString();
        if (name.Length is 0 or > MaxNameLength)
        {
            return UnprocessableProblem.Create("name", $"The signal's name is required, at most {MaxNameLength} characters.");
        }

        if (key.Length > MaxKeyLength)
        {
            return UnprocessableProblem.Create("Idempotency-Key", $"At most {MaxKeyLength} characters.");
        }

        if (!user.IsInRole(QadamRoles.Administrator) && await RefusedScopeAsync(user, db, scope, cancellationToken) is { } refused)
        {
            return refused;
        }

        var subject = user.FindFirstValue(Claims.Subject)!;
        var engineKey = key.Length > 0 ? $"signal:{subject}:{key}" : null;
        // The same key with another body never gets here (IdempotencyKeyFilter: 422 naming the key); the same body is a
        // replay, answered from the engine's record of the first broadcast without a second audit event.
        if (engineKey is not null && await reads.CommandRanAsync(engineKey, cancellationToken))
        {
            var replay = await engine.BroadcastSignalAsync(
                new BroadcastSignal(name, ActorOf(user, subject), scope, IdempotencyKey: engineKey), cancellationToken);
            return TypedResults.Ok(Response(name, scope, replay));
        }

        var actor = AuditActor.From(user);
        var reached = await command.RunAsync(actor,
            ct => engine.BroadcastSignalAsync(new BroadcastSignal(name, ActorOf(user, subject), scope, IdempotencyKey: engineKey), ct),
            r => new AuditEntry("signal.broadcast", JsonSerializer.SerializeToUtf8Bytes(new
            {
                name, scope, reached = r.Count, instances = r.Select(i => i.InstanceId),
            })), cancellationToken);
        return TypedResults.Ok(Response(name, scope, reached));
    }

    /// <summary>
    /// A regional officer broadcasts only within an emergency order of the officer's territory: the scope must name one, and
    /// each of its organisations must be within the officer's scope.
    /// </summary>
    private static async Task<ProblemHttpResult?> RefusedScopeAsync(
        ClaimsPrincipal user, QadamDbContext db, string? scope, CancellationToken cancellationToken)
    {
        if (scope is null || !Guid.TryParse(scope, out var orderId))
        {
            return UnprocessableProblem.Create("scope",
                "A regional officer broadcasts within an emergency order: give its id as the scope.");
        }

        var order = await db.EmergencyOrders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return UnprocessableProblem.Create("scope", "No emergency order has this id.");
        }

        var caller = await CallerScope.ResolveAsync(user, db, cancellationToken);
        return await EmergencyOrderAccess.CoversOnlyVisibleAsync(order, caller, db, cancellationToken)
            ? null
            : TypedResults.Problem("The emergency order concerns organisations outside your territory.",
                statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.");
    }

    private static Actor ActorOf(ClaimsPrincipal user, string subject)
    {
        var audit = AuditActor.From(user);
        return new Actor(subject, audit.Roles, audit.OrganisationCode);
    }

    private static BroadcastSignalResponse Response(string name, string? scope, IReadOnlyList<CommandResult> reached) =>
        new(name, scope, reached.Count, [.. reached.Select(r => r.InstanceId)]);
}
