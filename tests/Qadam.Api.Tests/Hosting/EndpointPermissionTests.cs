using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Qadam.Api.Tests.Hosting;

/// <summary>
/// Every endpoint of the application names the permission it needs (an authorization policy) or says it is public
/// (AllowAnonymous): "authenticated" alone once let an integration client read health data (OWASP ASVS V4.1.1, V4.1.3).
/// </summary>
public sealed class EndpointPermissionTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    private static readonly string[] PublicRoutes =
    [
        "/connect/authorize", "/connect/token", "/connect/endsession", "/connect/userinfo", "/account/signin",
        "/account/sign-in.css", "/api/organisations/", "/health", "/openapi/{documentName}.json",
    ];

    [Fact]
    public void Every_endpoint_names_a_policy_or_is_explicitly_public()
    {
        _ = api.Server;
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count > 40, $"only {endpoints.Count} endpoints found");

        var unnamed = new List<string>();
        var anonymous = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern.RawText ?? endpoint.DisplayName ?? "?";
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                anonymous.Add(route);
                continue;
            }

            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Where(a => !string.IsNullOrEmpty(a.Policy)).ToList();
            if (policies.Count == 0)
            {
                unnamed.Add($"{endpoint.DisplayName} ({route})");
            }
        }

        Assert.True(unnamed.Count == 0, "endpoints without a named policy:\n" + string.Join('\n', unnamed));
        // Public endpoints are few and known: anything else that is anonymous is a mistake.
        Assert.All(anonymous, route => Assert.True(
            PublicRoutes.Any(p => route.StartsWith(p, StringComparison.Ordinal)) || route.StartsWith("/scalar", StringComparison.Ordinal),
            $"{route} is anonymous"));
    }
}
