using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Persistence;

namespace Qadam.Api.Features.Readiness;

/// <summary>The edition a record or a day falls under, with the paragraph that lists the requirements.</summary>
public sealed record ReadinessEditionSummary(
    int Version, string Edition, DateOnly EffectiveFrom, string LegalBasis, string TitleKk, string TitleRu, string LegalBasisKk);

/// <summary>One requirement with what the head attested for it.</summary>
public sealed record ReadinessItemResponse(
    string Key, string Paragraph, string TextKk, string TextRu, bool Met, ReadinessEvidence? Evidence, string ParagraphKk);

/// <summary>A requirement of the edition in force that the organisation's record does not show as met.</summary>
public sealed record MissingItemResponse(string Key, string Paragraph, string TextKk, string TextRu, string ParagraphKk);

/// <summary>The head's attestation.</summary>
public sealed record ReadinessRecordResponse(
    ReadinessEditionSummary Edition, string AttestedBy, string AttestedByName, DateTimeOffset AttestedAt, DateOnly ValidUntil, int Revision,
    decimal? CertifiedShare, IReadOnlyList<ReadinessItemResponse> Items);

/// <summary>The notice a head gets before the school year when the record will not hold on its first day.</summary>
public sealed record ReadinessReminderResponse(DateOnly DueOn, string TextKk, string TextRu);

/// <summary>
/// Whether an organisation meets the requirements on a day. <c>status</c>: ready, incomplete (items not met),
/// outdated (made under an earlier edition, or past its valid-until date), none (no record), noEdition (no edition in
/// force). <c>reasons</c>: noRecord, itemsMissing, earlierEdition, expired.
/// </summary>
public sealed record OrganisationReadinessResponse(
    string Organisation, string Kind, string NameKk, string NameRu, string? District, DateOnly On, string Status, bool MeetsRequirements,
    IReadOnlyList<string> Reasons, ReadinessEditionSummary? EditionInForce, ReadinessRecordResponse? Record,
    IReadOnlyList<MissingItemResponse> Missing, ReadinessReminderResponse? Reminder);

/// <summary>Reads editions and records and judges organisations against the edition in force on a day.</summary>
public static class ReadinessAssessment
{
    public const string Ready = "ready";
    public const string Incomplete = "incomplete";
    public const string Outdated = "outdated";
    public const string None = "none";
    public const string NoEdition = "noEdition";

    public static readonly IReadOnlyList<string> Statuses = [Ready, Incomplete, Outdated, None, NoEdition];

    /// <summary>
    /// Heads are reminded from this many days before 1 September, the start of the school year, when their record would
    /// not hold on that day: the month of August in which schools prepare for the year.
    /// </summary>
    public const int ReminderDaysBefore = 31;

    public static ReadinessEdition? InForce(IEnumerable<ReadinessEdition> editions, DateOnly on) =>
        editions.Where(e => e.EffectiveFrom <= on).OrderByDescending(e => e.EffectiveFrom).ThenByDescending(e => e.Version).FirstOrDefault();

    public static ReadinessEditionSummary Summary(ReadinessEdition e) =>
        new(e.Version, e.EditionLabel, e.EffectiveFrom, e.Cite(), e.TitleKk, e.TitleRu, e.CiteKk());

    public static bool IsTvet(Organisation organisation) => organisation.Kind == OrganisationKind.College;

    /// <summary>The readiness of each organisation (schools and colleges) on <paramref name="on"/>.</summary>
    public static async Task<List<OrganisationReadinessResponse>> AssessAsync(
        QadamDbContext db, IReadOnlyCollection<Organisation> organisations, DateOnly on, CancellationToken cancellationToken)
    {
        var editions = await db.ReadinessEditions.AsNoTracking().ToListAsync(cancellationToken);
        var ids = organisations.Select(o => o.Id).ToList();
        var records = await db.ReadinessRecords.AsNoTracking().Where(r => ids.Contains(r.OrganisationId)).ToListAsync(cancellationToken);
        var parents = organisations.Select(o => o.ParentId).OfType<Guid>().Distinct().ToList();
        var districts = await db.Organisations.AsNoTracking().Where(o => parents.Contains(o.Id) && o.Kind == OrganisationKind.District)
            .ToDictionaryAsync(o => o.Id, o => o.Code, cancellationToken);
        return [.. organisations.Select(o => Assess(o, o.ParentId is { } p ? districts.GetValueOrDefault(p) : null, editions,
            records.Where(r => r.OrganisationId == o.Id).ToList(), on))];
    }

    public static OrganisationReadinessResponse Assess(
        Organisation organisation, string? district, IReadOnlyList<ReadinessEdition> editions, IReadOnlyList<ReadinessRecord> records, DateOnly on)
    {
        var inForce = InForce(editions, on);
        var byId = editions.ToDictionary(e => e.Id);
        // The record under the edition in force, else the latest made under an edition already in force on that day.
        var record = records
            .Where(r => byId.TryGetValue(r.EditionId, out var e) && e.EffectiveFrom <= on)
            .OrderByDescending(r => inForce is not null && r.EditionId == inForce.Id)
            .ThenByDescending(r => byId[r.EditionId].EffectiveFrom)
            .ThenByDescending(r => r.AttestedAt)
            .FirstOrDefault();

        if (inForce is null)
        {
            return new OrganisationReadinessResponse(organisation.Code, organisation.Kind.ToString(), organisation.NameKk, organisation.NameRu, district,
                on, NoEdition, false, [], null, null, [], null);
        }

        var tvet = IsTvet(organisation);
        var required = inForce.ItemsFor(tvet);
        ReadinessRecordResponse? recordResponse = null;
        var reasons = new List<string>();
        List<MissingItemResponse> missing;
        if (record is null)
        {
            reasons.Add("noRecord");
            missing = [.. required.Select(Missing)];
        }
        else
        {
            var edition = byId[record.EditionId];
            var items = record.Items();
            var texts = edition.Items().ToDictionary(i => i.Key, StringComparer.Ordinal);
            recordResponse = new ReadinessRecordResponse(Summary(edition), record.AttestedBy, record.AttestedByName, record.AttestedAt,
                record.ValidUntil, record.Revision, items.FirstOrDefault(i => i.Evidence?.CertifiedShare is not null)?.Evidence?.CertifiedShare,
                [.. items.Select(i => texts.TryGetValue(i.Key, out var t)
                    ? new ReadinessItemResponse(i.Key, t.Paragraph, t.TextKk, t.TextRu, i.Met, i.Evidence, t.ParagraphKk ?? t.Paragraph)
                    : new ReadinessItemResponse(i.Key, string.Empty, i.Key, i.Key, i.Met, i.Evidence, string.Empty))]);
            var met = items.Where(i => i.Met).Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
            missing = [.. required.Where(r => !met.Contains(r.Key)).Select(Missing)];
            if (edition.Id != inForce.Id)
            {
                reasons.Add("earlierEdition");
            }

            if (record.ValidUntil < on)
            {
                reasons.Add("expired");
            }

            if (missing.Count > 0)
            {
                reasons.Add("itemsMissing");
            }
        }

        var status = record is null ? None
            : reasons.Contains("earlierEdition") || reasons.Contains("expired") ? Outdated
            : missing.Count > 0 ? Incomplete
            : Ready;
        return new OrganisationReadinessResponse(organisation.Code, organisation.Kind.ToString(), organisation.NameKk, organisation.NameRu, district,
            on, status, status == Ready, reasons, Summary(inForce), recordResponse, missing, Reminder(status, record, on));
    }

    /// <summary>
    /// From <see cref="ReminderDaysBefore"/> days before 1 September: a record that is not ready, or ends before that day,
    /// must be renewed by the head before the school year starts.
    /// </summary>
    public static ReadinessReminderResponse? Reminder(string status, ReadinessRecord? record, DateOnly on)
    {
        var yearStart = new DateOnly(on.Month >= 9 ? on.Year + 1 : on.Year, 9, 1);
        if (on < yearStart.AddDays(-ReminderDaysBefore) || (status == Ready && record!.ValidUntil >= yearStart))
        {
            return null;
        }

        var date = yearStart.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        return new ReadinessReminderResponse(yearStart,
            $"Оқу жылы {date} басталады: қашықтан оқытуды ұсыну бойынша талаптарға сәйкестікті растаңыз.",
            $"Учебный год начинается {date}: подтвердите соответствие требованиям по предоставлению дистанционного обучения.");
    }

    private static MissingItemResponse Missing(ReadinessRequirement r) => new(r.Key, r.Paragraph, r.TextKk, r.TextRu, r.ParagraphKk ?? r.Paragraph);
}
