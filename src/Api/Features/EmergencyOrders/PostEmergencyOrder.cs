using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.Definitions;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Features.Students;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;
using Qadam.Identifiers;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Versions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qadam.Api.Features.EmergencyOrders;

/// <summary>The period an order moves students to distance learning for.</summary>
public sealed record OrderPeriod(DateOnly From, DateOnly To);

/// <summary>
/// An emergency order as a regional system posts it: the issuing education department's organisation code, and a territory
/// or a list of organisations, optionally narrowed to classes or groups within them (organisation code → class names).
/// </summary>
public sealed record EmergencyOrderRequest(
    string IssuingBody, string Number, DateOnly Date, OrderPeriod Period, string Ground, string? Territory = null,
    IReadOnlyList<string>? Organisations = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? Classes = null);

/// <summary>The issuing education department: its code and its names in Kazakh and Russian.</summary>
public sealed record EmergencyOrderIssuer(string Code, string NameKk, string NameRu);

/// <summary>The stored order and the process it started.</summary>
public sealed record EmergencyOrderResponse(
    Guid Id, string IssuingBody, EmergencyOrderIssuer Issuer, string Number, DateOnly Date, string? Territory,
    IReadOnlyList<string> Organisations, IReadOnlyDictionary<string, IReadOnlyList<string>>? Classes, OrderPeriod Period,
    string Ground, string Pathway, int DefinitionVersion, Guid? ProcessInstanceId, string PostedBy, DateTimeOffset PostedAt);

/// <summary>
/// <c>POST /api/emergency-orders</c>: stores the order and starts the mass-transfer pathway for it, in one transaction
/// with its audit event. The pathway's BPMN is the legal department's (published under <see cref="PathwayKey"/>).
/// </summary>
internal static class PostEmergencyOrder
{
    public const string PathwayKey = "emergency-transfer";

    /// <summary>The longest period one order may cover; a longer closure is a new order.</summary>
    private const int MaxPeriodDays = 366;

    public static async Task<Results<Created<EmergencyOrderResponse>, Ok<EmergencyOrderResponse>, ProblemHttpResult>> HandleAsync(
        EmergencyOrderRequest request, ClaimsPrincipal user, QadamDbContext db, VersionsInForce versions, ProcessEngine engine,
        CommandTransaction command, TimeProvider time, CancellationToken cancellationToken)
    {
        var issuingBody = request.IssuingBody.Trim();
        var number = request.Number.Trim();
        if (await FindAsync(db, issuingBody, number, cancellationToken) is { } existing)
        {
            return TypedResults.Ok(existing);
        }

        var today = KazakhstanClock.Today(time);
        var errors = new Dictionary<string, string[]>();
        if (issuingBody.Length is 0 or > 300)
        {
            errors["issuingBody"] = ["The issuing body is required: the organisation code of an oblast's or city's education department."];
        }

        if (number.Length is 0 or > 64)
        {
            errors["number"] = ["The order number is required, at most 64 characters."];
        }

        if (string.IsNullOrWhiteSpace(request.Ground) || request.Ground.Length > 2000)
        {
            errors["ground"] = ["The ground is required, at most 2000 characters."];
        }

        if (request.Date > today || request.Date < today.AddDays(-MaxPeriodDays))
        {
            errors["date"] = [$"The order's date must be within the last year and not after today ({today:yyyy-MM-dd})."];
        }

        if (request.Period.From > request.Period.To)
        {
            errors["period.from"] = ["The period starts after it ends."];
        }
        else if (request.Period.To.DayNumber - request.Period.From.DayNumber >= MaxPeriodDays)
        {
            errors["period.to"] = ["One order covers at most a year."];
        }
        else if (request.Period.To < request.Date)
        {
            errors["period.to"] = ["The period ends before the order was issued."];
        }

        if ((request.Territory is null) == (request.Organisations is null or { Count: 0 }))
        {
            errors["territory"] = ["Give either a territory (region or district code) or a list of organisations, not both."];
        }

        if (errors.Count > 0)
        {
            return UnprocessableProblem.Create(errors);
        }

        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().ToListAsync(cancellationToken);
        // Order 349 para 5 and order 103 para 22: the order of the education department of the oblast or of Astana, Almaty
        // or Shymkent; no district office, akimat or commission, and no free text.
        var issuer = organisations.SingleOrDefault(o => o.Code == issuingBody);
        if (issuer is not { IssuesEmergencyOrders: true })
        {
            return Refuse("issuingBody",
                $"'{issuingBody}' is not the education department of an oblast or of Astana, Almaty or Shymkent: only they issue emergency orders.");
        }

        if (!scope.CanSeeOrganisation(issuer.Id))
        {
            return TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden, Title = "Forbidden.",
                Extensions = { ["errors"] = new Dictionary<string, string[]> { ["issuingBody"] = ["You do not act for this education department."] } },
            });
        }

        var issuerTerritory = Below(organisations, issuer.Id);
        List<string> covered;
        if (request.Territory is { } territoryCode)
        {
            var territory = organisations.SingleOrDefault(o => o.Code == territoryCode);
            if (territory is null || !scope.CanSeeOrganisation(territory.Id) || territory.HoldsStudents || !issuerTerritory.Contains(territory.Id))
            {
                return Refuse("territory", $"'{territoryCode}' is not a region or district within your territory.");
            }

            var below = Below(organisations, territory.Id);
            covered = [.. organisations.Where(o => o.HoldsStudents && below.Contains(o.Id)).Select(o => o.Code).Order(StringComparer.Ordinal)];
        }
        else
        {
            var outside = request.Organisations!
                .Where(code => organisations.SingleOrDefault(o => o.Code == code) is not { HoldsStudents: true } o || !scope.CanSeeOrganisation(o.Id)
                               || !issuerTerritory.Contains(o.Id))
                .ToList();
            if (outside.Count > 0)
            {
                return Refuse("organisations", $"Not schools or colleges within your territory: {string.Join(", ", outside)}.");
            }

            covered = [.. request.Organisations!.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }

        var classes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (code, names) in request.Classes ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            var field = $"classes.{code}";
            var wanted = (names ?? []).Select(n => n?.Trim() ?? string.Empty).Distinct(StringComparer.Ordinal).ToList();
            if (!covered.Contains(code, StringComparer.Ordinal))
            {
                return Refuse(field, $"'{code}' is not among the organisations the order covers.");
            }

            if (wanted.Count == 0 || wanted.Any(n => n.Length is 0 or > 32))
            {
                return Refuse(field, "List the classes or groups by name, each at most 32 characters.");
            }

            var organisationId = organisations.Single(o => o.Code == code).Id;
            var known = await db.Students.AsNoTracking().Where(s => s.OrganisationId == organisationId && wanted.Contains(s.ClassName))
                .Select(s => s.ClassName).Distinct().ToListAsync(cancellationToken);
            var unknown = wanted.Except(known, StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                return Refuse(field, $"No such classes or groups in the roster: {string.Join(", ", unknown)}.");
            }

            classes[code] = [.. wanted.Order(StringComparer.Ordinal)];
        }

        var definition = await versions.FindAsync(PathwayKey, request.Date, cancellationToken);
        if (definition is not { Kind: DefinitionKind.Bpmn })
        {
            return Refuse("pathway", $"No version of the pathway '{PathwayKey}' is in force on {request.Date:yyyy-MM-dd}: the legal department must publish it.");
        }

        var actor = AuditActor.From(user);
        var order = new EmergencyOrder(issuer, number, request.Date, request.Territory, covered, request.Period.From, request.Period.To,
            request.Ground.Trim(), actor.Name, time.GetUtcNow());
        order.ScopeToClasses(classes);
        var variables = new JsonObject
        {
            ["order"] = new JsonObject
            {
                ["id"] = order.Id.ToString(), ["issuingBody"] = issuingBody, ["number"] = number,
                // Printed in the document's language: a Kazakh order names the department in Kazakh.
                ["issuerKk"] = issuer.NameKk, ["issuerRu"] = issuer.NameRu,
                ["date"] = request.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["ground"] = order.Ground, ["territory"] = request.Territory,
            },
            ["period"] = new JsonObject
            {
                ["from"] = request.Period.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["to"] = request.Period.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            },
            ["organisations"] = new JsonArray([.. covered.Select(c => (JsonNode?)JsonValue.Create(c))]),
            // The classes or groups the order names within its organisations; the transfer moves only those there.
            ["classes"] = new JsonObject([.. classes.Select(c => KeyValuePair.Create(c.Key,
                (JsonNode?)new JsonArray([.. c.Value.Select(n => (JsonNode?)JsonValue.Create(n))])))]),
            // The secondary schools among them: 103 Annex 1 para 5 keeps the distance regime for the emergency ground (its
            // sub-para 2) after the renumbering) "в организациях среднего образования", colleges not included.
            ["secondarySchools"] = new JsonArray([.. covered
                .Where(c => organisations.Single(o => o.Code == c).Kind == OrganisationKind.School)
                .Select(c => (JsonNode?)JsonValue.Create(c))]),
            // Its tasks go to the office that posted it (the territory's, or the caller's own).
            ["organisation"] = request.Territory ?? actor.OrganisationCode,
        };

        try
        {
            await command.RunAsync(actor, async ct =>
            {
                db.EmergencyOrders.Add(order);
                var started = await engine.StartAsync(new StartProcess(PathwayKey, request.Date,
                    new Actor(user.FindFirstValue(Claims.Subject)!, actor.Roles, actor.OrganisationCode), variables, "emergency-order:" + order.Id), ct);
                order.Bind(PathwayKey, started.InstanceId, started.DefinitionVersion);
                return started;
            }, r => new AuditEntry("emergency-order.received", JsonSerializer.SerializeToUtf8Bytes(request),
                ProcessKey: PathwayKey, ProcessVersion: r.DefinitionVersion, LegalBasis: Documents.LegalCitation.Line(definition.LegalBasis)),
                cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same order arrived twice at once and the other copy won (the unit of work rolled back and cleared): answer with it.
            return TypedResults.Ok(await FindAsync(db, issuingBody, number, cancellationToken) ?? throw new InvalidOperationException("Lost order.", ex));
        }

        return TypedResults.Created($"/api/emergency-orders/{order.Id}", ToResponse(order));
    }

    private static ProblemHttpResult Refuse(string field, string message) => UnprocessableProblem.Create(field, message);

    private static HashSet<Guid> Below(List<Organisation> organisations, Guid root)
    {
        var found = new HashSet<Guid> { root };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var o in organisations.Where(o => o.ParentId is { } p && found.Contains(p) && !found.Contains(o.Id)))
            {
                grew |= found.Add(o.Id);
            }
        }

        return found;
    }

    private static async Task<EmergencyOrderResponse?> FindAsync(QadamDbContext db, string issuingBody, string number, CancellationToken cancellationToken)
    {
        var order = await db.EmergencyOrders.AsNoTracking().SingleOrDefaultAsync(o => o.IssuingBody == issuingBody && o.Number == number, cancellationToken);
        return order is null ? null : ToResponse(order);
    }

    internal static EmergencyOrderResponse ToResponse(EmergencyOrder o) =>
        new(o.Id, o.IssuingBody, new EmergencyOrderIssuer(o.IssuingBody, o.IssuerNameKk, o.IssuerNameRu), o.Number, o.Date, o.Territory,
            o.Organisations, o.Classes, new OrderPeriod(o.PeriodFrom, o.PeriodTo), o.Ground,
            o.PathwayKey, o.DefinitionVersion, o.ProcessInstanceId, o.PostedBy, o.PostedAt);
}
