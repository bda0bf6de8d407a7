using Qadam.Api.Features.Idempotency;
using Qadam.Api.Features.Identity;
using Qadam.Api.Hosting;

namespace Qadam.Api.Features.Weather;

/// <summary>Maps <c>/api/weather-decisions</c>.</summary>
internal static class WeatherApi
{
    public static IEndpointRouteBuilder MapWeatherApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/weather-decisions", StartWeatherDecision.HandleAsync).WithIdempotencyKey().WithTags("Emergency orders")
            .RequireAuthorization(QadamPolicies.PostEmergencyOrders)
            .WithSummary("Opens the day's unfavourable-weather decision (pathway 'weather') for the caller's region or district.")
            .WithDescription("""
                The officer then enters the forecast or observed values in the task 'enterWeather'; each school's own approved
                indicator table (its district's, else its city's or oblast's: order 103 para 12(1); named in the answer with its
                approval and school year) proposes the grades per shift; each school concerned gets its order (kk and ru) and the head's task, due
                by 07:00 for the first shift and 12:00 for the others. Body: {"language":"kk"} (or "ru", the language of
                the parents' notices). Idempotency-Key header: a retry returns the first decision (another body with the
                key: 422). 422 names the field: language, organisation (the caller is not a region's or district's
                officer), or pathway when no version of 'weather' is in force.
                """)
            .WithRequestExample("""{"language":"ru"}""")
            .WithResponseExample(201, """{"instanceId":"019ab5d5-0001-7000-8000-555555555555","definitionVersion":1,"organisation":"r1","schools":[{"organisation":"s1","nameKk":"№ 1 мектеп-лицей","nameRu":"Школа-лицей № 1","shifts":[1,2],"indicatorTable":"weather-indicators-r1","indicatorsApproval":"Показатели неблагоприятных погодных условий управления образования г. Астаны (пример региона)","indicatorsSchoolYear":"2025/2026"}]}""")
            .WithResponseExample(422, """{"title":"One or more fields are not acceptable.","status":422,"detail":"organisation: A weather decision is taken by a region's or a district's education authority.","errors":{"organisation":["A weather decision is taken by a region's or a district's education authority."]}}""", "application/problem+json");
        routes.MapGet("/api/weather-decisions/{id:guid}", GetWeatherDecision.HandleAsync).WithTags("Emergency orders")
            .RequireAuthorization(QadamPolicies.ReadCaseWork)
            .WithSummary("The day's weather decision school by school: the table applied, its proposal, the order against its window, parents reached.")
            .WithDescription("""
                For the officer of the territory that opened it (and the bodies above): the observed values, and per school the
                indicator table that applied (named by the territory that approved it, order 103 para 12(1)), what it proposed,
                the order's state against the window (not-yet, ordered with the time, late when the window closed without it
                and the officer was asked to act: para 15), the students moved and the parents the transfer reached (para 14),
                the notification system approved for the school (notificationTable, para 12(2)) and each notification the school
                recorded: its channel of para 13 (tv-radio, website, social-messengers, class-teachers) in kk and ru, its time, who
                recorded it, and whether the school's system names it.
                403 for another territory's staff; 404 for an unknown id.
                """);
        return routes;
    }
}
