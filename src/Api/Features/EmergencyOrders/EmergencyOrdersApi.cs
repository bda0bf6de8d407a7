using Qadam.Api.Features.Identity;
using Qadam.Api.Features.MassTransfers;
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
                A regional department's system (client credentials) or a regional officer. "issuingBody" is the organisation
                code of the issuing education department of an oblast or of Astana, Almaty, Shymkent (order 349 para 5, order 103
                para 22): a district office or free text is 422 on issuingBody, a department the caller does not act for 403.
                Example body: {"issuingBody":"r1","number":"ЧС-17","date":"2026-11-20","territory":"d1",
                "period":{"from":"2026-11-21","to":"2026-11-27"},"ground":"Морозы ниже -30 °C"}; or "organisations":["s1","s2"]
                instead of "territory", optionally with "classes":{"s1":["5А","5Б"]} to move only those classes or groups there.
                Idempotent by issuing body and number: a repeat answers 200 with the first order.
                422 names the field: organisations outside the territory, classes.<code> not in the roster or the order,
                period, dates, or "pathway" when no emergency-transfer version is in force.
                """)
            .WithRequestExample("""{"issuingBody":"r1","number":"ЧС-17","date":"2026-11-20","organisations":["s1"],"classes":{"s1":["5А","5Б","9В"]},"period":{"from":"2026-11-21","to":"2026-11-27"},"ground":"Карантин"}""")
            .WithResponseExample(201, """{"id":"019ab5d5-0000-7000-8000-444444444444","issuingBody":"r1","issuer":{"code":"r1","nameKk":"Астана қаласының білім басқармасы","nameRu":"Управление образования города Астаны"},"number":"ЧС-17","date":"2026-11-20","territory":"d1","organisations":["s1","s2"],"classes":null,"period":{"from":"2026-11-21","to":"2026-11-27"},"ground":"Морозы ниже -30 °C","pathway":"emergency-transfer","definitionVersion":1,"processInstanceId":"019ab5d5-0001-7000-8000-555555555555","postedBy":"region-r1-integration","postedAt":"2026-11-20T04:00:00+00:00"}""")
            .WithResponseExample(422, """{"title":"One or more fields are not acceptable.","status":422,"detail":"organisations: Not schools or colleges within your territory: s9.","errors":{"organisations":["Not schools or colleges within your territory: s9."]}}""", "application/problem+json");
        group.MapPost("/{id:guid}/lifting", LiftEmergencyOrder.HandleAsync).RequireAuthorization(QadamPolicies.PostEmergencyOrders)
            .WithSummary("Lifts an emergency order before its period ends: every school's students return at once.")
            .WithDescription("""
                The education department's order that ends the emergency order early (number, date). The signal
                emergency-order-lifted, scoped to the order, reaches each school's instance whatever step it has reached.
                404 for an order outside the caller's territory; 422 names the field; 409 when the order no longer applies.
                """)
            .WithRequestExample("""{"number":"ЧС-17/1","date":"2026-11-24"}""")
            .WithResponseExample(200, """{"orderId":"019ab5d5-0000-7000-8000-444444444444","number":"ЧС-17/1","date":"2026-11-24","instances":["019ab5d5-0001-7000-8000-555555555555"],"liftedBy":"regional.r1","liftedAt":"2026-11-24T04:00:00+00:00"}""");
        group.MapGet("/", ListEmergencyOrders.HandleAsync).RequireAuthorization(QadamPolicies.ReadEmergencyOrders)
            .WithSummary("Lists the emergency orders that concern an organisation within the caller's scope, newest first.")
            .WithDescription("At most `limit` (default 100, up to 500) orders; each names its pathway, version and process instance.")
            .WithResponseExample(200, """[{"id":"019ab5d5-0000-7000-8000-444444444444","issuingBody":"r1","issuer":{"code":"r1","nameKk":"Астана қаласының білім басқармасы","nameRu":"Управление образования города Астаны"},"number":"ЧС-17","date":"2026-11-20","territory":"d1","organisations":["s1","s2"],"classes":null,"period":{"from":"2026-11-21","to":"2026-11-27"},"ground":"Морозы ниже -30 °C","pathway":"emergency-transfer","definitionVersion":1,"processInstanceId":"019ab5d5-0001-7000-8000-555555555555","postedBy":"region-r1-integration","postedAt":"2026-11-20T04:00:00+00:00"}]""");
        routes.MapGet("/api/mass-transfers", GetMassTransfers.HandleAsync).WithTags("Emergency orders").RequireAuthorization(QadamPolicies.ReadEmergencyOrders)
            .WithSummary("Shows the mass transfers of an emergency order (?order=) or a process instance (?instance=) with their progress.")
            .WithDescription("""
                Progress moves while the step runs: each school is counted when its chunk commits. `status` is running, completed,
                or failed when the step became an incident (an operator retries it; it resumes where it stopped). Schools outside
                the caller's scope are left out. 422 unless exactly one of order and instance is given.
                """)
            .WithResponseExample(200, """[{"id":"019ab5d5-0002-7000-8000-666666666666","orderId":"019ab5d5-0000-7000-8000-444444444444","instanceId":"019ab5d5-0001-7000-8000-555555555555","elementId":"transferStudents","direction":"distance","status":"running","total":1200,"done":700,"startedAt":"2026-11-20T04:00:01+00:00","finishedAt":null,"schools":[{"organisation":"s1","nameKk":"№ 1 мектеп","nameRu":"Школа № 1","total":700,"done":700,"status":"completed"},{"organisation":"s2","nameKk":"№ 2 мектеп","nameRu":"Школа № 2","total":500,"done":0,"status":"running"}]}]""")
            .WithResponseExample(422, """{"title":"One or more fields are not acceptable.","status":422,"detail":"order: Give exactly one of 'order' (an emergency order's id) or 'instance' (a process instance's id).","errors":{"order":["Give exactly one of 'order' (an emergency order's id) or 'instance' (a process instance's id)."]}}""", "application/problem+json");
        return routes;
    }
}
