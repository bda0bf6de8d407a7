using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using OpenIddict.Abstractions;
using OpenIddict.Validation;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace Qadam.Api.Features.Identity;

/// <summary>
/// The claims of access tokens whose signature IdentityModel has verified, kept by the SHA-256 of the token for a few
/// minutes and never past the token's own expiry, so a client sending the same token again is not verified again (RS256
/// with a 3072-bit key, and the JWT parsed into a principal: bench/Http/README.md). Only that one step is skipped: OpenIddict
/// hands over a principal already attached (<c>ValidateIdentityModelToken</c>: "If a principal was already attached, don't
/// overwrite it"), and every later check still runs on each request on a copy of it: the token type, the expiry, the
/// audience, and the sign-out check (<see cref="SignedOutAccessTokens"/>). A token differing by one character hashes
/// elsewhere and is verified in full. Bounded in count, so a flood of distinct tokens costs a fixed amount of memory.
/// </summary>
public sealed class VerifiedAccessTokens : IDisposable
{
    /// <summary>How long a verified token's claims are kept at most (the tokens live 30 minutes).</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(5);

    /// <summary>How many tokens are kept at most (a principal is a few kilobytes).</summary>
    public const int MaxTokens = 20_000;

    private const string FromCache = "qadam:verified-access-token";

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaxTokens });
    private readonly TimeProvider time;

    public VerifiedAccessTokens(TimeProvider time) => this.time = time;

    /// <summary>Before IdentityModel: attaches a copy of the claims this token had when it was verified, if kept.</summary>
    public static OpenIddictValidationHandlerDescriptor Restore { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseSingletonHandler<RestoreHandler>()
            .SetOrder(OpenIddictValidationHandlers.Protection.ValidateIdentityModelToken.Descriptor.Order - 1)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    /// <summary>Right after IdentityModel verified a token (before OpenIddict adds its own claims): keeps a copy of its claims.</summary>
    public static OpenIddictValidationHandlerDescriptor Keep { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseSingletonHandler<KeepHandler>()
            .SetOrder(OpenIddictValidationHandlers.Protection.ValidateIdentityModelToken.Descriptor.Order + 1)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    /// <summary>How many verified tokens are kept now.</summary>
    internal int Count => cache.Count;

    /// <summary>The kept claims of <paramref name="token"/> as type=value lines (empty when not kept), for tests.</summary>
    internal List<string> ClaimsOf(string token) =>
        cache.TryGetValue(KeyOf(token), out ClaimsPrincipal? kept) && kept is not null
            ? [.. kept.Claims.Select(c => $"{c.Type}={c.Value}")]
            : [];

    public void Dispose() => cache.Dispose();

    /// <summary>
    /// The access token's type as OpenIddict 6 and later name it internally (RFC 8693 section 3), the short hint before them.
    /// </summary>
    private const string AccessTokenType = "urn:ietf:params:oauth:token-type:access_token";

    private static bool IsAccessToken(ValidateTokenContext context) =>
        !context.IsReferenceToken && !string.IsNullOrEmpty(context.Token) && context.ValidTokenTypes.Count > 0
        && context.ValidTokenTypes.All(type => type is AccessTokenType or TokenTypeHints.AccessToken);

    /// <summary>
    /// A copy sharing no identity with <paramref name="principal"/>: <see cref="ClaimsPrincipal.Clone"/> keeps the same
    /// <see cref="ClaimsIdentity"/> objects, and OpenIddict's later handlers change the request's identity (scopes
    /// normalised), so two requests with the same token at once changed one kept identity under each other (HTTP benchmark,
    /// 2026-12-07: "Collection was modified" in NormalizeScopeClaims, a 500) and a request's changes would reach the next.
    /// </summary>
    private static ClaimsPrincipal DeepCopy(ClaimsPrincipal principal) => new(principal.Identities.Select(identity => identity.Clone()));

    private static string KeyOf(string token) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    internal sealed class RestoreHandler(VerifiedAccessTokens tokens) : IOpenIddictValidationHandler<ValidateTokenContext>
    {
        public ValueTask HandleAsync(ValidateTokenContext context)
        {
            if (context.Principal is null && IsAccessToken(context)
                && tokens.cache.TryGetValue(KeyOf(context.Token!), out ClaimsPrincipal? kept) && kept is not null)
            {
                context.Principal = DeepCopy(kept);
                context.Transaction.Properties[FromCache] = true;
            }

            return default;
        }
    }

    internal sealed class KeepHandler(VerifiedAccessTokens tokens) : IOpenIddictValidationHandler<ValidateTokenContext>
    {
        public ValueTask HandleAsync(ValidateTokenContext context)
        {
            if (context.IsRejected || context.Principal is null || !IsAccessToken(context)
                || context.Transaction.Properties.ContainsKey(FromCache))
            {
                return default;
            }

            // Never kept past the token's expiry ("exp", seconds since the epoch); a token without one is not kept.
            if (!long.TryParse(context.Principal.GetClaim(Claims.ExpiresAt), System.Globalization.NumberStyles.Integer,
                    System.Globalization.CultureInfo.InvariantCulture, out var seconds))
            {
                return default;
            }

            var expires = DateTimeOffset.FromUnixTimeSeconds(seconds);
            var until = tokens.time.GetUtcNow() + KeepFor;
            var entry = new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = expires < until ? expires : until };
            tokens.cache.Set(KeyOf(context.Token!), DeepCopy(context.Principal), entry);
            return default;
        }
    }
}
