using OpenIddict.Abstractions;
using OpenIddict.Validation;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace Qadam.Api.Features.Identity;

/// <summary>
/// Runs after OpenIddict has checked an access token's signature, lifetime and audience: a user's token issued before the
/// user signed out (its session digest is not the current one, <see cref="SessionStamps"/>) is refused as
/// <c>invalid_token</c> (RFC 6750 3.1). Client-credentials tokens name no user session and pass.
/// </summary>
internal sealed class SignedOutAccessTokens(SessionStamps sessions) : IOpenIddictValidationHandler<ProcessAuthenticationContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .UseSingletonHandler<SignedOutAccessTokens>()
            .SetOrder(OpenIddictValidationHandlers.ValidateAccessToken.Descriptor.Order + 500)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        var principal = context.AccessTokenPrincipal;
        var digest = principal?.GetClaim(QadamClaims.Session);
        var subject = principal?.GetClaim(Claims.Subject);
        if (digest is null || subject is null)
        {
            return;
        }

        if (!await sessions.IsCurrentAsync(subject, digest, context.CancellationToken))
        {
            context.Reject(Errors.InvalidToken, "The access token ended with a sign-out.");
        }
    }
}
