using Qadam.Api.Features.Identity;
using Qadam.Api.Hosting;

namespace Qadam.Api.Features.Parents;

/// <summary>Maps <c>/api/parents/me</c>.</summary>
internal static class ParentsApi
{
    public static IEndpointRouteBuilder MapParentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/parents/me").WithTags("Parents").RequireAuthorization(QadamPolicies.Parent);
        group.MapGet("/children", ListChildren.HandleAsync).WithSummary("The children linked to the calling parent.");
        group.MapPost("/children", LinkChild.HandleAsync)
            .WithSummary("Links a child by IIN, e.g. {\"iin\":\"061211600012\"}, when the child's roster names the caller's IIN as a parent's.");
        group.MapGet("/cases", ListChildCases.HandleAsync).ReadsFromReplica()
            .WithSummary("Each linked child's cases with status, the next step and its deadline; Accept-Language: kk (default) or ru.")
            .WithResponseExample(200, """[{"iin":"190101500017","fullName":"Ахметов Нұрсұлтан","organisation":"s1","cases":[{"id":"019ab5d2-7c1e-7a30-9d0e-5f4c3b2a1908","number":"s1-2026-00017","pathway":"parent-application","status":"inProgress","filedOn":"2026-11-20","nextSteps":[{"label":"Психологтың қорытындысы","dueAt":"2026-11-23T05:12:00+00:00"}]}]}]""")
            .WithDescription("Example answer: [{\"iin\":\"190101500017\",\"fullName\":\"Ахметов Нұрсұлтан\",\"organisation\":\"s1\",\"cases\":[{\"number\":\"s1-2026-00001\",\"status\":\"inProgress\",\"nextSteps\":[{\"label\":\"Психологтың қорытындысы\",\"dueAt\":\"2026-11-25T10:00:00+00:00\"}]}]}]");
        group.MapGet("/notifications", ListNotifications.HandleAsync).ReadsFromReplica()
            .WithSummary("Notices about the caller's children from their cases' decisions and from emergency orders and weather decisions, newest first; Accept-Language: kk (default) or ru.")
            .WithResponseExample(200, """[{"kind":"transfer","studentIin":"190101500017","studentName":"Ахметов Нұрсұлтан","text":"Приказ: Акимат города Астаны, № ЧС-17. Ахметов Нұрсұлтан переведён(а) на дистанционное обучение с 21.11.2026 по 27.11.2026.","createdAt":"2026-11-20T04:00:05+00:00","caseId":null,"legalBasis":null,"direction":"distance","from":"2026-11-21","to":"2026-11-27"},{"kind":"case","studentIin":"190101500017","studentName":"Ахметов Нұрсұлтан","text":"Ахметов Нұрсұлтан: Уведомление родителя о решении","createdAt":"2026-11-18T09:30:00+00:00","caseId":"019ab5d2-7c1e-7a30-9d0e-5f4c3b2a1908","legalBasis":"Приказ № 349 в ред. № 103, прил. 1, п. 3 пп. 5)","direction":null,"from":null,"to":null}]""");
        return routes;
    }
}
