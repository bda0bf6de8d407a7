namespace Qadam.Api.Tests.Features.Readiness;

/// <summary>What a head sends for a school or a college: every requirement of the edition, met, with its evidence.</summary>
internal static class ReadinessPayloads
{
    public static object[] AllMet(bool college = false, string lmsUrl = "https://kundelik.kz") =>
    [
        .. new object[]
        {
            new { key = "ict", met = true, evidence = new { internetConnection = "Оптика 200 Мбит/с" } },
            new { key = "digitalAccess", met = true, evidence = new { accessMeans = "Ноутбуки 80 шт." } },
            new { key = "lms", met = true, evidence = new { lmsName = "Kundelik", lmsUrl } },
            new { key = "teacherDocuments", met = true, evidence = new { teacherDocuments = "Электронный журнал" } },
            new { key = "ictCertificates", met = true, evidence = new { teachersTotal = 40, teachersCertified = 30 } },
            new { key = "digitalResources", met = true, evidence = new { digitalResources = new[] { "Bilimland", "iMektep" } } },
        },
        .. college
            ? new object[]
            {
                new
                {
                    key = "tvetProgramme", met = true,
                    evidence = new { programmes = new[] { new { specialityCode = "06120100", name = "Вычислительная техника", registerEntry = "РОП-1" } } },
                },
            }
            : [],
        new { key = "informatisation", met = true, evidence = new { informatisation = "Соблюдены" } },
    ];

    public static object Attestation(DateOnly validUntil, object[] items) => new { validUntil = validUntil.ToString("yyyy-MM-dd"), items };
}
