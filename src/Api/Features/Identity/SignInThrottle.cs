using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Qadam.Api.Features.Identity;

/// <summary>
/// Guessing passwords is slowed where it costs the guesser, never the account's owner (OWASP ASVS 4.0.3 V2.2.1; NIST
/// SP 800-63B 5.2.2): the sign-in form is rate-limited per client address (ASP.NET Core's rate limiter); wrong passwords
/// are counted per address and per account. Ten wrong passwords from one address within 15 minutes stop that address;
/// ten against one account from anywhere delay each further answer about that account instead of locking it, so nobody
/// can lock a colleague out by typing wrong passwords in their name.
/// </summary>
internal sealed class SignInThrottle : IDisposable
{
    /// <summary>The rate-limiter policy of the sign-in form's POST.</summary>
    public const string Policy = "sign-in";

    public const int FailuresPerWindow = 10;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan AccountDelay = TimeSpan.FromSeconds(2);

    private readonly PartitionedRateLimiter<string> _failuresByAddress = Failures();
    private readonly PartitionedRateLimiter<string> _failuresByAccount = Failures();

    /// <summary>True while the address may still try (no permit is taken: only failures count).</summary>
    public bool AddressMayTry(HttpContext http)
    {
        using var lease = _failuresByAddress.AttemptAcquire(AddressOf(http), 0);
        return lease.IsAcquired;
    }

    /// <summary>Counts a wrong password (or an unknown user name) against the address and the account.</summary>
    public void CountFailure(HttpContext http, string? userName)
    {
        _failuresByAddress.AttemptAcquire(AddressOf(http)).Dispose();
        _failuresByAccount.AttemptAcquire(AccountOf(userName)).Dispose();
    }

    /// <summary>Waits before answering about an account that many wrong passwords were tried against lately.</summary>
    public async Task DelayIfAccountIsUnderAttackAsync(string? userName, CancellationToken cancellationToken)
    {
        using var lease = _failuresByAccount.AttemptAcquire(AccountOf(userName), 0);
        if (!lease.IsAcquired)
        {
            await Task.Delay(AccountDelay, cancellationToken);
        }
    }

    public void Dispose()
    {
        _failuresByAddress.Dispose();
        _failuresByAccount.Dispose();
    }

    /// <summary>The client address a request came from (the proxy's, unless forwarded headers are configured for it).</summary>
    public static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? IPAddress.None.ToString();

    /// <summary>Registers the per-address limit on the sign-in form: a school behind one address still signs its staff in.</summary>
    public static void AddPolicy(RateLimiterOptions options) =>
        options.AddPolicy(Policy, http => RateLimitPartition.GetSlidingWindowLimiter(AddressOf(http), _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = 60,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        }));

    private static string AccountOf(string? userName) => (userName ?? string.Empty).Trim().ToUpperInvariant();

    private static PartitionedRateLimiter<string> Failures() =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = FailuresPerWindow,
            Window = Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
