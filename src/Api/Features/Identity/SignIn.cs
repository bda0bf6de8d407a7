using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Qadam.Api.Features.Identity;

/// <summary>The fields of the sign-in form.</summary>
public sealed class SignInForm
{
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }

    public string? Lang { get; set; }
}

/// <summary>
/// <c>GET/POST /account/signin</c>: the server-rendered sign-in page that the authorize endpoint sends people to,
/// in Kazakh or Russian. It signs into the Identity cookie and returns only to the authorize endpoint,
/// so it cannot be used as an open redirect.
/// </summary>
internal static class SignIn
{
    public const string Path = "/account/signin";

    public static IResult Show(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? lang)
    {
        var language = SignInPage.LanguageFrom(lang);
        if (!IsAuthorizeUrl(returnUrl))
        {
            return SignInPage.Render(antiforgery.GetAndStoreTokens(http), language, returnUrl: null, userName: null, SignInPage.Message.NoReturnUrl);
        }

        return SignInPage.Render(antiforgery.GetAndStoreTokens(http), language, returnUrl, userName: null, SignInPage.Message.None);
    }

    public static async Task<IResult> SubmitAsync(
        HttpContext http, IAntiforgery antiforgery, [FromForm] SignInForm form, UserManager<QadamUser> users, SignInManager<QadamUser> signIn,
        IPasswordHasher<QadamUser> hasher, SignInThrottle throttle)
    {
        var language = SignInPage.LanguageFrom(form.Lang);
        if (!IsAuthorizeUrl(form.ReturnUrl))
        {
            return SignInPage.Render(antiforgery.GetAndStoreTokens(http), language, null, form.UserName, SignInPage.Message.NoReturnUrl);
        }

        if (!throttle.AddressMayTry(http))
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = ((int)SignInThrottle.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return SignInPage.Render(antiforgery.GetAndStoreTokens(http), language, form.ReturnUrl, form.UserName, SignInPage.Message.Throttled);
        }

        await throttle.DelayIfAccountIsUnderAttackAsync(form.UserName, http.RequestAborted);
        var user = await PasswordCheck.VerifyAsync(users, signIn, hasher, form.UserName, form.Password);
        if (user is null)
        {
            // One message for an unknown name, a wrong password and a locked account.
            throttle.CountFailure(http, form.UserName);
            return SignInPage.Render(antiforgery.GetAndStoreTokens(http), language, form.ReturnUrl, form.UserName, SignInPage.Message.WrongPassword);
        }

        await signIn.SignInAsync(user, isPersistent: false);
        return TypedResults.LocalRedirect(form.ReturnUrl!);
    }

    private static bool IsAuthorizeUrl(string? returnUrl) =>
        returnUrl is not null
        && returnUrl.StartsWith(IdentityApi.AuthorizePath + "?", StringComparison.Ordinal)
        && !returnUrl.Contains('\\', StringComparison.Ordinal);
}
