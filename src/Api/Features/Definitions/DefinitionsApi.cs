using Qadam.Api.Features.Identity;
using Qadam.Api.Hosting;

namespace Qadam.Api.Features.Definitions;

/// <summary>Maps <c>/api/definitions</c>: the legal department's process definitions and their versions.</summary>
internal static class DefinitionsApi
{
    public static IEndpointRouteBuilder MapDefinitionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/definitions").WithTags("Definitions");
        group.MapGet("/", ListDefinitions.HandleAsync).RequireAuthorization(QadamPolicies.ReadDefinitions)
            .WithSummary("Lists definition keys with their versions, status, effective date and legal basis.")
            .WithDescription("""
                Staff and auditors. Example answer: [{"key":"parent-application","kind":"bpmn","versions":[{"key":"parent-application",
                "version":1,"kind":"bpmn","status":"published","name":"Заявление родителя","effectiveFrom":"2025-09-01",
                "legalBasis":{"act":"Приказ МП РК от 27.11.2023 № 349","edition":"2025-103","paragraph":"Прил. 2, п. 5"}, ...}]}]
                """)
            .WithResponseExample(200, """[{"key":"parent-application","kind":"bpmn","versions":[{"key":"parent-application","version":2,"kind":"bpmn","status":"published","name":"Заявление родителя","effectiveFrom":"2025-09-01","legalBasis":{"act":"Приказ МП РК от 27.11.2023 № 349","edition":"2025-103","paragraph":"Прил. 2"},"contentSha256":"9f2c…","createdAt":"2025-08-20T09:00:00+00:00","createdBy":"legal.r1","publishedAt":"2025-08-25T09:00:00+00:00","publishedBy":"legal.r1"}]}]""");
        group.MapGet("/{key}/versions/{version:int}", GetDefinitionVersion.HandleAsync).RequireAuthorization(QadamPolicies.ReadDefinitions)
            .WithSummary("One version of a definition with its content (BPMN XML or condition table JSON).")
            .WithDescription("Example: GET /api/definitions/parent-application/versions/1 → {\"version\":{...},\"content\":\"<?xml ...\"}; 404 when unknown.")
            .WithResponseExample(200, """{"version":{"key":"parent-application","version":2,"kind":"bpmn","status":"published","name":"Заявление родителя","effectiveFrom":"2025-09-01","legalBasis":{"act":"Приказ МП РК от 27.11.2023 № 349","edition":"2025-103","paragraph":"Прил. 2"},"contentSha256":"9f2c…","createdAt":"2025-08-20T09:00:00+00:00","createdBy":"legal.r1","publishedAt":"2025-08-25T09:00:00+00:00","publishedBy":"legal.r1"},"content":"<?xml version=\"1.0\" encoding=\"UTF-8\"?><bpmn:definitions …"}""");
        group.MapPost("/validate", ValidateDefinition.HandleAsync).RequireAuthorization(QadamPolicies.EditDefinitions)
            .WithSummary("Checks BPMN XML or a condition table and lists its problems, without storing anything.")
            .WithDescription("""
                Body: BPMN XML as application/xml, or JSON {"content":"...","kind":"bpmn"|"conditionTable"}.
                Example answer: {"valid":false,"problems":[{"elementId":"Gateway_1","message":"gateway without outgoing flow"}]}
                """)
            .WithRequestExample("""<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" …>""", "application/xml")
            .WithRequestExample("""{"content":"{\"hitPolicy\":\"first\",\"rules\":[{\"when\":\"age < 10\",\"output\":true}]}","kind":"conditionTable"}""")
            .WithResponseExample(200, """{"valid":false,"problems":[{"elementId":"Gateway_1","message":"the gateway has no outgoing sequence flow"}]}""");
        group.MapPost("/{key}/drafts", SaveDraft.HandleAsync).RequireAuthorization(QadamPolicies.EditDefinitions)
            .WithSummary("Saves a draft version of a key (replacing an existing draft); 422 lists every problem by element id.")
            .WithDescription("""
                Body: BPMN XML as application/xml, or JSON {"content":"<?xml ...","kind":"bpmn"} or {"content":"{\"hitPolicy\":\"first\",
                \"rules\":[...]}","kind":"conditionTable"}. 201 with the version; 422 problem+json with
                "errors":[{"elementId":"Task_1","message":"qadam:candidateRoles is missing"}]. Audited.
                """)
            .WithRequestExample("""<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:qadam="http://qadam.kz/schema/bpmn" …>""", "application/xml")
            .WithRequestExample("""{"content":"<?xml version=\"1.0\"?><bpmn:definitions …","kind":"bpmn"}""")
            .WithResponseExample(201, """{"key":"parent-application","version":3,"kind":"bpmn","status":"draft","name":"Заявление родителя","effectiveFrom":null,"legalBasis":null,"contentSha256":"4be1…","createdAt":"2026-11-20T09:00:00+00:00","createdBy":"legal.r1","publishedAt":null,"publishedBy":null}""")
            .WithResponseExample(422, """{"type":"https://tools.ietf.org/html/rfc4918#section-11.2","title":"The command cannot be applied.","status":422,"detail":"The definition is invalid: Gateway_1: the gateway has no outgoing sequence flow","errors":[{"elementId":"Gateway_1","message":"the gateway has no outgoing sequence flow"}]}""", "application/problem+json");
        group.MapPost("/{key}/versions/{version:int}/publish", PublishDefinition.HandleAsync).RequireAuthorization(QadamPolicies.EditDefinitions)
            .WithSummary("Publishes a draft from an effective date under a legal basis; new cases filed on or after that date bind to it.")
            .WithDescription("""
                Body example: {"effectiveFrom":"2025-09-01","legalBasis":{"act":"Приказ МП РК от 27.11.2023 № 349","edition":"2025-103",
                "paragraph":"Прил. 2"}}. 409 when the version is not a draft. Audited with the legal basis.
                """)
            .WithRequestExample("""{"effectiveFrom":"2025-09-01","legalBasis":{"act":"Приказ МП РК от 27.11.2023 № 349","edition":"2025-103","paragraph":"Прил. 2"}}""")
            .WithResponseExample(200, """{"key":"parent-application","version":2,"kind":"bpmn","status":"published","name":"Заявление родителя","effectiveFrom":"2025-09-01","legalBasis":{"act":"Приказ МП РК от 27.11.2023 № 349","edition":"2025-103","paragraph":"Прил. 2"},"contentSha256":"9f2c…","createdAt":"2025-08-20T09:00:00+00:00","createdBy":"legal.r1","publishedAt":"2025-08-25T09:00:00+00:00","publishedBy":"legal.r1"}""");
        group.MapGet("/{key}/versions/{version:int}/effective-date-correction", CorrectEffectiveDate.PreviewAsync)
            .RequireAuthorization(QadamPolicies.EditDefinitions)
            .WithSummary("Previews correcting a published version's effective date: the cases the new date would bind to another version.")
            .WithDescription("Legal department only. Example: GET /api/definitions/parent-application/versions/2/effective-date-correction?effectiveFrom=2025-05-20 → the cases filed between the old and the new date, each with the version it runs and the one the new date would choose. Nothing changes.")
            .WithResponseExample(200, """{"key":"parent-application","version":2,"currentEffectiveFrom":"2025-05-13","correctedEffectiveFrom":"2025-05-20","casesNotRebound":[{"caseId":"7d1c…","instanceId":"0b9e…","filedOn":"2025-05-15","status":"Active","boundVersion":2,"wouldBindVersion":1}],"corrected":null}""");
        group.MapPost("/{key}/versions/{version:int}/effective-date-correction", CorrectEffectiveDate.CorrectAsync)
            .RequireAuthorization(QadamPolicies.EditDefinitions)
            .WithSummary("Corrects a published version's effective date, audited with the old and new date and the reason; no case is rebound.")
            .WithDescription("""
                Legal department only. Body: {"effectiveFrom":"2025-05-20","reason":"Published on 09.05.2025 in the reference control bank (Adilet)"}.
                The answer lists the cases the new date would bind to another version: they keep theirs until migrated. 422 names the field
                (effectiveFrom, reason, version) in the caller's language. The same correction again changes and records nothing.
                """)
            .WithRequestExample("""{"effectiveFrom":"2025-05-20","reason":"Published on 09.05.2025 in the reference control bank (Adilet)"}""");
        group.MapPost("/{key}/versions/{version:int}/retire", RetireDefinition.HandleAsync).RequireAuthorization(QadamPolicies.EditDefinitions)
            .WithSummary("Retires a published version: no new case binds to it; running cases keep it. Audited.")
            .WithResponseExample(200, """{"key":"parent-application","version":2,"kind":"bpmn","status":"retired","name":"Заявление родителя","effectiveFrom":"2025-09-01","legalBasis":{"act":"Приказ МП РК от 27.11.2023 № 349","edition":"2025-103","paragraph":"Прил. 2"},"contentSha256":"9f2c…","createdAt":"2025-08-20T09:00:00+00:00","createdBy":"legal.r1","publishedAt":"2025-08-25T09:00:00+00:00","publishedBy":"legal.r1"}""");
        return routes;
    }
}
