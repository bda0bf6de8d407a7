using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.EmergencyOrders;
using Qadam.Api.Features.Identity;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Features.Parents;
using Qadam.Api.Features.Students;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;
using Qadam.Identifiers;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qadam.Api.Features.Universities;

/// <summary>The regional order as the university received it.</summary>
public sealed record UniversityEmergencyRequest(
    string IssuingBody, string Number, DateOnly Date, OrderPeriod Period, string Ground, string? Language = null);

/// <summary>The university's emergency-transfer process.</summary>
public sealed record UniversityEmergencyResponse(Guid ProcessInstanceId, int DefinitionVersion, string Organisation);

/// <summary>
/// <c>POST /api/universities/emergency-transfers</c>: the registrar (or rector) registers the receipt of the regional
/// order that moves "all students" to distance learning (order 97 para 2) and starts the university's own pathway
/// (<see cref="PathwayKey"/>): its students, not the region's schools, whose pathway is the regional office's. Idempotent
/// by university, issuing body and number.
/// </summary>
internal static class PostUniversityEmergency
{
    public const string PathwayKey = "university-emergency";

    public static async Task<Results<Created<UniversityEmergencyResponse>, ProblemHttpResult>> HandleAsync(
        UniversityEmergencyRequest request, HttpRequest http, ClaimsPrincipal user, QadamDbContext db, WorkflowsDbContext workflows,
        ProcessEngine engine, AuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var russian = ListChildCases.PrefersRussian(http);
        var today = KazakhstanClock.Today(time);
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string kk, string ru) => errors[field] = [russian ? ru : kk];
        if (request.IssuingBody is not { Length: > 0 and <= 300 } || string.IsNullOrWhiteSpace(request.IssuingBody))
        {
            Add("issuingBody", "Бұйрықты шығарған орган көрсетілуі керек (300 таңбадан аспайды).", "Укажите орган, издавший приказ (не более 300 символов).");
        }

        if (request.Number is not { Length: > 0 and <= 64 } || string.IsNullOrWhiteSpace(request.Number))
        {
            Add("number", "Бұйрықтың нөмірі көрсетілуі керек (64 таңбадан аспайды).", "Укажите номер приказа (не более 64 символов).");
        }

        if (request.Ground is not { Length: > 0 and <= 2000 } || string.IsNullOrWhiteSpace(request.Ground))
        {
            Add("ground", "Төтенше жағдайдың негізі көрсетілуі керек.", "Укажите основание (чрезвычайную ситуацию, карантин).");
        }

        if (request.Date > today)
        {
            Add("date", "Бұйрықтың күні бүгіннен кейін болмауы керек.", "Дата приказа не может быть позже сегодняшнего дня.");
        }

        if (request.Period.From > request.Period.To || request.Period.To < request.Date)
        {
            Add("period", "Кезеңнің басы соңынан кейін немесе соңы бұйрық күнінен бұрын.", "Период начинается после окончания или заканчивается до даты приказа.");
        }

        if (request.Language is not (null or "kk" or "ru"))
        {
            Add("language", "Бұйрықтың тілі: kk немесе ru.", "Язык приказа: kk или ru.");
        }

        var code = user.FindFirstValue(QadamClaims.OrganisationCode);
        var university = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Code == code, cancellationToken);
        if (university is not { Kind: OrganisationKind.University })
        {
            Add("organisation", "Жоғары оқу орнының қызметкері ғана тіркей алады.", "Регистрирует только сотрудник вуза.");
        }

        if (errors.Count > 0)
        {
            return UnprocessableProblem.Create(errors, russian ? "Приказ не принят." : "Бұйрық қабылданбады.");
        }

        var period = new JsonObject { ["from"] = Iso(request.Period.From), ["to"] = Iso(request.Period.To) };
        var variables = new JsonObject
        {
            ["order"] = new JsonObject
            {
                ["issuingBody"] = request.IssuingBody.Trim(), ["number"] = request.Number.Trim(), ["date"] = Iso(request.Date),
                ["ground"] = request.Ground.Trim(),
            },
            ["period"] = period,
            // The language the rector's order is drawn up in (render-document), Kazakh unless the registrar asks for Russian.
            ["language"] = request.Language ?? "kk",
            ["organisation"] = university!.Code,
            ["organisations"] = new JsonArray(university.Code),
            // Order 97 para 27: the emergency lifts the mobility and double-degree caps while it lasts.
            ["emergencyDeclared"] = true,
        };
        var actor = AuditActor.From(user);
        var key = $"{PathwayKey}:{university.Code}:{request.IssuingBody.Trim()}:{request.Number.Trim()}";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await workflows.Database.UseTransactionAsync(transaction.GetDbTransaction(), cancellationToken);
        var started = await engine.StartAsync(new StartProcess(PathwayKey, request.Date,
            new Actor(user.FindFirstValue(Claims.Subject)!, actor.Roles, actor.OrganisationCode), variables, key, key), cancellationToken);
        await audit.AppendAsync(actor, new AuditEntry("university-emergency.received", JsonSerializer.SerializeToUtf8Bytes(request),
            ProcessKey: PathwayKey, ProcessVersion: started.DefinitionVersion, LegalBasis: "Приказ № 97, п. 2, п. 25, п. 27"), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/process-instances/{started.InstanceId}",
            new UniversityEmergencyResponse(started.InstanceId, started.DefinitionVersion, university.Code));
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
