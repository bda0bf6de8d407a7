using Qadam.Api.Features.Idempotency;
using Qadam.Api.Features.Identity;
using Qadam.Api.Hosting;

namespace Qadam.Api.Features.Tasks;

/// <summary>Maps <c>/api/tasks</c>.</summary>
internal static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/tasks").WithTags("Tasks");
        // Everyone who follows cases reads an inbox: a student, a parent or an auditor gets an empty one, not a 403 (no task
        // names their role); only those who work tasks open, claim or complete one.
        group.MapGet("/", ListTasks.HandleAsync).RequireAuthorization(QadamPolicies.ReadCases).ReadsOnly()
            .WithSummary("The caller's inbox: open tasks for the caller's roles in the caller's organisations, by due date.")
            .WithDescription("Filters: caseId, element (BPMN id), dueBefore (ISO date-time); paged. Example: /api/tasks?dueBefore=2026-12-01T00:00:00Z")
            .WithResponseExample(200, """{"page":1,"pageSize":50,"total":1,"items":[{"id":"019ab5d2-7c21-7b00-9e00-111111111111","caseId":"019ab5d2-7c1e-7a30-9d0e-5f4c3b2a1908","caseNumber":"s1-2026-00017","definitionKey":"parent-application","definitionVersion":2,"elementId":"psychologist","name":"Psychologist","labelKk":"Психологтың қорытындысы","labelRu":"Заключение психолога","candidateRoles":["psychologist"],"organisation":"s1","formKey":"psychologist-conclusion","legalBasis":{"act":"Приказ МП РК от 27.11.2023 № 349","edition":"2025-103","paragraph":"Прил. 2, п. 5"},"status":"open","assignee":null,"createdAt":"2026-11-20T05:12:00+00:00","dueAt":"2026-11-23T05:12:00+00:00"}]}""");
        group.MapGet("/{id:guid}", GetTask.HandleAsync).RequireAuthorization(QadamPolicies.WorkTasks)
            .WithSummary("One task, with its form (form-js schema) when one is known; 404 outside the caller's organisations.")
            .WithResponseExample(200, """{"task":{"id":"019ab5d2-7c21-7b00-9e00-111111111111","caseId":"019ab5d2-7c1e-7a30-9d0e-5f4c3b2a1908","caseNumber":"s1-2026-00017","definitionKey":"parent-application","definitionVersion":2,"elementId":"psychologist","name":"Psychologist","labelKk":"Психологтың қорытындысы","labelRu":"Заключение психолога","candidateRoles":["psychologist"],"organisation":"s1","formKey":"psychologist-conclusion","legalBasis":{"act":"Приказ МП РК от 27.11.2023 № 349","edition":"2025-103","paragraph":"Прил. 2, п. 5"},"status":"open","assignee":null,"createdAt":"2026-11-20T05:12:00+00:00","dueAt":"2026-11-23T05:12:00+00:00"},"callerIsCandidate":true,"form":{"id":"psychologist-conclusion","components":[{"key":"recommendation","type":"select","validate":{"required":true},"values":[{"label":"Дистанционно","value":"distance"}]}]},"formFields":["recommendation","conclusion"],"documents":[]}""");
        group.MapPost("/{id:guid}/claim", ClaimTask.HandleAsync).RequireAuthorization(QadamPolicies.WorkTasks)
            .WithSummary("Claims a task for the caller: 403 without a candidate role, 409 when someone else holds it or it is done.")
            .WithResponseExample(200, """{"id":"019ab5d2-7c21-7b00-9e00-111111111111","caseId":"019ab5d2-7c1e-7a30-9d0e-5f4c3b2a1908","caseNumber":"s1-2026-00017","definitionKey":"parent-application","definitionVersion":2,"elementId":"psychologist","name":"Psychologist","labelKk":"Психологтың қорытындысы","labelRu":"Заключение психолога","candidateRoles":["psychologist"],"organisation":"s1","formKey":"psychologist-conclusion","legalBasis":{"act":"Приказ МП РК от 27.11.2023 № 349","edition":"2025-103","paragraph":"Прил. 2, п. 5"},"status":"claimed","assignee":"psychologist.s1","createdAt":"2026-11-20T05:12:00+00:00","dueAt":"2026-11-23T05:12:00+00:00"}""")
            .WithResponseExample(409, """{"title":"The command conflicts with the current state.","status":409,"detail":"Task 019ab5d2-7c21-7b00-9e00-111111111111 is claimed by 019ab4c0-0000-7000-8000-000000000001."}""", "application/problem+json");
        group.MapPost("/{id:guid}/complete", CompleteUserTask.HandleAsync).RequireAuthorization(QadamPolicies.WorkTasks).WithIdempotencyKey()
            .WithSummary("Completes a task with form data, validated against the task's form; the process runs on to its next wait.")
            .WithDescription("""
                Body example: {"data":{"recommendation":"distance","conclusion":"Рекомендовано"}}. Header Idempotency-Key: a replay
                returns the first result, the same key with other data is 422 naming the key. 403 without a candidate role; 409 when already completed; 422 with errors keyed by field
                ("data.recommendation") when the data does not fit the form.
                """)
            .WithRequestExample("""{"data":{"recommendation":"distance","conclusion":"Рекомендовано дистанционное обучение"}}""")
            .WithResponseExample(200, """{"taskId":"019ab5d2-7c21-7b00-9e00-111111111111","caseId":"019ab5d2-7c1e-7a30-9d0e-5f4c3b2a1908","caseStatus":"inProgress","instanceStatus":"active","waitingAt":["head"],"openedTasks":["019ab5d3-0000-7000-8000-222222222222"]}""")
            .WithResponseExample(409, """{"title":"The command conflicts with the current state.","status":409,"detail":"Task 019ab5d2-7c21-7b00-9e00-111111111111 is completed, not open."}""", "application/problem+json")
            .WithResponseExample(422, """{"title":"The data does not fit the form 'psychologist-conclusion'.","status":422,"detail":"data.recommendation: Must be one of: \"distance\", \"inPerson\".","errors":{"data.recommendation":["Must be one of: \"distance\", \"inPerson\"."]}}""", "application/problem+json");
        return routes;
    }
}
