using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qadam.Api.Features.Identity;

/// <summary>
/// <c>GET/POST /connect/endsession</c> (OpenID Connect RP-Initiated Logout 1.0, checked by OpenIddict before this runs):
/// on a shared school computer signing out must end the session for real, so it revokes every refresh token and
/// authorization of the user, changes the security stamp (any copy of the cookie and every access token already issued
/// stop working) and deletes the cookie, then returns to the client's registered post-logout address.
/// </summary>
internal static class EndSession
{
    public static async Task<IResult> HandleAsync(
        HttpContext http, UserManager<QadamUser> users, IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations,
        SessionStamps sessions, CancellationToken cancellationToken)
    {
        var session = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var hint = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var subject = session.Principal?.FindFirstValue(Claims.Subject) ?? hint.Principal?.GetClaim(Claims.Subject);
        if (subject is not null && await users.FindByIdAsync(subject) is { } user)
        {
            await tokens.RevokeBySubjectAsync(subject, cancellationToken);
            await authorizations.RevokeBySubjectAsync(subject, cancellationToken);
            await users.UpdateSecurityStampAsync(user);
            // The access tokens already issued carry the old stamp's digest: refused from the next request on.
            sessions.Forget(subject);
        }

        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        return TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
