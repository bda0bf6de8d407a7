using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.Readiness;
using Qadam.Api.Features.Students;
using Qadam.Api.Persistence;
using Qadam.Identifiers;

namespace Qadam.Api.Hosting;

/// <summary>
/// The demo organisations' readiness for distance learning, attested by their heads under the edition in force on the
/// day of seeding: s1, s3 and the college c1 meet every requirement; s2 has no learning management system yet and too
/// few teachers with ICT certificates, so the regional officer sees one incomplete school. Added only where an
/// organisation has no record at all.
/// </summary>
internal static class DemoReadiness
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<QadamDbContext>();
        var time = services.GetRequiredService<TimeProvider>();
        var audit = services.GetRequiredService<AuditTrail>();
        var today = KazakhstanClock.Today(time);
        var editions = await db.ReadinessEditions.AsNoTracking().ToListAsync(cancellationToken);
        if (ReadinessAssessment.InForce(editions, today) is not { } edition)
        {
            return;
        }

        // Until the end of the school year: in August the heads are reminded to attest the next one.
        var validUntil = new DateOnly(today.Month >= 9 ? today.Year + 1 : today.Year, 8, 31);
        foreach (var (code, lms, certified, total) in new[] { ("s1", true, 52, 58), ("s2", false, 9, 41), ("s3", true, 37, 40), ("c1", true, 64, 70) })
        {
            var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Code == code, cancellationToken);
            if (organisation is null || await db.ReadinessRecords.AnyAsync(r => r.OrganisationId == organisation.Id, cancellationToken))
            {
                continue;
            }

            var head = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == "head." + code, cancellationToken);
            var items = edition.ItemsFor(ReadinessAssessment.IsTvet(organisation))
                .Select(r => Item(r.Key, code, lms, certified, total))
                .ToList();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = time.GetUtcNow();
            var record = new ReadinessRecord(organisation.Id, edition.Id, now);
            record.Attest(items, head?.UserName ?? "head." + code, head?.DisplayName ?? "head." + code, validUntil, now);
            db.ReadinessRecords.Add(record);
            await audit.AppendAsync(new AuditActor(head?.UserName ?? "head." + code, "head", code),
                new AuditEntry("readiness.attested", JsonSerializer.SerializeToUtf8Bytes(new { organisation = code, edition = edition.Version, items }),
                    ProcessKey: "readiness", ProcessVersion: edition.Version, LegalBasis: edition.Cite()), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static ReadinessItem Item(string key, string code, bool lms, int certified, int total) => key switch
    {
        "ict" => new(key, true, new ReadinessEvidence(InternetConnection: "Оптика, 100 Мбит/с (Kazakhtelecom), Wi-Fi в учебных кабинетах")),
        "digitalAccess" => new(key, true, new ReadinessEvidence(AccessMeans: "Ноутбуки 120 шт., планшеты 60 шт., выдача на дом по заявлению")),
        "lms" => lms
            ? new(key, true, new ReadinessEvidence(LmsName: code == "c1" ? "Moodle" : "Kundelik",
                LmsUrl: code == "c1" ? "https://lms.astana-polytech.edu.kz" : "https://kundelik.kz"))
            : new(key, false),
        "teacherDocuments" => new(key, true, new ReadinessEvidence(TeacherDocuments: "Электронный журнал, КТП и поурочные планы в Kundelik")),
        "ictCertificates" => new(key, certified * 2 > total,
            new ReadinessEvidence(TeachersTotal: total, TeachersCertified: certified)),
        "digitalResources" => new(key, true, new ReadinessEvidence(DigitalResources: ["Bilimland", "iMektep", "OpiqBilim"])),
        "tvetProgramme" => new(key, true, new ReadinessEvidence(Programmes:
        [
            new TvetProgrammeEntry("06120100", "Вычислительная техника и информационные сети", "РОП-06120100-2023"),
            new TvetProgrammeEntry("07130100", "Электроснабжение", "РОП-07130100-2022"),
        ])),
        "informatisation" => new(key, true, new ReadinessEvidence(Informatisation: "Минимальные требования к объектам информатизации соблюдены")),
        _ => new(key, false),
    };
}
