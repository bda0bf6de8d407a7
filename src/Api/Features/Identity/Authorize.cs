using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Qadam.Api.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qadam.Api.Features.Identity;

/// <summary>
/// <c>GET /connect/authorize</c> (authorization code + PKCE, checked by OpenIddict before this runs):
/// sends a caller without a session to the sign-in page and back, then issues the code. Qadam's clients
/// are its own front-end, so consent is implicit.
/// </summary>
internal static class Authorize
{
    public static async Task<IResult> HandleAsync(
        HttpContext http, UserManager<QadamUser> users, SignInManager<QadamUser> signIn, QadamDbContext db, CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest()
                      ?? throw new InvalidOperationException("The OpenIddict server request is missing.");
        var session = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal!) : null;

        if (user is null || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return TypedResults.Forbid(
                    new AuthenticationProperties(new Dictionary<string, string?>
                    {
                        [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.LoginRequired,
                        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The user is not signed in.",
                    }),
                    [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }

            if (user is not null)
            {
                await signIn.SignOutAsync();
            }

            // Come back to the same request, without prompt=login so the second visit issues the code.
            var parameters = http.Request.HasFormContentType
                ? http.Request.Form.Where(p => p.Key != Parameters.Prompt).ToList()
                : http.Request.Query.Where(p => p.Key != Parameters.Prompt).ToList();
            var returnUrl = http.Request.PathBase + http.Request.Path + QueryString.Create(parameters);
            var language = SignInPage.LanguageFrom(request.UiLocales);
            return TypedResults.Redirect($"{SignIn.Path}?returnUrl={Uri.EscapeDataString(returnUrl)}&lang={language}");
        }

        if (!await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
        {
            await signIn.SignOutAsync();
            return TypedResults.Redirect(UriHelper.BuildRelative(http.Request.PathBase, http.Request.Path, http.Request.QueryString));
        }

        var principal = await TokenPrincipals.ForUserAsync(user, users, db, request.GetScopes(), cancellationToken);
        return TypedResults.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
