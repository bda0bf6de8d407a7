using System.Globalization;
using System.Security.Claims;
using System.Text;
using MiniExcelLibs;
using Qadam.Api.Features.Parents;
using Qadam.Api.Features.Students;
using Qadam.Api.Persistence;
using Qadam.Identifiers;
using nietras.SeparatedValues;

namespace Qadam.Api.Features.Readiness;

/// <summary>
/// <c>GET /api/readiness/export?format=csv|xlsx</c>: the overview with its filters as a table for the regional
/// department's own reporting. CSV is RFC 4180 (Sep, fields quoted when needed) in UTF-8 with a BOM so spreadsheet
/// programs read Cyrillic; XLSX by MiniExcel. Column titles and texts are in the caller's language (Accept-Language).
/// </summary>
internal static class ExportReadiness
{
    public static async Task<IResult> HandleAsync(
        HttpRequest http, ClaimsPrincipal user, QadamDbContext db, TimeProvider time, CancellationToken cancellationToken,
        string format = "csv", DateOnly? on = null, string? status = null, string? district = null, string? missing = null, bool? reminder = null)
    {
        var russian = ListChildCases.PrefersRussian(http);
        if (format is not ("csv" or "xlsx"))
        {
            return Hosting.UnprocessableProblem.Create("format", PublishReadinessEdition.Text(russian, "Пішімі: csv немесе xlsx.", "Формат: csv или xlsx."));
        }

        var found = await ListReadiness.FindAsync(new ReadinessFilter(on, status, district, missing, reminder), http, user, db, time, cancellationToken);
        if (found.Problem is { } problem)
        {
            return problem;
        }

        var day = on ?? KazakhstanClock.Today(time);
        var rows = Rows(found.List!, russian);
        var name = $"readiness-{day:yyyy-MM-dd}.{format}";
        if (format == "csv")
        {
            return TypedResults.File(Csv(rows), "text/csv; charset=utf-8", name);
        }

        var stream = new MemoryStream();
        await stream.SaveAsAsync(rows.Select(r => r.ToDictionary(c => c.Key, c => (object?)c.Value)).ToList(),
            sheetName: russian ? "Готовность" : "Дайындық", excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
        return TypedResults.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    /// <summary>One row per organisation, columns in order; the header is the caller's language.</summary>
    public static List<List<KeyValuePair<string, string>>> Rows(IReadOnlyList<OrganisationReadinessResponse> list, bool russian)
    {
        string T(string kk, string ru) => russian ? ru : kk;
        var rows = new List<List<KeyValuePair<string, string>>>();
        foreach (var r in list)
        {
            var record = r.Record;
            var lms = record?.Items.FirstOrDefault(i => i.Evidence?.LmsName is not null)?.Evidence;
            var teachers = record?.Items.FirstOrDefault(i => i.Evidence?.TeachersTotal is not null)?.Evidence;
            rows.Add(
            [
                new(T("Код", "Код"), r.Organisation),
                new(T("Ұйым", "Организация"), russian ? r.NameRu : r.NameKk),
                new(T("Аудан", "Район"), r.District ?? string.Empty),
                new(T("Күйі", "Статус"), StatusText(r.Status, russian)),
                new(T("Талаптарға сай", "Соответствует требованиям"), r.MeetsRequirements ? T("иә", "да") : T("жоқ", "нет")),
                new(T("Орындалмаған талаптар", "Невыполненные требования"),
                    string.Join("; ", r.Missing.Select(m => russian ? $"{m.Paragraph}: {m.TextRu}" : $"{m.ParagraphKk}: {m.TextKk}"))),
                new(T("Жазба редакциясы", "Редакция записи"), record is null ? string.Empty
                    : $"{record.Edition.Edition} ({(russian ? record.Edition.LegalBasis : record.Edition.LegalBasisKk)})"),
                new(T("Күшіндегі редакция", "Действующая редакция"), r.EditionInForce?.Edition ?? string.Empty),
                new(T("Растаған", "Подтвердил"), record?.AttestedByName ?? string.Empty),
                new(T("Расталған күні", "Дата подтверждения"),
                    record?.AttestedAt.ToOffset(KazakhstanClock.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? string.Empty),
                new(T("Мерзімі", "Действует до"), record?.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty),
                new("LMS", lms?.LmsName ?? string.Empty),
                new(T("LMS мекенжайы", "Адрес LMS"), lms?.LmsUrl ?? string.Empty),
                new(T("АКТ сертификаты бар педагогтер", "Педагогов с сертификатами ИКТ"),
                    teachers is null ? string.Empty : $"{teachers.TeachersCertified}/{teachers.TeachersTotal}"),
                new(T("Үлесі, %", "Доля, %"), record?.CertifiedShare?.ToString(CultureInfo.InvariantCulture) ?? string.Empty),
                new(T("Еске салу", "Напоминание"), r.Reminder is null ? string.Empty : r.Reminder.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ]);
        }

        return rows;
    }

    public static string StatusText(string status, bool russian) => (status, russian) switch
    {
        (ReadinessAssessment.Ready, false) => "сай",
        (ReadinessAssessment.Ready, true) => "соответствует",
        (ReadinessAssessment.Incomplete, false) => "толық емес",
        (ReadinessAssessment.Incomplete, true) => "не полностью",
        (ReadinessAssessment.Outdated, false) => "ескірген",
        (ReadinessAssessment.Outdated, true) => "устарела",
        (ReadinessAssessment.None, false) => "жазба жоқ",
        (ReadinessAssessment.None, true) => "нет записи",
        (_, false) => "редакция жоқ",
        (_, true) => "нет редакции",
    };

    private static byte[] Csv(List<List<KeyValuePair<string, string>>> rows)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(text))
        {
            foreach (var columns in rows)
            {
                using var row = writer.NewRow();
                foreach (var (header, value) in columns)
                {
                    row[header].Set(value);
                }
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
