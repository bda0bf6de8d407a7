using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Qadam.Api.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qadam.Api.Features.Identity;

/// <summary>
/// <c>GET/POST /connect/userinfo</c> (OpenID Connect Core 1.0 section 5.3; OpenIddict has validated the access token):
/// the signed-in user's claims as the granted scopes allow: <c>sub</c> always, the names and the organisation with
/// <c>profile</c>, the roles with <c>roles</c>. Read from the database, so a renamed user or a changed role shows at once.
/// </summary>
internal static class UserInfo
{
    public static async Task<IResult> HandleAsync(HttpContext http, UserManager<QadamUser> users, QadamDbContext db, CancellationToken cancellationToken)
    {
        var principal = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var subject = principal?.GetClaim(Claims.Subject);
        var user = subject is null ? null : await users.FindByIdAsync(subject);
        if (principal is null || user is null)
        {
            return TypedResults.Challenge(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The access token names no user.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var claims = new Dictionary<string, object?>(StringComparer.Ordinal) { [Claims.Subject] = user.Id.ToString() };
        if (principal.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = user.UserName;
            claims[Claims.PreferredUsername] = user.UserName;
            claims["display_name"] = user.DisplayName;
            if (user.OrganisationId is { } organisationId)
            {
                claims[QadamClaims.Organisation] = organisationId.ToString();
                claims[QadamClaims.OrganisationCode] = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Code)
                    .SingleOrDefaultAsync(cancellationToken);
            }
        }

        if (principal.HasScope(Scopes.Roles))
        {
            claims[Claims.Role] = await users.GetRolesAsync(user);
        }

        return TypedResults.Ok(claims);
    }
}
