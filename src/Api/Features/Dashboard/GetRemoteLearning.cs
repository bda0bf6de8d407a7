using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Features.Students;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;
using Qadam.Identifiers;

namespace Qadam.Api.Features.Dashboard;

/// <summary>A school with students learning at a distance today: how many, of how many on its roster, and since when.</summary>
public sealed record RemoteSchool(string Code, string NameKk, string NameRu, int Students, int Enrolled, DateOnly Since);

/// <summary>A district (or the office a school reports to directly) with its schools' students learning at a distance today.</summary>
public sealed record RemoteDistrict(
    string Code, string NameKk, string NameRu, int Students, int Schools, DateOnly Since, IReadOnlyList<RemoteSchool> SchoolList);

/// <summary>Students learning at a distance on one day.</summary>
public sealed record RemoteDay(DateOnly Date, int Students);

/// <summary>
/// Students of the caller's territory learning at a distance today, by district and school, with the number per day over
/// the period asked; <c>Pathways</c> are the pathways that moved any student of the territory (the filter's choices).
/// </summary>
public sealed record RemoteLearningResponse(
    DateOnly Today, DateOnly From, DateOnly To, string? District, string? Pathway, int Students, int Schools, DateOnly? Since,
    IReadOnlyList<RemoteDistrict> Districts, IReadOnlyList<RemoteDay> Days, IReadOnlyList<string> Pathways);

/// <summary>
/// <c>GET /api/dashboard/remote</c>: "how many students of my region learn remotely today, by district and school, since
/// when". A student learns at a distance on a day when a mass transfer of an emergency order or a weather decision moved
/// them for a period covering it and no return of the same process brought them back before (order 349 Annex 2 para 5,
/// 2025: Annex 1 para 22: distance learning lasts on the basis of the education department's order, so it ends with the
/// order's period or with a new order lifting it), or when their own case
/// stands transferred (from the day it became so). Counted from the rows the transfers wrote, so the figures are students,
/// not schools, and never disagree with the transfers' own progress.
/// </summary>
internal static class GetRemoteLearning
{
    /// <summary>A year of days at most in one chart: the figures are computed when asked.</summary>
    private const int MaxDays = 366;
    private static readonly DateOnly EarliestDate = new(2000, 1, 1);
    private static readonly DateOnly LatestDate = new(2100, 12, 31);

    /// <summary>The chart's period when none is asked: the last four weeks.</summary>
    private const int DefaultDays = 28;

    // Dates are Kazakhstan's (UTC+5 since 1 March 2024, one zone for the whole country); a return on day D means the
    // students are back in class on D, so their distance learning ended the day before.
    private const string Spans = """
        WITH spans AS (
          SELECT t.student_id AS student, t.organisation_id AS organisation, m.definition_key AS pathway, m.period_from AS start,
                 LEAST(m.period_to, coalesce((
                   SELECT min(((r.at AT TIME ZONE 'UTC') + interval '5 hours')::date) - 1
                   FROM qadam.student_transfers r JOIN qadam.mass_transfers rm ON rm.id = r.transfer_id
                   WHERE rm.instance_id = m.instance_id AND rm.direction = 'return' AND r.student_id = t.student_id), m.period_to)) AS finish
          FROM qadam.student_transfers t JOIN qadam.mass_transfers m ON m.id = t.transfer_id
          WHERE m.direction = 'distance' AND t.organisation_id = ANY(@schools)
          UNION ALL
          SELECT c.student_id, c.organisation_id, c.pathway_key, ((c.updated_at AT TIME ZONE 'UTC') + interval '5 hours')::date, DATE '9999-12-31'
          FROM qadam.cases c
          WHERE c.status = 'transferred' AND c.organisation_id = ANY(@schools)
        )
        """;

    private const string Scoped = """
        , scoped AS (SELECT * FROM spans WHERE (@pathway::text IS NULL OR pathway = @pathway))
        """;

    private const string TodayQuery = Spans + Scoped + """
        SELECT organisation AS "Organisation", count(DISTINCT student)::int AS "Students", min(start) AS "Since"
        FROM scoped WHERE start <= @today AND finish >= @today GROUP BY organisation
        """;

    private const string DaysQuery = Spans + Scoped + """
        SELECT d::date AS "Date", count(DISTINCT s.student)::int AS "Students"
        FROM generate_series(@from::date, @to::date, interval '1 day') d
        LEFT JOIN scoped s ON s.start <= d::date AND s.finish >= d::date
        GROUP BY d ORDER BY d
        """;

    private const string PathwaysQuery = Spans + """
        SELECT DISTINCT pathway AS "Value" FROM spans ORDER BY 1
        """;

    private sealed record SchoolToday(Guid Organisation, int Students, DateOnly Since);

    private sealed record DayCount(DateOnly Date, int Students);

    public static async Task<Results<Ok<RemoteLearningResponse>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>, ProblemHttpResult>> HandleAsync(
        ClaimsPrincipal user, HttpRequest http, QadamDbContext db, TimeProvider time, CancellationToken cancellationToken,
        string? district = null, string? pathway = null, DateOnly? from = null, DateOnly? to = null)
    {
        var ru = ProblemLanguage.Of(http) == "ru";
        var today = KazakhstanClock.Today(time);
        // Dates far outside any school year are typos (or probes): refused before any arithmetic on them.
        foreach (var (field, date) in new[] { ("from", from), ("to", to) })
        {
            if (date is { } d && (d < EarliestDate || d > LatestDate))
            {
                return UnprocessableProblem.Create(field, ru
                    ? $"Дата должна быть между {EarliestDate:dd.MM.yyyy} и {LatestDate:dd.MM.yyyy}."
                    : $"Күн {EarliestDate:dd.MM.yyyy} мен {LatestDate:dd.MM.yyyy} аралығында болуы тиіс.");
            }
        }

        var last = to ?? today;
        var first = from ?? last.AddDays(-(DefaultDays - 1));
        if (first > last)
        {
            return UnprocessableProblem.Create("from", ru
                ? "Начало периода должно быть не позже его конца."
                : "Кезеңнің басы оның соңынан кеш болмауы тиіс.");
        }

        if (last.DayNumber - first.DayNumber + 1 > MaxDays)
        {
            return UnprocessableProblem.Create("to", ru
                ? $"Период — не более {MaxDays} дней."
                : $"Кезең {MaxDays} күннен аспауы тиіс.");
        }

        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().ToListAsync(cancellationToken);
        var byId = organisations.ToDictionary(o => o.Id);
        Organisation? area = null;
        if (!string.IsNullOrWhiteSpace(district))
        {
            area = organisations.FirstOrDefault(o => string.Equals(o.Code, district.Trim(), StringComparison.Ordinal));
            if (area is null || !scope.CanSeeOrganisation(area.Id))
            {
                // Another territory's district is answered as unknown: its existence is not the caller's business.
                return TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = StatusCodes.Status404NotFound,
                    Title = ru ? "Район не найден." : "Аудан табылмады.",
                    Detail = ru ? $"Район «{district}» не найден в вашей территории." : $"«{district}» ауданы сіздің аумағыңызда табылмады.",
                    Extensions = { ["field"] = "district" },
                });
            }
        }

        bool Under(Organisation o, Guid ancestor)
        {
            for (Organisation? at = o; at is not null; at = at.ParentId is { } p && byId.TryGetValue(p, out var up) ? up : null)
            {
                if (at.Id == ancestor)
                {
                    return true;
                }
            }

            return false;
        }

        var schools = organisations.Where(o => o.HoldsStudents && scope.CanSeeOrganisation(o.Id) && (area is null || Under(o, area.Id)))
            .ToDictionary(o => o.Id);
        var ids = schools.Keys.ToArray();
        var key = string.IsNullOrWhiteSpace(pathway) ? null : pathway.Trim();

        var todays = await db.Database.SqlQueryRaw<SchoolToday>(TodayQuery, Parameters(ids, key, first, last, today))
            .ToListAsync(cancellationToken);
        var days = await db.Database.SqlQueryRaw<DayCount>(DaysQuery, Parameters(ids, key, first, last, today))
            .ToListAsync(cancellationToken);
        var pathways = await db.Database.SqlQueryRaw<string>(PathwaysQuery, Parameters(ids, key, first, last, today))
            .ToListAsync(cancellationToken);

        var present = todays.Select(t => t.Organisation).ToList();
        var enrolled = await db.Students.AsNoTracking().Where(s => present.Contains(s.OrganisationId))
            .GroupBy(s => s.OrganisationId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        // A school's district is the nearest district above it; a school reporting straight to a region is shown under the region.
        Organisation DistrictOf(Organisation school)
        {
            var at = school;
            while (at.Kind is not (OrganisationKind.District or OrganisationKind.Region or OrganisationKind.Ministry)
                   && at.ParentId is { } p && byId.TryGetValue(p, out var up))
            {
                at = up;
            }

            return at;
        }

        var districts = todays.Where(t => schools.ContainsKey(t.Organisation))
            .Select(t => (School: schools[t.Organisation], t.Students, t.Since))
            .GroupBy(t => DistrictOf(t.School))
            .Select(g => new RemoteDistrict(g.Key.Code, g.Key.NameKk, g.Key.NameRu, g.Sum(s => s.Students), g.Count(), g.Min(s => s.Since),
                [.. g.OrderByDescending(s => s.Students).ThenBy(s => s.School.Code, StringComparer.Ordinal)
                    .Select(s => new RemoteSchool(s.School.Code, s.School.NameKk, s.School.NameRu, s.Students,
                        enrolled.GetValueOrDefault(s.School.Id), s.Since))]))
            .OrderByDescending(d => d.Students).ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();

        return TypedResults.Ok(new RemoteLearningResponse(
            today, first, last, area?.Code, key, districts.Sum(d => d.Students), districts.Sum(d => d.Schools),
            districts.Count == 0 ? null : districts.Min(d => d.Since), districts,
            [.. days.Select(d => new RemoteDay(d.Date, d.Students))], pathways));
    }

    private static object[] Parameters(Guid[] schools, string? pathway, DateOnly from, DateOnly to, DateOnly today) =>
    [
        new NpgsqlParameter("schools", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = schools },
        new NpgsqlParameter("pathway", NpgsqlDbType.Text) { Value = (object?)pathway ?? DBNull.Value },
        new NpgsqlParameter<DateOnly>("from", from),
        new NpgsqlParameter<DateOnly>("to", to),
        new NpgsqlParameter<DateOnly>("today", today),
    ];
}
