using Qadam.Api.Features.Identity;
using Qadam.Api.Hosting;

namespace Qadam.Api.Features.Ballots;

/// <summary>Maps <c>/api/cases/{id}/ballots</c>.</summary>
internal static class BallotsApi
{
    public static IEndpointRouteBuilder MapBallotsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/cases/{id:guid}/ballots", ListBallots.HandleAsync).WithTags("Cases").RequireAuthorization(QadamPolicies.ReadCaseWork)
            .WithSummary("The tallies of a case's votes (council, trustees): yes, no, outstanding of N, and the result once closed.")
            .WithDescription("""
                Staff and auditors of the case's organisation. One entry per multi-instance user task of the case's process;
                "myTaskId" is the caller's own ballot, if any. A member's ballot says whether it was cast, not how. 404 for a
                case the caller may not read.
                """)
            .WithResponseExample(200, """[{"elementId":"councilVote","labelKk":"Педагогикалық кеңестің дауыс беруі","labelRu":"Голосование педагогического совета","total":5,"yes":3,"no":0,"outstanding":0,"closed":true,"outcome":"yes","myTaskId":"019ab5d2-0000-7000-8000-000000000001","myBallotCast":true,"ballots":[{"taskId":"019ab5d2-0000-7000-8000-000000000001","member":"council1.s1","status":"cast","castAt":"2026-11-20T06:10:00+00:00"},{"taskId":"019ab5d2-0000-7000-8000-000000000004","member":"council4.s1","status":"notCast","castAt":null}]}]""")
            .WithResponseExample(404, """{"title":"Not found.","status":404,"detail":"No case 019ab5d2-7c1e-7a30-9d0e-5f4c3b2a1908 among the cases you may read."}""", "application/problem+json");
        return routes;
    }
}
