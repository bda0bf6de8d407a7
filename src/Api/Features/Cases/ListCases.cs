using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Hosting;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Features.Students;
using Qadam.Api.Persistence;
using Qadam.Identifiers;

namespace Qadam.Api.Features.Cases;

/// <summary>A page of cases.</summary>
public sealed record CasePage(int Page, int PageSize, int Total, IReadOnlyList<CaseResponse> Items);

/// <summary>
/// <c>GET /api/cases</c>: search within the caller's scope (staff their organisation, a regional officer the region,
/// a parent their children, an auditor read-only over their scope). Filters narrow the scope, never widen it.
/// </summary>
internal static class ListCases
{
    public static async Task<Results<Ok<CasePage>, ValidationProblem>> HandleAsync(
        ClaimsPrincipal user, QadamDbContext db, CancellationToken cancellationToken,
        string? status = null, string? pathway = null, string? organisation = null, DateOnly? from = null, DateOnly? to = null,
        string? studentIin = null, int page = 1, int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1 or > Paging.MaxPage || pageSize is < 1 or > 500)
        {
            errors[page is < 1 or > Paging.MaxPage ? "page" : "pageSize"] = ["page is 1 to 1000000; pageSize is 1 to 500."];
        }

        if (status is not null && !CaseStatus.All.Contains(status, StringComparer.Ordinal))
        {
            errors["status"] = ["status is one of " + string.Join(", ", CaseStatus.All) + "."];
        }

        if (from > to)
        {
            errors["from"] = ["from is after to."];
        }

        if (studentIin is not null && !Iin.TryParse(studentIin, out _, out var iinError))
        {
            errors["studentIin"] = [iinError];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        var cases = CaseQueries.Visible(db, scope);
        if (status is not null)
        {
            cases = cases.Where(c => c.Status == status);
        }

        if (pathway is not null)
        {
            cases = cases.Where(c => c.PathwayKey == pathway);
        }

        if (organisation is not null)
        {
            cases = cases.Where(c => db.Organisations.Any(o => o.Id == c.OrganisationId && o.Code == organisation));
        }

        if (from is not null)
        {
            cases = cases.Where(c => c.FiledOn >= from);
        }

        if (to is not null)
        {
            cases = cases.Where(c => c.FiledOn <= to);
        }

        if (studentIin is not null)
        {
            cases = cases.Where(c => db.Students.Any(s => s.Id == c.StudentId && s.Iin == studentIin));
        }

        var total = await cases.CountAsync(cancellationToken);
        var items = await CaseQueries.Project(db, cases.OrderByDescending(c => c.FiledOn).ThenByDescending(c => c.CreatedAt)
            .Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new CasePage(page, pageSize, total, items));
    }
}
