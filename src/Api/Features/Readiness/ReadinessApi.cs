using Qadam.Api.Features.Identity;
using Qadam.Api.Hosting;

namespace Qadam.Api.Features.Readiness;

/// <summary>Maps <c>/api/readiness</c>: organisations' readiness for distance learning and the editions of its requirements.</summary>
internal static class ReadinessApi
{
    public static IEndpointRouteBuilder MapReadinessApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/readiness").WithTags("Readiness");
        group.MapGet("/", ListReadiness.HandleAsync).RequireAuthorization(QadamPolicies.ReadReadiness)
            .WithSummary("Lists the readiness of every school and college within the caller's scope against the edition in force.")
            .WithDescription("""
                Filters: `on` (a day, default today in Kazakhstan), `status` (ready, incomplete, outdated, none, noEdition), `district`
                (a district's code), `missing` (an item key such as `lms`), `reminder` (true: heads to remind before the school year).
                `missing` lists the requirements of the edition in force (349 Annex 1 para 1 / 103 Annex 3 para 1) not shown as met;
                `reasons` says why a record is out of date (earlierEdition, expired).
                """)
            .WithResponseExample(200, """[{"organisation":"s2","kind":"School","nameKk":"№ 2 жалпы білім беретін мектеп","nameRu":"Общеобразовательная школа № 2","district":"d1","on":"2026-12-06","status":"incomplete","meetsRequirements":false,"reasons":["itemsMissing"],"editionInForce":{"version":2,"edition":"2025","effectiveFrom":"2025-05-13","legalBasis":"Приказ Министра просвещения РК от 27.11.2023 № 349 в редакции приказа от 02.05.2025 № 103, приложение 3, п. 1","titleKk":"…","titleRu":"…"},"record":null,"missing":[{"key":"lms","paragraph":"приложение 3, п. 1, пп. 3)","textKk":"оқытуды басқару жүйесінің болуы","textRu":"наличие системы управления обучением"}],"reminder":null}]""");
        group.MapGet("/export", ExportReadiness.HandleAsync).RequireAuthorization(QadamPolicies.ReadReadiness)
            .WithSummary("Exports the overview as CSV or XLSX (`format=csv|xlsx`), with the same filters, titles in the caller's language.");
        group.MapGet("/organisations/{code}", GetOrganisationReadiness.HandleAsync).RequireAuthorization(QadamPolicies.ReadReadiness)
            .WithSummary("Shows one school's or college's readiness with the evidence its head attested; 404 outside the caller's scope.");
        group.MapPut("/organisations/{code}", AttestReadiness.HandleAsync).RequireAuthorization(QadamPolicies.AttestReadiness)
            .WithSummary("The head attests the organisation's readiness under the edition in force today, item by item with evidence.")
            .WithDescription("""
                Every requirement of the edition in force (the TVET item 7) only for colleges) with `met` and, when met, the evidence
                the edition names. 422 names the field (`items[2].evidence.lmsUrl`, `validUntil`), in Kazakh or Russian (Accept-Language).
                Each attestation is an audit event citing the edition's paragraph. Only the organisation's own head (403 otherwise).
                """)
            .WithRequestExample("""{"validUntil":"2027-08-31","items":[{"key":"lms","met":true,"evidence":{"lmsName":"Kundelik","lmsUrl":"https://kundelik.kz"}}]}""")
            .WithResponseExample(422, """{"title":"Некоторые поля не приняты.","status":422,"detail":"items[2].evidence.lmsUrl: Обязательно, если требование (приложение 3, п. 1, пп. 3)) отмечено выполненным.","errors":{"items[2].evidence.lmsUrl":["Обязательно, если требование (приложение 3, п. 1, пп. 3)) отмечено выполненным."]}}""", "application/problem+json");
        group.MapGet("/editions", ListReadinessEditions.HandleAsync).RequireAuthorization(QadamPolicies.ReadReadiness)
            .WithSummary("Lists the published editions of the requirements with their items in Kazakh and Russian.");
        group.MapGet("/editions/in-force", ListReadinessEditions.InForceAsync).RequireAuthorization(QadamPolicies.ReadReadiness)
            .WithSummary("The edition in force on `on` (default today); 404 when none is.");
        group.MapPost("/editions", PublishReadinessEdition.HandleAsync).RequireAuthorization(QadamPolicies.PublishReadiness)
            .WithSummary("The legal department publishes a new edition of the requirements, effective from its date.")
            .WithDescription("The body is the format of `workflows/readiness/*.json`. 422 names the field; a second edition on the same date is refused.");
        return routes;
    }
}
