using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using Qadam.Api.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qadam.Api.Features.Identity;

/// <summary>Builds the claims that go into Qadam's tokens, for a user or for a confidential client.</summary>
internal static class TokenPrincipals
{
    /// <summary>The audience of every access token: the API validates only tokens issued for it.</summary>
    public const string ApiAudience = "qadam-api";

    /// <summary>Scopes a client may ask for; anything else is dropped rather than granted.</summary>
    public static readonly ImmutableArray<string> KnownScopes = [Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess];

    public static async Task<ClaimsPrincipal> ForUserAsync(
        QadamUser user, UserManager<QadamUser> users, QadamDbContext db, IEnumerable<string> scopes, CancellationToken cancellationToken)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Name, user.UserName)
            .SetClaim(Claims.PreferredUsername, user.UserName)
            .SetClaim("display_name", user.DisplayName)
            .SetClaim(QadamClaims.Session, user.SecurityStamp is { } stamp ? SessionStamps.Digest(stamp) : null);
        identity.SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        if (user.OrganisationId is { } organisationId)
        {
            var code = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Code).SingleAsync(cancellationToken);
            identity.SetClaim(QadamClaims.Organisation, organisationId.ToString()).SetClaim(QadamClaims.OrganisationCode, code);
        }

        return Finish(identity, scopes);
    }

    public static ClaimsPrincipal ForClient(string clientId, string? displayName, Guid? organisationId, string? organisationCode)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, clientId)
            .SetClaim(Claims.Name, displayName ?? clientId)
            .SetClaim(Claims.Role, QadamRoles.Integration);
        if (organisationId is { } id)
        {
            identity.SetClaim(QadamClaims.Organisation, id.ToString()).SetClaim(QadamClaims.OrganisationCode, organisationCode);
        }

        return Finish(identity, []);
    }

    private static ClaimsIdentity NewIdentity() =>
        new(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);

    private static ClaimsPrincipal Finish(ClaimsIdentity identity, IEnumerable<string> scopes)
    {
        identity.SetScopes(scopes.Intersect(KnownScopes, StringComparer.Ordinal));
        identity.SetResources(ApiAudience);
        // Note: the API validates its own access tokens, so every claim goes there; the identity
        // token carries the same claims for the front-end, which shows the name, roles and school.
        // The session digest only serves the API's check; the front-end has no use for it.
        identity.SetDestinations(claim => claim.Type == QadamClaims.Session
            ? [Destinations.AccessToken]
            : [Destinations.AccessToken, Destinations.IdentityToken]);
        return new ClaimsPrincipal(identity);
    }
}
