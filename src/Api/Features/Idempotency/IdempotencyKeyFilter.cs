using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qadam.Api.Features.Idempotency;

/// <summary>Marks an endpoint that honours the Idempotency-Key header (the endpoint test finds them by it).</summary>
public sealed class HonoursIdempotencyKey;

/// <summary>
/// On an endpoint that honours Idempotency-Key: the same key with the same body goes on to the endpoint (which replays
/// the first result); the same key with a different body is refused with 422 naming the key
/// (draft-ietf-httpapi-idempotency-key-header section 2.6), instead of silently answering the first result. The key's
/// fingerprint is kept only when the first request succeeded, so a refused request may be corrected and sent again with
/// its key.
/// </summary>
internal sealed class IdempotencyKeyFilter(QadamDbContext db, TimeProvider time) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";

    private const string SeenItem = "qadam.idempotency-key-seen";

    /// <summary>
    /// Whether this request's key was used before by the caller on this endpoint with the same body (a replay, or a retry
    /// racing the first request): only then need a handler look for the first request's result.
    /// </summary>
    public static bool SeenBefore(HttpContext http) => http.Items.ContainsKey(SeenItem);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        var subject = http.User.FindFirst(Claims.Subject)?.Value;
        if (key.Length is 0 or > 100 || subject is null)
        {
            // No key, or one the endpoint refuses itself for its length.
            return await next(context);
        }

        var target = $"{http.Request.Method} {http.Request.Path}";
        if (target.Length > 300)
        {
            return await next(context);
        }

        var fingerprint = Fingerprint(context.Arguments);
        var cancellationToken = http.RequestAborted;
        // The key's record is written in the transaction the endpoint's command then joins (CommandTransaction): it commits
        // with the command's change or not at all, with no commit of its own (one round trip and one WAL flush less per
        // command), and a retry racing the first request waits on the key's unique index until that request has committed
        // or rolled back, then replays it or runs as the first. The connection stays with the request's context, so the
        // pool resets it once per command (bench/Http/README.md, "Session 11").
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO qadam.idempotency_keys (subject, target, key, fingerprint, created_at)
            VALUES ({subject}, {target}, {key}, {fingerprint}, {time.GetUtcNow()})
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        if (inserted == 0)
        {
            http.Items[SeenItem] = true;
            var first = await db.Set<IdempotencyRecord>().AsNoTracking()
                .Where(r => r.Subject == subject && r.Target == target && r.Key == key)
                .Select(r => r.Fingerprint).SingleOrDefaultAsync(cancellationToken);
            if (first is not null && !first.AsSpan().SequenceEqual(fingerprint))
            {
                return UnprocessableProblem.Create(Header,
                    $"The Idempotency-Key '{key}' was already used for a different request; use a new key for a new request.");
            }
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await EndAsync(succeeded: false, inserted > 0, subject, target, key);
            throw;
        }

        await EndAsync(StatusOf(result) is >= 200 and < 300, inserted > 0, subject, target, key);
        return result;
    }

    /// <summary>
    /// After the endpoint: a transaction its command did not end (the endpoint answered before it, or replayed the first
    /// result) is committed on success and rolled back otherwise; a key the command committed with a failure is forgotten,
    /// so a refused request may be corrected and sent again with its key.
    /// </summary>
    private async Task EndAsync(bool succeeded, bool keyed, string subject, string target, string key)
    {
        // Not the request's token: a cancelled request must not leave its key behind.
        if (db.Database.CurrentTransaction is { } open)
        {
            if (succeeded)
            {
                await open.CommitAsync(CancellationToken.None);
            }
            else
            {
                await open.RollbackAsync(CancellationToken.None);
            }
        }
        else if (!succeeded && keyed)
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""DELETE FROM qadam.idempotency_keys WHERE subject = {subject} AND target = {target} AND key = {key}""",
                CancellationToken.None);
        }
    }

    /// <summary>The body the endpoint bound (its request record), serialised: a retry's whitespace or order does not count.</summary>
    private static byte[] Fingerprint(IList<object?> arguments)
    {
        var bodies = arguments.Where(a => a is not null && a.GetType().Namespace?.StartsWith("Qadam.Api.Features", StringComparison.Ordinal) == true
                                                        && a.GetType().Name.EndsWith("Request", StringComparison.Ordinal))
            .Select(a => JsonSerializer.SerializeToNode(a, a!.GetType(), JsonSerializerOptions.Web)).ToList();
        return SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(bodies, JsonSerializerOptions.Web));
    }

    private static int? StatusOf(object? result) => result switch
    {
        INestedHttpResult nested => StatusOf(nested.Result),
        IStatusCodeHttpResult status => status.StatusCode ?? StatusCodes.Status200OK,
        _ => null,
    };
}

internal static class IdempotencyKeyEndpoints
{
    /// <summary>The endpoint honours Idempotency-Key: a reused key with a different body is 422 naming the key.</summary>
    public static RouteHandlerBuilder WithIdempotencyKey(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<IdempotencyKeyFilter>().WithMetadata(new HonoursIdempotencyKey());
}
