using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;

namespace Qadam.Api.Features.Identity;

/// <summary>
/// The demo users (README, "Demo users": 43 accounts with the published password <c>demo</c>) carry a marker claim.
/// With the Demo profile on they are marked and may sign in; with it off they are locked for good and their sessions
/// end (a new security stamp), so a database that once ran the demo keeps no account anyone can guess.
/// </summary>
internal static partial class DemoAccounts
{
    /// <summary>The user claim that marks an account as seeded by the Demo profile.</summary>
    public const string MarkerClaim = "qadam_demo_account";

    /// <summary>
    /// Marks and unlocks the demo users while the profile is on; locks them while it is off. Accounts of a database seeded
    /// before the marker existed are recognised by a demo user name whose password is still the demo password.
    /// </summary>
    public static async Task ApplyProfileAsync(IServiceProvider services, QadamOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<QadamDbContext>();
        var demoNames = DemoData.Users().Select(u => u.UserName).ToList();
        var marked = (await db.UserClaims.Where(c => c.ClaimType == MarkerClaim).Select(c => c.UserId).ToListAsync(cancellationToken)).ToHashSet();
        var candidates = await db.Users.Where(u => marked.Contains(u.Id) || demoNames.Contains(u.UserName!)).ToListAsync(cancellationToken);
        var hasher = services.GetRequiredService<IPasswordHasher<QadamUser>>();
        var demoPassword = string.IsNullOrEmpty(options.DemoPassword) ? DemoData.DefaultPassword : options.DemoPassword;
        var verified = new Dictionary<string, bool>(StringComparer.Ordinal);

        var demoUsers = new List<QadamUser>();
        foreach (var user in candidates)
        {
            if (marked.Contains(user.Id) || options.Demo)
            {
                demoUsers.Add(user);
                continue;
            }

            // Unmarked, profile off: a demo name alone is not enough (an operator may have made a real "clerk.s1").
            // Every seeded demo user shares one hash, so this costs one verification, not 43.
            var hash = user.PasswordHash ?? string.Empty;
            if (!verified.TryGetValue(hash, out var isDemoPassword))
            {
                isDemoPassword = hash.Length > 0
                                 && hasher.VerifyHashedPassword(user, hash, demoPassword) != PasswordVerificationResult.Failed;
                verified[hash] = isDemoPassword;
            }

            if (isDemoPassword)
            {
                demoUsers.Add(user);
            }
        }

        foreach (var user in demoUsers.Where(u => !marked.Contains(u.Id)))
        {
            db.UserClaims.Add(new IdentityUserClaim<Guid> { UserId = user.Id, ClaimType = MarkerClaim, ClaimValue = "true" });
        }

        var changed = 0;
        foreach (var user in demoUsers)
        {
            if (options.Demo && user.LockoutEnd == DateTimeOffset.MaxValue)
            {
                user.LockoutEnd = null;
                changed++;
            }
            else if (!options.Demo && user.LockoutEnd != DateTimeOffset.MaxValue)
            {
                user.LockoutEnabled = true;
                user.LockoutEnd = DateTimeOffset.MaxValue;
                // A new stamp ends the cookie sessions the account had (Identity re-validates the stamp).
                user.SecurityStamp = Guid.NewGuid().ToString("N");
                changed++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (!options.Demo && changed > 0)
        {
            LogLocked(logger, changed);
        }
    }

    /// <summary>The demo users that could still sign in now.</summary>
    public static Task<int> CountUnlockedAsync(QadamDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Users.CountAsync(u => db.UserClaims.Any(c => c.UserId == u.Id && c.ClaimType == MarkerClaim)
                                 && (u.LockoutEnd == null || u.LockoutEnd < now), cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The Demo profile is off: locked {Count} demo accounts (password 'demo' is published in the README)")]
    private static partial void LogLocked(ILogger logger, int count);
}
