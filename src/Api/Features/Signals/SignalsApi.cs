using Qadam.Api.Features.Idempotency;
using Qadam.Api.Features.Identity;
using Qadam.Api.Hosting;

namespace Qadam.Api.Features.Signals;

/// <summary>Maps <c>/api/signals</c>.</summary>
internal static class SignalsApi
{
    public static IEndpointRouteBuilder MapSignalsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/signals", BroadcastSignalEndpoint.HandleAsync).WithIdempotencyKey().WithTags("Signals").RequireAuthorization(QadamPolicies.BroadcastSignals)
            .WithSummary("Broadcasts a BPMN signal to every waiting subscription of its name, each exactly once, in one command.")
            .WithDescription("""
                An administrator broadcasts any signal, with or without a scope; a regional officer only with the id of an emergency
                order of the officer's territory as the scope (403 otherwise, 422 without one). With a scope only the waits subscribed
                in it (their qadam:correlationKey), and those listening in none, hear it. Audited. Send an Idempotency-Key header to
                make a retry safe: a repeat answers the first broadcast; the same key with another body is 422 naming the key.
                """)
            .WithRequestExample("""{"name":"emergency-lifted","scope":"019ab5d5-0000-7000-8000-444444444444"}""")
            .WithResponseExample(200, """{"name":"emergency-lifted","scope":"019ab5d5-0000-7000-8000-444444444444","reached":1,"instances":["019ab5d5-0001-7000-8000-555555555555"]}""")
            .WithResponseExample(422, """{"title":"One or more fields are not acceptable.","status":422,"detail":"scope: A regional officer broadcasts within an emergency order: give its id as the scope.","errors":{"scope":["A regional officer broadcasts within an emergency order: give its id as the scope."]}}""", "application/problem+json");
        return routes;
    }
}
