using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.Tokens;
using Qadam.Api.Persistence;

namespace Qadam.Api.Features.Identity;

/// <summary>
/// Whether an access token belongs to the user's current session. Access tokens are self-contained JWTs checked without
/// the database (bench/Http: decrypting or looking up a token per request cost more than the request's work), so a
/// sign-out alone would leave them valid for their 30 minutes on a shared school computer. Each token carries a digest of
/// the user's security stamp (never the stamp: Identity derives one-time codes from it); a sign-out, a lock or a role change
/// changes the stamp. The current digest is cached per user for <see cref="CacheFor"/>: one primary-key read per user per
/// period, the node that signs the user out forgets it at once, other nodes within the period (OWASP ASVS 3.3.1).
/// </summary>
public sealed class SessionStamps(IMemoryCache cache, IServiceScopeFactory scopes)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public static string Digest(string securityStamp) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes("qadam-session:" + securityStamp)).AsSpan(0, 16).ToArray());

    public async ValueTask<bool> IsCurrentAsync(string subject, string digest, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(subject, out var id))
        {
            return false;
        }

        var current = await cache.GetOrCreateAsync(Key(subject), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
            var stamp = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.SecurityStamp)
                .SingleOrDefaultAsync(cancellationToken);
            return stamp is null ? string.Empty : Digest(stamp);
        });
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(current ?? string.Empty), Encoding.ASCII.GetBytes(digest));
    }

    /// <summary>The user signed out here: the next request with one of their tokens reads the new stamp.</summary>
    public void Forget(string subject) => cache.Remove(Key(subject));

    private static string Key(string subject) => "session-stamp:" + subject;
}
