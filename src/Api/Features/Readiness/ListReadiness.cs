using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Features.Parents;
using Qadam.Api.Features.Students;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;
using Qadam.Identifiers;
using static Qadam.Api.Features.Readiness.PublishReadinessEdition;

namespace Qadam.Api.Features.Readiness;

/// <summary>The filters of the regional overview and its exports.</summary>
public sealed record ReadinessFilter(DateOnly? On, string? Status, string? District, string? Missing, bool? Reminder);

/// <summary>
/// <c>GET /api/readiness</c>: every school and college within the caller's scope (a district office its district, the
/// region all of it, a head their own) with its status against the edition in force, the items missing and the records
/// out of date, so a regional department sees which of its schools could not teach at a distance tomorrow.
/// </summary>
internal static class ListReadiness
{
    public static async Task<Results<Ok<List<OrganisationReadinessResponse>>, ProblemHttpResult>> HandleAsync(
        HttpRequest http, ClaimsPrincipal user, QadamDbContext db, TimeProvider time, CancellationToken cancellationToken,
        DateOnly? on = null, string? status = null, string? district = null, string? missing = null, bool? reminder = null)
    {
        var found = await FindAsync(new ReadinessFilter(on, status, district, missing, reminder), http, user, db, time, cancellationToken);
        return found.Problem is { } problem ? problem : TypedResults.Ok(found.List!);
    }

    /// <summary>The filtered list, or a 422 naming the filter that is not acceptable.</summary>
    public static async Task<(List<OrganisationReadinessResponse>? List, ProblemHttpResult? Problem)> FindAsync(
        ReadinessFilter filter, HttpRequest http, ClaimsPrincipal user, QadamDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var russian = ListChildCases.PrefersRussian(http);
        if (filter.Status is { } s && !ReadinessAssessment.Statuses.Contains(s, StringComparer.Ordinal))
        {
            return (null, UnprocessableProblem.Create("status", Text(russian,
                $"Күйі мыналардың бірі: {string.Join(", ", ReadinessAssessment.Statuses)}.",
                $"Статус — одно из: {string.Join(", ", ReadinessAssessment.Statuses)}.")));
        }

        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.School || o.Kind == OrganisationKind.College)
            .OrderBy(o => o.Code)
            .ToListAsync(cancellationToken);
        organisations = [.. organisations.Where(o => scope.CanSeeOrganisation(o.Id))];
        if (filter.District is { } districtCode)
        {
            var districtId = await db.Organisations.Where(o => o.Code == districtCode && o.Kind == OrganisationKind.District)
                .Select(o => (Guid?)o.Id).SingleOrDefaultAsync(cancellationToken);
            if (districtId is null || !scope.CanSeeOrganisation(districtId.Value) && !organisations.Any(o => o.ParentId == districtId))
            {
                return (null, UnprocessableProblem.Create("district", Text(russian,
                    $"'{districtCode}' сіздің аумағыңыздағы аудан емес.", $"'{districtCode}' — не район вашей территории.")));
            }

            organisations = [.. organisations.Where(o => o.ParentId == districtId)];
        }

        var day = filter.On ?? KazakhstanClock.Today(time);
        var list = await ReadinessAssessment.AssessAsync(db, organisations, day, cancellationToken);
        IEnumerable<OrganisationReadinessResponse> filtered = list;
        if (filter.Status is { } wanted)
        {
            filtered = filtered.Where(r => r.Status == wanted);
        }

        if (filter.Missing is { } key)
        {
            filtered = filtered.Where(r => r.Missing.Any(m => m.Key == key));
        }

        if (filter.Reminder is { } due)
        {
            filtered = filtered.Where(r => r.Reminder is not null == due);
        }

        return ([.. filtered], null);
    }
}

/// <summary><c>GET /api/readiness/organisations/{code}</c>: one organisation's readiness, with the evidence attested.</summary>
internal static class GetOrganisationReadiness
{
    public static async Task<Results<Ok<OrganisationReadinessResponse>, NotFound>> HandleAsync(
        string code, ClaimsPrincipal user, QadamDbContext db, TimeProvider time, CancellationToken cancellationToken, DateOnly? on = null)
    {
        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Code == code, cancellationToken);
        if (organisation is null || !organisation.HoldsStudents || !scope.CanSeeOrganisation(organisation.Id))
        {
            return TypedResults.NotFound();
        }

        var assessed = await ReadinessAssessment.AssessAsync(db, [organisation], on ?? KazakhstanClock.Today(time), cancellationToken);
        return TypedResults.Ok(assessed[0]);
    }
}

/// <summary><c>GET /api/readiness/editions</c>: every published edition, and which is in force on a day.</summary>
internal static class ListReadinessEditions
{
    public static async Task<Ok<List<ReadinessEditionResponse>>> HandleAsync(QadamDbContext db, CancellationToken cancellationToken)
    {
        var editions = await db.ReadinessEditions.AsNoTracking().OrderBy(e => e.EffectiveFrom).ToListAsync(cancellationToken);
        return TypedResults.Ok(editions.Select(ToResponse).ToList());
    }

    public static async Task<Results<Ok<ReadinessEditionResponse>, NotFound>> InForceAsync(
        QadamDbContext db, TimeProvider time, CancellationToken cancellationToken, DateOnly? on = null)
    {
        var editions = await db.ReadinessEditions.AsNoTracking().ToListAsync(cancellationToken);
        return ReadinessAssessment.InForce(editions, on ?? KazakhstanClock.Today(time)) is { } edition
            ? TypedResults.Ok(ToResponse(edition))
            : TypedResults.NotFound();
    }
}
