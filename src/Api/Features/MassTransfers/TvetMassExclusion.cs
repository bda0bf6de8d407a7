using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Features.Students;
using Qadam.Api.Persistence;
using Qadam.Identifiers;
using Qadam.Workflows.Execution;

namespace Qadam.Api.Features.MassTransfers;

/// <summary>
/// Which colleges of a mass transfer's territory the edition keeps in class: order 349 Annex 2 para 3-1 (added by order 130
/// of 2024) and order 103 Annex 1 para 3 exclude TVET organisations that run medical, pharmaceutical or pedagogical
/// programmes from distance learning, and the emergency and weather grounds are grounds of that same para 3. The
/// exclusion table is read on the day of the decision (the prohibition in force when the order is carried out), as the
/// individual pathways read it with <c>qadam:tableDate="=today()"</c>. The 2023/24 exception of art. 37-2 para 2 of
/// the Law on education is a reasoned decision of the college's head: a mass order makes none, so it applies only where a
/// college's own instance records it (weather 2023, <c>exclusionException</c>; see <see cref="MassTransferActivity"/>).
/// </summary>
internal sealed class TvetMassExclusion(IServiceScopeFactory scopes, TimeProvider time)
{
    public const string TableKey = "tvet-programme-exclusion";

    public async Task<IReadOnlyList<OrganisationExclusion>> DecideAsync(IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        var colleges = await db.Organisations.AsNoTracking()
            .Where(o => codes.Contains(o.Code) && o.Kind == OrganisationKind.College)
            .Select(o => new { o.Code, o.Programmes })
            .ToListAsync(cancellationToken);
        if (colleges.Count == 0)
        {
            return [];
        }

        var engine = scope.ServiceProvider.GetRequiredService<ProcessEngine>();
        var day = KazakhstanClock.Today(time);
        var excluded = new List<OrganisationExclusion>();
        foreach (var college in colleges)
        {
            TableDecision? decision;
            try
            {
                decision = await engine.DecideTableAsync(TableKey, day, new JsonObject
                {
                    ["school"] = new JsonObject
                    {
                        ["organisation"] = college.Code,
                        ["programmes"] = new JsonArray([.. Organisation.ProgrammeCodes(college.Programmes).Select(p => (JsonNode)p)]),
                    },
                }, cancellationToken);
            }
            catch (NoVersionInForceException)
            {
                // No edition of the table is published for the day: nothing excludes anyone.
                continue;
            }

            if (decision?.Output is JsonObject output && output["excluded"]?.GetValue<bool>() == true)
            {
                excluded.Add(new OrganisationExclusion(college.Code,
                    output["reasonKk"]?.GetValue<string>() ?? string.Empty, output["reasonRu"]?.GetValue<string>() ?? string.Empty, decision.LegalBasis));
            }
        }

        return excluded;
    }
}
