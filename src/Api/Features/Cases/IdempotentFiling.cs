using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;

namespace Qadam.Api.Features.Cases;

/// <summary>
/// A filing repeated with the same Idempotency-Key returns the case the first one made, but only when it is the same
/// filing (draft-ietf-httpapi-idempotency-key-header section 2.6: a key reused with a different payload is an error).
/// The case keeps every field of the request, so the first request is compared field by field, not by a stored hash.
/// </summary>
internal static class IdempotentFiling
{
    public static async Task<Results<Created<CaseResponse>, ProblemHttpResult>?> ReplayAsync(
        QadamDbContext db, string subject, string key, FileCaseRequest request, CancellationToken cancellationToken)
    {
        var first = await (from c in db.Cases.AsNoTracking()
                           join s in db.Students on c.StudentId equals s.Id
                           where c.ApplicantId == subject && c.IdempotencyKey == key
                           select new { c.Id, c.PathwayKey, s.Iin, c.Ground, c.FiledOn, c.Language, c.DataJson })
            .SingleOrDefaultAsync(cancellationToken);
        if (first is null)
        {
            return null;
        }

        var same = string.Equals(first.PathwayKey, request.Pathway, StringComparison.Ordinal)
                   && string.Equals(first.Iin, request.StudentIin?.Trim(), StringComparison.Ordinal)
                   && string.Equals(first.Ground, request.Ground?.Trim(), StringComparison.Ordinal)
                   && first.FiledOn == request.FiledOn
                   && string.Equals(first.Language, request.Language ?? "kk", StringComparison.Ordinal)
                   && JsonNode.DeepEquals(JsonNode.Parse(first.DataJson), request.Data ?? new JsonObject());
        if (!same)
        {
            return UnprocessableProblem.Create("Idempotency-Key",
                $"The Idempotency-Key '{key}' was already used for a different filing (case {first.Id}); use a new key for a new filing.");
        }

        var response = await CasesApi.Project(db, db.Cases.AsNoTracking().Where(c => c.Id == first.Id)).SingleAsync(cancellationToken);
        return TypedResults.Created($"/api/cases/{first.Id}", response);
    }
}
