using System.Text.Json;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qadam.Api.Features.Identity;

/// <summary>
/// <c>POST /connect/token</c> after OpenIddict has validated the client and the grant:
/// authorization code and refresh token (re-read the user, so a disabled account or a changed role
/// takes effect), client credentials (integrations), and the password grant in the Demo profile only.
/// </summary>
internal static class Token
{
    /// <summary>Property on an OpenIddict application naming the organisation code a confidential client acts for.</summary>
    public const string OrganisationProperty = "qadam_organisation";

    public static async Task<IResult> ExchangeAsync(
        HttpContext http,
        UserManager<QadamUser> users,
        SignInManager<QadamUser> signIn,
        IOpenIddictApplicationManager applications,
        QadamDbContext db,
        IOptions<QadamOptions> options,
        CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest()
                      ?? throw new InvalidOperationException("The OpenIddict server request is missing.");

        if (request.IsPasswordGrantType())
        {
            // The server only enables this grant in the Demo profile; this check keeps it off even if
            // a client were registered with the permission outside it (RFC 9700 §2.4: the grant must not be used).
            if (!options.Value.Demo)
            {
                return Refuse(Errors.UnsupportedGrantType, "The password grant exists only in the Demo profile.");
            }

            var throttle = http.RequestServices.GetRequiredService<SignInThrottle>();
            if (!throttle.AddressMayTry(http))
            {
                return Refuse(Errors.InvalidGrant, "Too many wrong passwords from this address; try again in 15 minutes.");
            }

            await throttle.DelayIfAccountIsUnderAttackAsync(request.Username, cancellationToken);
            var user = await PasswordCheck.VerifyAsync(
                users, signIn, http.RequestServices.GetRequiredService<IPasswordHasher<QadamUser>>(), request.Username, request.Password);
            if (user is null)
            {
                throttle.CountFailure(http, request.Username);
                return Refuse(Errors.InvalidGrant, "The user name or password is wrong.");
            }

            var principal = await TokenPrincipals.ForUserAsync(user, users, db, request.GetScopes(), cancellationToken);
            return TypedResults.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!, cancellationToken)
                              ?? throw new InvalidOperationException("OpenIddict validated a client that it cannot find.");
            var properties = await applications.GetPropertiesAsync(application, cancellationToken);
            Guid? organisationId = null;
            string? organisationCode = null;
            if (properties.TryGetValue(OrganisationProperty, out var value) && value.ValueKind == JsonValueKind.String)
            {
                organisationCode = value.GetString();
                organisationId = await db.Organisations.Where(o => o.Code == organisationCode)
                    .Select(o => (Guid?)o.Id).SingleOrDefaultAsync(cancellationToken);
            }

            var principal = TokenPrincipals.ForClient(
                request.ClientId!, await applications.GetDisplayNameAsync(application, cancellationToken), organisationId, organisationCode);
            return TypedResults.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var subject = result.Principal?.GetClaim(Claims.Subject);
            var user = subject is null ? null : await users.FindByIdAsync(subject);
            if (user is null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
            {
                return Refuse(Errors.InvalidGrant, "The user may no longer sign in.");
            }

            var principal = await TokenPrincipals.ForUserAsync(user, users, db, result.Principal!.GetScopes(), cancellationToken);
            return TypedResults.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Refuse(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static ForbidHttpResult Refuse(string error, string description) =>
        TypedResults.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
