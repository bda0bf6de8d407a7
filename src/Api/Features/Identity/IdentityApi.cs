namespace Qadam.Api.Features.Identity;

/// <summary>Maps the OpenID Connect endpoints that pass through to Qadam's code, the sign-in page and <c>/api/me</c>.</summary>
internal static class IdentityApi
{
    public const string AuthorizePath = "/connect/authorize";
    public const string TokenPath = "/connect/token";
    public const string EndSessionPath = "/connect/endsession";
    public const string UserInfoPath = "/connect/userinfo";

    public static IEndpointRouteBuilder MapIdentityApi(this IEndpointRouteBuilder routes)
    {
        // The OpenID Connect endpoints and the sign-in page are where a caller gets a token: public by design.
        var connect = routes.MapGroup(string.Empty).WithTags("Identity").ExcludeFromDescription().AllowAnonymous();
        connect.MapMethods(AuthorizePath, [HttpMethods.Get, HttpMethods.Post], Authorize.HandleAsync).DisableAntiforgery();
        connect.MapPost(TokenPath, Token.ExchangeAsync).DisableAntiforgery();
        connect.MapMethods(EndSessionPath, [HttpMethods.Get, HttpMethods.Post], EndSession.HandleAsync).DisableAntiforgery();
        connect.MapMethods(UserInfoPath, [HttpMethods.Get, HttpMethods.Post], UserInfo.HandleAsync).DisableAntiforgery();
        connect.MapGet(SignIn.Path, SignIn.Show);
        connect.MapGet(SignInStyles.Path, SignInStyles.Get).ExcludeFromDescription();
        connect.MapPost(SignIn.Path, SignIn.SubmitAsync).RequireRateLimiting(SignInThrottle.Policy);

        routes.MapGroup("/api/me").WithTags("Identity").RequireAuthorization(QadamPolicies.ReadSelf)
            .MapGet("/", Me.GetAsync)
            .WithSummary("The caller: user name, roles, organisation and the organisations the caller may see.");
        return routes;
    }
}
