using Qadam.Api.Features.Identity;
using Qadam.Api.Hosting;

namespace Qadam.Api.Features.DryRun;

/// <summary>Maps the dry run of a definition version, beside <c>/api/definitions</c>.</summary>
internal static class DryRunApi
{
    public static IEndpointRouteBuilder MapDryRunApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/definitions/{key}/versions/{version:int}/dry-run", DryRunDefinition.HandleAsync).WithTags("Definitions")
            .RequireAuthorization(QadamPolicies.EditDefinitions)
            .WithSummary("Steps a version (draft or published) through with sample data; nothing is stored.")
            .WithDescription("""
                Legal editors. Starts exactly that version with "variables", then completes, for each of "steps" in order, the
                open task of that element id with its "output" (a multi-instance task: the next open ballot). Everything runs
                in one database transaction that is always rolled back; the client re-sends all steps each time. Service
                tasks are reached but their activities do not run: the run moves past them (event "service-task-skipped").
                An engine error (a condition that throws, no flow taken, no such open task) is answered 200 with "error" and
                the path up to it. 404 when the version does not exist; 422 for malformed steps.
                """)
            .WithRequestExample("""{"variables":{"student":{"iin":"150101500017","fullName":"Айгерім Серікқызы","level":"Secondary","organisation":"s1"},"organisation":"s1","filedOn":"2026-11-20","council":{"members":[{"user":"u1","name":"council1.s1","organisation":"s1"}]}},"steps":[{"elementId":"exclusionCheck","output":{"departsAbroad":false}}]}""")
            .WithResponseExample(200, """{"path":[{"elementId":"start","event":"entered","labelKk":"Өтініш берілді","labelRu":"Заявление подано"},{"elementId":"exclusionCheck","event":"entered","labelKk":"Қазақстан Республикасынан тыс жерлерге кетуді тексеру","labelRu":"Проверка выезда за пределы Республики Казахстан"},{"elementId":"exclusionCheck","event":"task-completed","labelKk":"Қазақстан Республикасынан тыс жерлерге кетуді тексеру","labelRu":"Проверка выезда за пределы Республики Казахстан"},{"elementId":"renderPsychologistConclusion","event":"service-task-skipped","labelKk":"Психолог қорытындысын қалыптастыру","labelRu":"Формирование заключения психолога"}],"waiting":[{"elementId":"psychologistConclusion","labelKk":"Мектеп психологының қорытындысы","labelRu":"Заключение школьного психолога","formKey":"psychologist-conclusion","kind":"userTask"}],"ended":false,"error":null}""")
            .WithResponseExample(404, """{"title":"Not found.","status":404,"detail":"'parent-application' has no BPMN version 9."}""", "application/problem+json")
            .WithResponseExample(422, """{"title":"One or more fields are not acceptable.","status":422,"detail":"steps[0].elementId: The element id of the task to complete is required.","errors":{"steps[0].elementId":["The element id of the task to complete is required."]}}""", "application/problem+json");
        return routes;
    }
}
