using Microsoft.AspNetCore.Http.HttpResults;
using Qadam.Api.Features.Definitions;
using Qadam.Api.Features.Students;
using Qadam.Api.Hosting;
using Qadam.Identifiers;
using Qadam.Workflows.Execution;

namespace Qadam.Api.Features.Cases;

/// <summary>What the filing form offers for a pathway: its grounds on the day, or none when the ground is free text.</summary>
public sealed record CaseGroundsResponse(string Pathway, DateOnly On, bool Enumerated, IReadOnlyList<CaseGround> Grounds);

/// <summary><c>GET /api/cases/grounds?pathway=…&amp;on=…</c>: the grounds of para 3 a case of the pathway may be filed on.</summary>
internal static class ListCaseGrounds
{
    public static async Task<Results<Ok<CaseGroundsResponse>, ProblemHttpResult>> HandleAsync(
        ProcessEngine engine, TimeProvider time, CancellationToken cancellationToken, string? pathway = null, DateOnly? on = null)
    {
        if (pathway is null || !DefinitionKeys.Pattern().IsMatch(pathway))
        {
            return UnprocessableProblem.Create("pathway", "A pathway is a definition key, e.g. \"parent-application\".");
        }

        var day = on ?? KazakhstanClock.Today(time);
        var grounds = await CaseGrounds.OfAsync(engine, pathway, day, cancellationToken);
        return TypedResults.Ok(new CaseGroundsResponse(pathway, day, grounds is not null, grounds ?? []));
    }
}
