using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Features.Parents;
using Qadam.Api.Features.Students;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;
using Qadam.Identifiers;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static Qadam.Api.Features.Readiness.PublishReadinessEdition;

namespace Qadam.Api.Features.Readiness;

/// <summary>What the head attests: every requirement of the edition in force, met or not, with its evidence.</summary>
public sealed record AttestReadinessRequest(DateOnly ValidUntil, IReadOnlyList<ReadinessItem> Items);

/// <summary>
/// <c>PUT /api/readiness/organisations/{code}</c>: the head of a school or college attests its readiness under the edition
/// in force today (349 Annex 1 para 1 / 103 Annex 3 para 1). A met item needs the evidence its edition names; an unmet
/// one is recorded as missing, so the region sees the gap. Each attestation is an audit event with the edition's paragraph.
/// </summary>
internal static class AttestReadiness
{
    /// <summary>The longest an attestation may hold: two school years.</summary>
    private const int MaxValidDays = 731;

    public static async Task<Results<Ok<OrganisationReadinessResponse>, NotFound, ForbidHttpResult, ProblemHttpResult>> HandleAsync(
        string code, AttestReadinessRequest request, HttpRequest http, ClaimsPrincipal user, QadamDbContext db, AuditTrail audit,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var russian = ListChildCases.PrefersRussian(http);
        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Code == code, cancellationToken);
        if (organisation is null || !organisation.HoldsStudents || !scope.CanSeeOrganisation(organisation.Id))
        {
            return TypedResults.NotFound();
        }

        // Only the organisation's own head attests (349 Annex 2 para 13: the organisation ensures the conditions).
        if (scope.OrganisationId != organisation.Id)
        {
            return TypedResults.Forbid();
        }

        var today = KazakhstanClock.Today(time);
        var editions = await db.ReadinessEditions.AsNoTracking().ToListAsync(cancellationToken);
        if (ReadinessAssessment.InForce(editions, today) is not { } edition)
        {
            return UnprocessableProblem.Create("edition", Text(russian,
                "Бүгін күшінде тұрған талаптар редакциясы жоқ: заң бөлімі оны жариялауы керек.",
                "На сегодня нет действующей редакции требований: её должен опубликовать юридический отдел."));
        }

        var required = edition.ItemsFor(ReadinessAssessment.IsTvet(organisation));
        var errors = Validate(request, required, edition.Items(), today, russian);
        if (errors.Count > 0)
        {
            return UnprocessableProblem.Create(errors);
        }

        // Kept in the edition's order, trimmed.
        var items = required.Select(r => request.Items.Single(i => i.Key == r.Key)).Select(i => i with
        {
            Evidence = i.Evidence is null ? null : Trimmed(i.Evidence),
        }).ToList();
        var now = time.GetUtcNow();
        var actor = AuditActor.From(user);
        var displayName = Guid.TryParse(user.FindFirstValue(Claims.Subject), out var userId)
            ? await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken)
            : null;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = await db.ReadinessRecords.SingleOrDefaultAsync(r => r.OrganisationId == organisation.Id && r.EditionId == edition.Id, cancellationToken);
        if (record is null)
        {
            record = new ReadinessRecord(organisation.Id, edition.Id, now);
            db.ReadinessRecords.Add(record);
        }

        record.Attest(items, actor.Name, displayName ?? actor.Name, request.ValidUntil, now);
        await audit.AppendAsync(actor, new AuditEntry("readiness.attested", JsonSerializer.SerializeToUtf8Bytes(new
            {
                organisation = organisation.Code, edition = edition.Version, revision = record.Revision, request.ValidUntil, items,
            }, Json),
            ProcessKey: "readiness", ProcessVersion: edition.Version, LegalBasis: edition.Cite()), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var assessed = await ReadinessAssessment.AssessAsync(db, [organisation], today, cancellationToken);
        return TypedResults.Ok(assessed[0]);
    }

    private static Dictionary<string, string[]> Validate(
        AttestReadinessRequest request, IReadOnlyList<ReadinessRequirement> required, IReadOnlyList<ReadinessRequirement> all, DateOnly today,
        bool russian)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.ValidUntil <= today || request.ValidUntil > today.AddDays(MaxValidDays))
        {
            errors["validUntil"] = [Text(russian,
                $"Мерзімі бүгіннен ({today:yyyy-MM-dd}) кейін және екі жылдан аспауы керек.",
                $"Срок должен быть позже сегодняшнего дня ({today:yyyy-MM-dd}) и не дальше двух лет.")];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Items.Count; i++)
        {
            var item = request.Items[i];
            var requirement = required.FirstOrDefault(r => r.Key == item.Key);
            if (requirement is null)
            {
                errors[$"items[{i}].key"] = all.Any(r => r.Key == item.Key)
                    ? [Text(russian, $"'{item.Key}' талабы тек ТжКББ ұйымдарына қолданылады.", $"Требование '{item.Key}' применяется только к организациям ТиППО.")]
                    : [Text(russian, $"'{item.Key}' талабы күшіндегі редакцияда жоқ.", $"Требования '{item.Key}' нет в действующей редакции.")];
                continue;
            }

            if (!seen.Add(item.Key))
            {
                errors[$"items[{i}].key"] = [Text(russian, $"'{item.Key}' талабы қайталанады.", $"Требование '{item.Key}' указано дважды.")];
                continue;
            }

            if (item.Met)
            {
                foreach (var (field, message) in EvidenceProblems(requirement, item.Evidence ?? new ReadinessEvidence(), russian))
                {
                    errors[$"items[{i}].evidence.{field}"] = [message];
                }
            }
        }

        var absent = required.Where(r => !seen.Contains(r.Key)).Select(r => r.Key).ToList();
        if (absent.Count > 0 && !errors.Keys.Any(k => k.EndsWith(".key", StringComparison.Ordinal)))
        {
            errors["items"] = [Text(russian,
                $"Әр талапқа жауап беріңіз (орындалды ма, жоқ па): {string.Join(", ", absent)}.",
                $"Ответьте по каждому требованию (выполнено или нет): {string.Join(", ", absent)}.")];
        }

        return errors;
    }

    private static IEnumerable<(string Field, string Message)> EvidenceProblems(ReadinessRequirement requirement, ReadinessEvidence e, bool russian)
    {
        var required = requirement.Evidence.ToHashSet(StringComparer.Ordinal);
        string Needed() => Text(russian,
            $"{requirement.ParagraphKk ?? requirement.Paragraph} орындалды деп белгіленсе, бұл дәлел міндетті.",
            $"Обязательно, если требование ({requirement.Paragraph}) отмечено выполненным.");
        string TooLong(int max) => Text(russian, $"Ең көбі {max} таңба.", $"Не более {max} символов.");

        foreach (var (field, value) in new[]
                 {
                     ("internetConnection", e.InternetConnection), ("accessMeans", e.AccessMeans), ("lmsName", e.LmsName),
                     ("teacherDocuments", e.TeacherDocuments), ("informatisation", e.Informatisation),
                 })
        {
            if (required.Contains(field) && string.IsNullOrWhiteSpace(value))
            {
                yield return (field, Needed());
            }
            else if (value is { Length: > 1000 })
            {
                yield return (field, TooLong(1000));
            }
        }

        if (required.Contains("lmsUrl") && string.IsNullOrWhiteSpace(e.LmsUrl))
        {
            yield return ("lmsUrl", Needed());
        }
        else if (e.LmsUrl is { } url && !(Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            yield return ("lmsUrl", Text(russian, "LMS мекенжайы http:// не https:// басталуы керек.", "Адрес LMS должен начинаться с http:// или https://."));
        }

        if (required.Contains("teachersTotal") && e.TeachersTotal is null or < 1)
        {
            yield return ("teachersTotal", Text(russian, "Педагогтердің саны (кемінде 1).", "Число педагогов (не меньше 1)."));
        }

        if (required.Contains("teachersCertified") && e.TeachersCertified is null)
        {
            yield return ("teachersCertified", Needed());
        }
        else if (e.TeachersCertified is < 0 || (e.TeachersCertified is { } certified && e.TeachersTotal is { } total && certified > total))
        {
            yield return ("teachersCertified", Text(russian,
                "Сертификаты бар педагогтер 0-ден педагогтердің жалпы санына дейін.",
                "Педагогов с сертификатами от 0 до общего числа педагогов."));
        }

        if (required.Contains("certifiedTeachers") && e.CertifiedTeachers is null or { Count: 0 })
        {
            yield return ("certifiedTeachers", Needed());
        }

        if (required.Contains("digitalResources") && (e.DigitalResources is null || e.DigitalResources.All(string.IsNullOrWhiteSpace)))
        {
            yield return ("digitalResources", Needed());
        }

        if (required.Contains("programmes") && e.Programmes is null or { Count: 0 })
        {
            yield return ("programmes", Needed());
        }

        for (var j = 0; j < (e.Programmes?.Count ?? 0); j++)
        {
            var p = e.Programmes![j];
            if (string.IsNullOrWhiteSpace(p.SpecialityCode))
            {
                yield return ($"programmes[{j}].specialityCode", Text(russian, "Мамандықтың коды міндетті.", "Код специальности обязателен."));
            }

            if (string.IsNullOrWhiteSpace(p.Name))
            {
                yield return ($"programmes[{j}].name", Text(russian, "Бағдарламаның атауы міндетті.", "Название программы обязательно."));
            }

            if (string.IsNullOrWhiteSpace(p.RegisterEntry))
            {
                yield return ($"programmes[{j}].registerEntry", Text(russian,
                    "Білім беру бағдарламаларының тізіліміндегі жазба нөмірі міндетті.",
                    "Номер записи в Реестре образовательных программ обязателен."));
            }
        }
    }

    private static ReadinessEvidence Trimmed(ReadinessEvidence e) => e with
    {
        InternetConnection = e.InternetConnection?.Trim(), AccessMeans = e.AccessMeans?.Trim(), LmsName = e.LmsName?.Trim(),
        LmsUrl = e.LmsUrl?.Trim(), TeacherDocuments = e.TeacherDocuments?.Trim(), Informatisation = e.Informatisation?.Trim(),
        CertifiedTeachers = e.CertifiedTeachers?.Select(t => t.Trim()).Where(t => t.Length > 0).ToList(),
        DigitalResources = e.DigitalResources?.Select(t => t.Trim()).Where(t => t.Length > 0).ToList(),
        Programmes = e.Programmes?.Select(p => new TvetProgrammeEntry(p.SpecialityCode.Trim(), p.Name.Trim(), p.RegisterEntry.Trim())).ToList(),
    };
}
