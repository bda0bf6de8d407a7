using Qadam.Api.Features.Identity;
using Qadam.Api.Hosting;

namespace Qadam.Api.Features.EmergencyOrders;

/// <summary>Maps <c>/api/emergency-orders</c>.</summary>
internal static class EmergencyOrdersApi
{
    public static IEndpointRouteBuilder MapEmergencyOrdersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/emergency-orders").WithTags("Emergency orders");
        group.MapPost("/", PostEmergencyOrder.HandleAsync).RequireAuthorization(QadamPolicies.PostEmergencyOrders)
            .WithSummary("Receives an emergency order and starts the mass-transfer pathway (emergency-transfer) for it.")
            .WithDescription("""
                A regional department's system (client credentials) or a regional officer. Example body:
                {"issuingBody":"Акимат города Астаны","number":"ЧС-17","date":"2026-11-20","territory":"d1",
                "period":{"from":"2026-11-21","to":"2026-11-27"},"ground":"Морозы ниже -30 °C"}; or "organisations":["s1","s2"]
                instead of "territory". Idempotent by issuing body and number: a repeat answers 200 with the first order.
                422 names the field: organisations outside the caller's territory, period, dates, or "pathway" when no
                emergency-transfer version is in force.
                """)
            .WithRequestExample("""{"issuingBody":"Акимат города Астаны","number":"ЧС-17","date":"2026-11-20","territory":"d1","period":{"from":"2026-11-21","to":"2026-11-27"},"ground":"Морозы ниже -30 °C"}""")
            .WithResponseExample(201, """{"id":"019ab5d5-0000-7000-8000-444444444444","issuingBody":"Акимат города Астаны","number":"ЧС-17","date":"2026-11-20","territory":"d1","organisations":["s1","s2"],"period":{"from":"2026-11-21","to":"2026-11-27"},"ground":"Морозы ниже -30 °C","pathway":"emergency-transfer","definitionVersion":1,"processInstanceId":"019ab5d5-0001-7000-8000-555555555555","postedBy":"region-r1-integration","postedAt":"2026-11-20T04:00:00+00:00"}""")
            .WithResponseExample(422, """{"title":"One or more fields are not acceptable.","status":422,"detail":"organisations: Not schools or colleges within your territory: s9.","errors":{"organisations":["Not schools or colleges within your territory: s9."]}}""", "application/problem+json");
        return routes;
    }
}
