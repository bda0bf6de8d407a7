using Qadam.Api.Features.Identity;

namespace Qadam.Api.Features.Audit;

/// <summary>Maps <c>/api/audit</c>.</summary>
internal static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/audit").WithTags("Audit");
        group.MapGet("/verify", VerifyAudit.HandleAsync)
            .RequireAuthorization(QadamPolicies.VerifyAudit)
            .WithSummary("Recomputes the hash chain of the audit trail and names the first broken link.")
            .WithDescription("Auditors and administrators only. Example answer: {\"intact\":false,\"eventsChecked\":41,"
                + "\"firstBrokenSequence\":42,\"problem\":\"Its stored hash does not match its columns ...\"}");
        return routes;
    }
}
