using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Persistence;

namespace Qadam.Api.Hosting;

/// <summary>
/// Seeds the demo organisations (one region, two districts, schools and a college) once.
/// Users and rosters join them as the API issue lands; running twice adds nothing.
/// </summary>
internal static class DemoData
{
    public static async Task SeedAsync(QadamDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Organisations.AnyAsync(o => o.Code == "r1", cancellationToken))
        {
            return;
        }

        var ministry = new Organisation("mon", OrganisationKind.Ministry,
            "Қазақстан Республикасы Оқу-ағарту министрлігі", "Министерство просвещения Республики Казахстан");
        var region = new Organisation("r1", OrganisationKind.Region,
            "Астана қаласының білім басқармасы", "Управление образования города Астаны", ministry);
        var d1 = new Organisation("d1", OrganisationKind.District, "Есіл ауданы бойынша білім бөлімі", "Отдел образования по району Есиль", region);
        var d2 = new Organisation("d2", OrganisationKind.District, "Сарыарқа ауданы бойынша білім бөлімі", "Отдел образования по району Сарыарка", region);
        db.Organisations.AddRange(
            ministry, region, d1, d2,
            new Organisation("s1", OrganisationKind.School, "№ 1 мектеп-лицей", "Школа-лицей № 1", d1),
            new Organisation("s2", OrganisationKind.School, "№ 2 жалпы білім беретін мектеп", "Общеобразовательная школа № 2", d1),
            new Organisation("s3", OrganisationKind.School, "№ 3 гимназия", "Гимназия № 3", d2),
            new Organisation("c1", OrganisationKind.College, "Астана политехникалық колледжі", "Астанинский политехнический колледж", d2));
        await db.SaveChangesAsync(cancellationToken);
    }
}
