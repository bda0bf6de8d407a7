using Qadam.Api.Features.Identity;
using Qadam.Api.Hosting;

namespace Qadam.Api.Features.Dashboard;

/// <summary>Maps <c>/api/dashboard</c>.</summary>
internal static class DashboardApi
{
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/dashboard", GetDashboard.HandleAsync).WithTags("Dashboard").RequireAuthorization(QadamPolicies.ReadCaseWork).ReadsFromReplica()
            .WithSummary("Figures for the caller's organisation and below: cases by pathway and status, overdue tasks, transfers by region.")
            .WithDescription("""
                Staff and auditors. Cases are counted by pathway and status; tasks are the engine's open ones, overdue when their
                due date has passed; transfers count, per region and per first day of the period, the emergency orders and the
                schools or colleges they moved to distance learning. Everything is scoped like the case list.
                """)
            .WithResponseExample(200, """{"generatedAt":"2026-11-24T06:00:00+00:00","cases":[{"pathway":"parent-application","status":"inProgress","count":12},{"pathway":"parent-application","status":"transferred","count":30}],"tasks":{"open":41,"overdue":3,"withDeadline":17},"overdueSteps":[{"definitionKey":"parent-application","elementId":"psychologistConclusion","labelKk":"Мектеп психологының қорытындысы","labelRu":"Заключение школьного психолога","count":2,"oldestDueAt":"2026-11-20T06:00:00+00:00"}],"transfers":[{"region":"r1","nameKk":"Астана қаласы","nameRu":"город Астана","date":"2026-11-21","orders":1,"organisations":3}]}""");
        routes.MapGet("/api/dashboard/remote", GetRemoteLearning.HandleAsync).WithTags("Dashboard").RequireAuthorization(QadamPolicies.ReadCaseWork).ReadsFromReplica()
            .WithSummary("Students of the caller's territory learning at a distance today, by district and school, and per day.")
            .WithDescription("""
                Filters: `district` (a district's code within the caller's territory, else 404), `pathway` (a pathway's key),
                `from` and `to` (the chart's days, at most 366; the last 28 days by default). Students are counted from the rows
                the mass transfers wrote and the cases standing transferred.
                """)
            .WithResponseExample(200, """{"today":"2026-12-07","from":"2026-11-10","to":"2026-12-07","district":null,"pathway":null,"students":35,"schools":2,"since":"2026-12-05","districts":[{"code":"d1","nameKk":"Есіл ауданы бойынша білім бөлімі","nameRu":"Отдел образования по району Есиль","students":35,"schools":2,"since":"2026-12-05","schoolList":[{"code":"s1","nameKk":"№ 1 мектеп-лицей","nameRu":"Школа-лицей № 1","students":20,"enrolled":20,"since":"2026-12-05"}]}],"days":[{"date":"2026-12-06","students":35},{"date":"2026-12-07","students":35}],"pathways":["emergency-transfer","weather"]}""");
        return routes;
    }
}
