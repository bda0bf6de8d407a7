using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace Qadam.Api.Hosting;

/// <summary>
/// A refused request (403) answers an RFC 7807 problem that names the permission (the endpoint's authorization policy)
/// the caller lacks, so an operator granting roles knows which one is missing; 401s stay the bearer challenge.
/// </summary>
internal sealed class ForbiddenProblems(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden || context.GetEndpoint() is not { } endpoint)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var permissions = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(a => a.Policy).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var permission = permissions.Count == 0 ? "authenticated" : string.Join(", ", permissions);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "Forbidden.",
            Detail = $"This needs the permission '{permission}', which none of your roles grants.",
            Extensions = { ["permission"] = permission },
        };
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
