using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.Identity;
using Qadam.Api.Features.Students;
using Qadam.Api.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;
using Qadam.Identifiers;

namespace Qadam.Api.Features.Parents;

/// <summary>The child to link, by IIN.</summary>
public sealed record LinkChildRequest(string Iin);

/// <summary>
/// <c>POST /api/parents/me/children</c>: links the calling parent to a child. The link is made only when a student
/// with that IIN exists and the school's roster names the caller's own IIN as the parent's, so knowing a child's
/// IIN is not enough. Any other case answers the same 404, which tells nothing about whether the IIN is enrolled.
/// </summary>
internal static class LinkChild
{
    public static async Task<Results<Created<StudentResponse>, Ok<StudentResponse>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        LinkChildRequest request, ClaimsPrincipal user, QadamDbContext db, AuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!Iin.TryParse(request.Iin, out var iin, out var error))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["iin"] = [error] });
        }

        var userId = Guid.Parse(user.FindFirstValue(Claims.Subject)!);
        var parentIin = await db.Users.Where(u => u.Id == userId).Select(u => u.Iin).SingleOrDefaultAsync(cancellationToken);
        var found = parentIin is null
            ? null
            : await (from s in db.Students
                     join o in db.Organisations on s.OrganisationId equals o.Id
                     where s.Iin == iin.Value && s.ParentIin == parentIin
                     select new { s, o.Code }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            // TypedResults.Problem, not NotFound(ProblemDetails): the latter is written as application/json (RFC 9457 3).
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "No child to link.",
                Detail = "No student with this IIN lists your IIN as a parent's. Ask the school to record your IIN on the child's roster row.",
                Extensions = { ["field"] = "iin" },
            });
        }

        var response = StudentResponse.From(found.s, found.Code, KazakhstanClock.Today(time));
        if (await db.ParentLinks.AnyAsync(l => l.ParentUserId == userId && l.StudentId == found.s.Id, cancellationToken))
        {
            return TypedResults.Ok(response);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ParentLinks.Add(new ParentLink(userId, found.s.Id, time.GetUtcNow()));
        await audit.AppendAsync(AuditActor.From(user),
            new AuditEntry("parent.child-linked", JsonSerializer.SerializeToUtf8Bytes(new { parent = userId, student = found.s.Iin })),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/students/{found.s.Iin}", response);
    }
}
