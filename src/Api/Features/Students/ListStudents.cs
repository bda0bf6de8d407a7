using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;
using Qadam.Identifiers;

namespace Qadam.Api.Features.Students;

/// <summary>A page of students.</summary>
public sealed record StudentPage(int Page, int PageSize, int Total, IReadOnlyList<StudentResponse> Items);

/// <summary>
/// <c>GET /api/students</c>: the students of the organisations the caller sees, by organisation and class, paged;
/// <c>q</c> finds them by part of the name, the class or the start of the IIN (the clerk's student picker).
/// </summary>
internal static class ListStudents
{
    public static async Task<Results<Ok<StudentPage>, ValidationProblem>> HandleAsync(
        ClaimsPrincipal user, QadamDbContext db, TimeProvider time, CancellationToken cancellationToken,
        string? organisation = null, string? className = null, int page = 1, int pageSize = 50, string? q = null)
    {
        if (page is < 1 or > Paging.MaxPage || pageSize is < 1 or > 500)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [page is < 1 or > Paging.MaxPage ? "page" : "pageSize"] = ["page is 1 to 1000000; pageSize is 1 to 500."],
            });
        }

        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        var query = from s in db.Students.AsNoTracking()
                    join o in db.Organisations on s.OrganisationId equals o.Id
                    where scope.SeesAllOrganisations || scope.OrganisationIds.Contains(s.OrganisationId)
                    select new { s, o.Code };
        if (organisation is not null)
        {
            query = query.Where(x => x.Code == organisation);
        }

        if (className is not null)
        {
            query = query.Where(x => x.s.ClassName == className);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            var pattern = "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(x => EF.Functions.ILike(x.s.FullName, pattern) || x.s.ClassName == text || x.s.Iin.StartsWith(text));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(x => x.Code).ThenBy(x => x.s.ClassName).ThenBy(x => x.s.FullName)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var today = KazakhstanClock.Today(time);
        return TypedResults.Ok(new StudentPage(page, pageSize, total, [.. rows.Select(x => StudentResponse.From(x.s, x.Code, today))]));
    }
}
