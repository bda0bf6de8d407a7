using Qadam.Api.Features.Idempotency;
using Qadam.Api.Features.Identity;
using Qadam.Api.Hosting;

namespace Qadam.Api.Features.Cases;

/// <summary>Maps <c>/api/cases</c>.</summary>
internal static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/cases").WithTags("Cases");
        group.MapPost("/", FileCase.HandleAsync).WithIdempotencyKey().RequireAuthorization(QadamPolicies.FileCases)
            .WithSummary("Files a case: binds it to the pathway's version in force on the filing date and starts its process.")
            .WithDescription("""
                Clerks, heads and regional officers, for students they see; tvet-online is the college's own case, filed by its
                staff with programmeCode and programmeName and no studentIin. Example body:
                {"pathway":"parent-application","studentIin":"150101500013","ground":"parent",
                "filedOn":"2026-11-20","language":"kk","data":{"reason":"health"}}. Optional header Idempotency-Key: a replay
                answers with the case the first request filed. 201 with the case; 422 naming studentIin, programmeCode, programmeName, filedOn, pathway or ground
                (a pathway of para 3 takes a ground code of its edition: GET /api/cases/grounds).
                """)
            .WithRequestExample("""{"pathway":"parent-application","studentIin":"150101500013","ground":"parent","filedOn":"2026-11-20","language":"kk","data":{"reason":"health"}}""")
            .WithResponseExample(201, """{"id":"019ab5d2-7c1e-7a30-9d0e-5f4c3b2a1908","number":"s1-2026-00017","pathway":"parent-application","definitionVersion":2,"status":"inProgress","studentIin":"150101500013","studentName":"Ахметов Нұрсұлтан","organisation":"s1","ground":"parent","filedOn":"2026-11-20","language":"kk","applicant":"clerk.s1","processInstanceId":"019ab5d2-7c20-7f11-8a42-0c5d6e7f8091","createdAt":"2026-11-20T05:12:00+00:00","updatedAt":"2026-11-20T05:12:00+00:00"}""")
            .WithResponseExample(422, """{"title":"One or more fields are not acceptable.","status":422,"detail":"filedOn: No version of 'parent-application' is in force on 2023-01-10: the pathway starts later.","errors":{"filedOn":["No version of 'parent-application' is in force on 2023-01-10: the pathway starts later."]}}""", "application/problem+json");
        group.MapGet("/grounds", ListCaseGrounds.HandleAsync).RequireAuthorization(QadamPolicies.FileCases)
            .WithSummary("The grounds of para 3 of the edition a case of the pathway may be filed on (code, paragraph, kk/ru labels).")
            .WithDescription("Example: /api/cases/grounds?pathway=parent-application&on=2026-11-20. enumerated=false: the pathway's ground is free text.")
            .WithResponseExample(200, """{"pathway":"parent-application","on":"2026-11-20","enumerated":true,"grounds":[{"code":"parent","paragraph":"п. 3 пп. 5)","labelKk":"Ата-аналарының немесе өзге де заңды өкілдерінің өтініші","labelRu":"Заявление родителей или иных законных представителей"}]}""");
        group.MapGet("/filing-forms", ListFilingForms.HandleAsync).RequireAuthorization(QadamPolicies.FileCases)
            .WithSummary("The pathways the caller may file on a day (default today), each with the version in force and its filing form.")
            .WithDescription("""
                form is a form-js schema (labels "kk / ru") whose field keys are the members of POST /api/cases: studentIin (the
                students the caller may file the pathway for) or, for tvet-online (offered to a college's staff only),
                programmeCode and programmeName, ground (the edition's codes, or free text), filedOn (within
                properties.min and properties.max) and language. Pathways started by their own endpoints are not listed.
                """)
            .WithResponseExample(200, """[{"key":"parent-application","version":2,"nameKk":"Ата-аналардың өтініші бойынша қашықтан оқыту","nameRu":"Дистанционное обучение по заявлению родителей","form":{"type":"default","id":"file-case-parent-application","schemaVersion":16,"components":[{"id":"Field_studentIin","key":"studentIin","type":"select","label":"Білім алушы / Обучающийся","validate":{"required":true},"values":[{"label":"Ахметов Нұрсұлтан, 1А (s1)","value":"150101500013"}]},{"id":"Field_ground","key":"ground","type":"select","label":"Негіздеме / Основание","validate":{"required":true},"values":[{"label":"Ата-аналарының өтініші / Заявление родителей (п. 3 пп. 5))","value":"parent"}]}]}}]""");
        group.MapGet("/", ListCases.HandleAsync).RequireAuthorization(QadamPolicies.ReadCases)
            .WithSummary("Lists the cases the caller may see, newest first (filters: status, pathway, organisation, filed from/to, student IIN; paged).")
            .WithDescription("Example: /api/cases?status=inProgress&pathway=parent-application&from=2026-09-01&page=1&pageSize=50")
            .WithResponseExample(200, """{"page":1,"pageSize":50,"total":1,"items":[{"id":"019ab5d2-7c1e-7a30-9d0e-5f4c3b2a1908","number":"s1-2026-00017","pathway":"parent-application","definitionVersion":2,"status":"inProgress","studentIin":"150101500013","studentName":"Ахметов Нұрсұлтан","organisation":"s1","ground":"parent","filedOn":"2026-11-20","language":"kk","applicant":"clerk.s1","processInstanceId":"019ab5d2-7c20-7f11-8a42-0c5d6e7f8091","createdAt":"2026-11-20T05:12:00+00:00","updatedAt":"2026-11-20T05:12:00+00:00"}]}""");
        group.MapGet("/{id:guid}", GetCase.HandleAsync).RequireAuthorization(QadamPolicies.ReadCases)
            .WithSummary("One case: current steps with legal basis and kk/ru labels, timeline, tasks, deadlines, decisions, definition version.")
            .WithDescription("404 when the case does not exist or the caller may not read it.")
            .WithResponseExample(200, """{"case":{"id":"019ab5d2-7c1e-7a30-9d0e-5f4c3b2a1908","number":"s1-2026-00017","pathway":"parent-application","definitionVersion":2,"status":"inProgress","studentIin":"150101500013","studentName":"Ахметов Нұрсұлтан","organisation":"s1","ground":"parent","filedOn":"2026-11-20","language":"kk","applicant":"clerk.s1","processInstanceId":"019ab5d2-7c20-7f11-8a42-0c5d6e7f8091","createdAt":"2026-11-20T05:12:00+00:00","updatedAt":"2026-11-20T05:12:00+00:00"},"definition":{"key":"parent-application","version":2,"name":"Заявление родителя","effectiveFrom":"2025-09-01","legalBasis":{"act":"Приказ МП РК от 27.11.2023 № 349","edition":"2025-103","paragraph":"Прил. 2"}},"currentSteps":[{"elementId":"psychologist","kind":"userTask","name":"Psychologist","labelKk":"Психологтың қорытындысы","labelRu":"Заключение психолога","legalBasis":{"act":"Приказ МП РК от 27.11.2023 № 349","edition":"2025-103","paragraph":"Прил. 2, п. 5"},"taskId":"019ab5d2-7c21-7b00-9e00-111111111111","candidateRoles":["psychologist"],"organisation":"s1","dueAt":"2026-11-23T05:12:00+00:00"}],"timeline":[{"at":"2026-11-20T05:12:00+00:00","event":"started","elementId":null,"labelKk":null,"labelRu":null,"actor":"clerk.s1","definitionVersion":2}],"tasks":[],"deadlines":[{"elementId":"psychologist","labelKk":"Психологтың қорытындысы","labelRu":"Заключение психолога","dueAt":"2026-11-23T05:12:00+00:00","overdue":false}],"decisions":[],"data":{"reason":"health"}}""");
        group.MapGet("/{id:guid}/audit", GetCaseAudit.HandleAsync).RequireAuthorization(QadamPolicies.ReadCases)
            .WithSummary("The case's audit events in chain order, for those who may read the case.")
            .WithResponseExample(200, """[{"sequence":42,"occurredAt":"2026-11-20T05:12:00.123456+00:00","actor":"clerk.s1","role":"clerk","organisationCode":"s1","action":"case.filed","processKey":"parent-application","processVersion":2,"legalBasis":"Приказ МП РК от 27.11.2023 № 349, 2025-103, Прил. 2","payloadDigest":"5d41…","previousHash":"a3f0…","hash":"77c2…"}]""");
        return routes;
    }
}
