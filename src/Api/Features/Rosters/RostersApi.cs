using Qadam.Api.Features.Identity;

namespace Qadam.Api.Features.Rosters;

/// <summary>Maps <c>/api/rosters</c>.</summary>
internal static class RostersApi
{
    public static IEndpointRouteBuilder MapRostersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/rosters").WithTags("Rosters");
        group.MapPost("/import", ImportRoster.HandleAsync)
            .RequireAuthorization(QadamPolicies.ImportRosters)
            // Bearer tokens are not sent by a browser on its own, so a cross-site form cannot post here.
            .DisableAntiforgery()
            .WithFormOptions(multipartBodyLengthLimit: 64L * 1024 * 1024)
            .WithSummary("Imports a roster CSV (NOBD export shape); all rows or none, with a per-row report.")
            .WithDescription("""
                Multipart form with the field `file`: UTF-8 CSV, `;` or `,` separated, header row
                `iin;full_name;birth_date;organisation;class;shift;level;parent_iin;parent_name;parent_phone`, e.g.
                `061211600012;Ахметова Айгерім;11.12.2006;s1;11А;1;general_secondary;900615300011;Ахметов Нұрлан;+77011234567`.
                Re-running upserts by IIN. `?dryRun=true` validates and reports without writing.
                422 lists every row error under `errors` as `rows[LINE].COLUMN`, with the full report under `report`.
                """);
        return routes;
    }
}
