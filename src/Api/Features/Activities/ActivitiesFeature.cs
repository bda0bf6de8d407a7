using Qadam.Api.Features.Notifications;
using Qadam.Workflows;
using Qadam.Workflows.Execution;

namespace Qadam.Api.Features.Activities;

/// <summary>Registers the service-task activities the pathways name (workflows/README.md), besides render-document.</summary>
internal static class ActivitiesFeature
{
    public static void AddQadamActivities(this IServiceCollection services)
    {
        services.AddProcessActivity<SetCaseStatusActivity>();
        services.AddProcessActivity<NotifyActivity>();
        services.AddProcessActivity<Qadam.Workflows.HigherEducation.PlanCapsActivity>();
        services.AddScoped<IOutboxHandler, CaseNoticeDelivery>();
    }
}
