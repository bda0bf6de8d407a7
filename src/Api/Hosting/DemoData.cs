using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Identity;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Features.Students;
using Qadam.Api.Persistence;
using Qadam.Identifiers;

namespace Qadam.Api.Hosting;

/// <summary>
/// The Demo profile's data: one region, two districts, schools and a college, their student rosters with
/// valid IINs, and a user for every role named <c>&lt;role&gt;.&lt;organisation code&gt;</c>, all with the password
/// <c>demo</c> unless <c>Qadam:DemoPassword</c> is set. Every part is added only where missing, so running twice adds nothing.
/// </summary>
internal static class DemoData
{
    public const string DefaultPassword = "demo";

    private sealed record DemoClass(string OrganisationCode, string ClassName, EducationLevel Level, int BirthYear, int Count);

    private static readonly DemoClass[] Classes =
    [
        new("s1", "1А", EducationLevel.Primary, 2019, 5),
        new("s1", "5Б", EducationLevel.BasicSecondary, 2015, 5),
        new("s1", "9А", EducationLevel.BasicSecondary, 2011, 5),
        new("s1", "11А", EducationLevel.GeneralSecondary, 2009, 5),
        new("s2", "2А", EducationLevel.Primary, 2018, 5),
        new("s2", "7Б", EducationLevel.BasicSecondary, 2013, 5),
        new("s2", "10А", EducationLevel.GeneralSecondary, 2010, 5),
        new("s3", "3А", EducationLevel.Primary, 2017, 4),
        new("s3", "8А", EducationLevel.BasicSecondary, 2012, 4),
        new("c1", "ИС-24", EducationLevel.Tvet, 2009, 5),
        new("c1", "ТМ-23", EducationLevel.Tvet, 2008, 5),
        // Last, so the IINs above stay as they were: a small group at the pedagogical college, so its clerk can file and an
        // emergency order over r2 can be seen leaving it in class (349 para 3-1, 103 para 3).
        new("c2", "ПО-24", EducationLevel.Tvet, 2008, 3),
    ];

    private static readonly string[] Surnames =
        ["Ахметов", "Серікбаев", "Жұмабаев", "Әлиев", "Қасымов", "Нұрланов", "Оспанов", "Төлеубаев", "Бекмұхамбетов", "Исаев", "Мұқанов", "Байжанов"];

    private static readonly string[] BoysNames = ["Нұрсұлтан", "Арман", "Ерлан", "Дәулет", "Әлихан", "Нұрислам", "Темірлан", "Санжар"];

    private static readonly string[] GirlsNames = ["Айгерім", "Әсел", "Жансая", "Аружан", "Томирис", "Дана", "Медина", "Інжу"];

    private static readonly string[] ParentNames = ["Ғалым", "Бауыржан", "Мұрат", "Сәуле", "Гүлнар", "Айнұр"];

    public static async Task SeedAsync(IServiceProvider services, QadamOptions options, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<QadamDbContext>();
        var time = services.GetRequiredService<TimeProvider>();
        await SeedOrganisationsAsync(db, cancellationToken);
        await DemoUniversity.SeedAsync(db, time, cancellationToken);
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Code, o => o.Id, StringComparer.Ordinal, cancellationToken);

        var students = Roster(organisations);
        var known = (await db.Students.Select(s => s.Iin).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var (iin, details) in students)
        {
            if (!known.Contains(iin.Value))
            {
                db.Students.Add(new Student(iin, details, time.GetUtcNow()));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await SeedUsersAsync(services, db, options, organisations, students, time, cancellationToken);
    }

    /// <summary>Readiness records of the schools and the college under the edition in force, s2's incomplete (<see cref="DemoReadiness"/>).</summary>
    public static Task SeedReadinessAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        DemoReadiness.SeedAsync(services, cancellationToken);

    /// <summary>The demo users as (user name, role, organisation code or null for parents).</summary>
    public static IReadOnlyList<(string UserName, string Role, string? Organisation)> Users()
    {
        var users = new List<(string, string, string?)>();
        foreach (var school in new[] { "s1", "s2" })
        {
            users.Add(($"clerk.{school}", QadamRoles.Clerk, school));
            users.Add(($"psychologist.{school}", QadamRoles.Psychologist, school));
            users.Add(($"teacher.{school}", QadamRoles.ClassTeacher, school));
            users.Add(($"socialpedagogue.{school}", QadamRoles.SocialPedagogue, school));
            users.AddRange(Enumerable.Range(1, 5).Select(i => ($"council{i}.{school}", QadamRoles.CouncilMember, (string?)school)));
            users.Add(($"secretary.{school}", QadamRoles.CouncilSecretary, school));
            users.AddRange(Enumerable.Range(1, 3).Select(i => ($"trustee{i}.{school}", QadamRoles.Trustee, (string?)school)));
            users.Add(($"head.{school}", QadamRoles.Head, school));
        }

        // An emergency order or a frost reaches every school of the territory, and each school's head signs its order.
        users.Add(("head.s3", QadamRoles.Head, "s3"));
        users.Add(("clerk.c1", QadamRoles.Clerk, "c1"));
        users.Add(("head.c1", QadamRoles.Head, "c1"));
        users.AddRange(Enumerable.Range(1, 5).Select(i => ($"council{i}.c1", QadamRoles.CouncilMember, (string?)"c1")));
        // The college council's decision on a parent's application is recorded by its secretary (2025 para 28(2)).
        users.Add(("secretary.c1", QadamRoles.CouncilSecretary, "c1"));
        // A pedagogical college: every application there meets the exclusion of 2025 para 3 (349 para 3-1 before).
        users.Add(("clerk.c2", QadamRoles.Clerk, "c2"));
        users.Add(("head.c2", QadamRoles.Head, "c2"));
        users.AddRange(Enumerable.Range(1, 3).Select(i => ($"council{i}.c2", QadamRoles.CouncilMember, (string?)"c2")));
        users.Add(("secretary.c2", QadamRoles.CouncilSecretary, "c2"));
        users.Add(("regional.r1", QadamRoles.RegionalOfficer, "r1"));
        users.Add(("legal.r1", QadamRoles.LegalEditor, "r1"));
        users.Add(("auditor.r1", QadamRoles.Auditor, "r1"));
        users.Add(("admin.mon", QadamRoles.Administrator, "mon"));
        users.Add(("parent.p1", QadamRoles.Parent, null));
        users.Add(("parent.p2", QadamRoles.Parent, null));
        users.AddRange(DemoUniversity.Users());
        // The person replacing s1's head: a frost order is the head's "or the person replacing the head" (103 para 15).
        // Last in the list, so the IINs of the users above stay as they were.
        users.Add(("deputy.s1", QadamRoles.DeputyHead, "s1"));
        return users;
    }

    /// <summary>The demo roster: the same students with the same IINs on every run.</summary>
    public static List<(Iin Iin, StudentDetails Details)> Roster(IReadOnlyDictionary<string, Guid> organisations)
    {
        var roster = new List<(Iin, StudentDetails)>();
        var serial = 100;
        var n = 0;
        foreach (var c in Classes)
        {
            for (var i = 0; i < c.Count; i++, n++)
            {
                var girl = n % 2 == 1;
                var born = new DateOnly(c.BirthYear, 1 + (n % 12), 1 + (n * 7 % 28));
                var iin = MakeIin(born, girl ? 6 : 5, ref serial);
                var parentIin = MakeIin(new DateOnly(1980 + (n % 10), 1 + (n * 5 % 12), 1 + (n * 3 % 28)), 3 + (n % 2), ref serial);
                var surname = Surnames[n % Surnames.Length];
                var name = (girl ? surname + "а" : surname) + " " + (girl ? GirlsNames : BoysNames)[n % 8];
                var parentName = (n % 2 == 0 ? surname : surname + "а") + " " + ParentNames[n % ParentNames.Length];
                var phone = "+7701" + (1000000 + (n * 7919 % 9000000)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                roster.Add((iin, new StudentDetails(
                    name, organisations[c.OrganisationCode], c.ClassName, n % 3 == 2 ? Shift.Second : Shift.First, c.Level,
                    parentIin.Value, parentName, phone)));
            }
        }

        return roster;
    }

    internal static Iin MakeIin(DateOnly born, int centuryAndSex, ref int serial)
    {
        while (true)
        {
            var eleven = born.ToString("yyMMdd", System.Globalization.CultureInfo.InvariantCulture)
                         + centuryAndSex.ToString(System.Globalization.CultureInfo.InvariantCulture)
                         + serial.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            serial++;
            if (Iin.Complete(eleven) is { } complete)
            {
                return Iin.Parse(complete);
            }
        }
    }

    private static async Task SeedOrganisationsAsync(QadamDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Organisations.AnyAsync(o => o.Code == "r1", cancellationToken))
        {
            await SeedPedagogicalCollegeAsync(db, cancellationToken);
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
        await SeedPedagogicalCollegeAsync(db, cancellationToken);
    }

    /// <summary>
    /// A college that runs pedagogical programmes, where distance learning is not provided (order 349 Annex 2 para 3-1,
    /// 2025 Annex 1 para 3). It lies in a second region, r2, so that r1's officers, lists and student counts stay as they
    /// were; its small demo group (ПО-24) is in the roster above.
    /// </summary>
    private static async Task SeedPedagogicalCollegeAsync(QadamDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Organisations.AnyAsync(o => o.Code == "c2", cancellationToken))
        {
            return;
        }

        var ministry = await db.Organisations.SingleAsync(o => o.Code == "mon", cancellationToken);
        var region = new Organisation("r2", OrganisationKind.Region,
            "Ақмола облысының білім басқармасы", "Управление образования Акмолинской области", ministry);
        var college = new Organisation("c2", OrganisationKind.College,
            "Көкшетау жоғары педагогикалық колледжі", "Кокшетауский высший педагогический колледж", region);
        college.SetProgrammes(RestrictedProgrammes.Pedagogical);
        db.Organisations.AddRange(region, college);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task SeedUsersAsync(
        IServiceProvider services, QadamDbContext db, QadamOptions options, Dictionary<string, Guid> organisations,
        List<(Iin Iin, StudentDetails Details)> students, TimeProvider time, CancellationToken cancellationToken)
    {
        var normalizer = services.GetRequiredService<ILookupNormalizer>();
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var role in QadamRoles.UserRoles.Where(r => !roles.ContainsKey(r)))
        {
            var entity = new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7(), NormalizedName = normalizer.NormalizeName(role) };
            db.Roles.Add(entity);
            roles[role] = entity.Id;
        }

        var existing = (await db.Users.Select(u => u.UserName!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        // One hash for all: every demo user has the same documented password, so one salt hides nothing more.
        var hasher = services.GetRequiredService<IPasswordHasher<QadamUser>>();
        var passwordHash = hasher.HashPassword(new QadamUser(), string.IsNullOrEmpty(options.DemoPassword) ? DefaultPassword : options.DemoPassword);

        // parent.p1 is linked to the first student of s1; parent.p2 may link the first student of s2 themself.
        var firstOfS1 = students.First(s => s.Details.OrganisationId == organisations["s1"]);
        var firstOfS2 = students.First(s => s.Details.OrganisationId == organisations["s2"]);
        var parentIins = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["parent.p1"] = firstOfS1.Details.ParentIin!,
            ["parent.p2"] = firstOfS2.Details.ParentIin!,
        };

        QadamUser? p1 = null;
        // Staff sign documents, and a signature names its signer by IIN (SERIALNUMBER=IIN…), so they get one too.
        var staffSerial = 8000;
        var all = Users();
        var staffNames = all.Select((u, i) => (u.UserName, Name: DemoStaffNames.Of(i))).ToDictionary(u => u.UserName, u => u.Name, StringComparer.Ordinal);
        // A database seeded before staff had names keeps the account as the name: give those accounts their person's name.
        var placeholders = all.Where(u => existing.Contains(u.UserName)).ToDictionary(u => u.UserName, u => u.Organisation, StringComparer.Ordinal);
        foreach (var named in await db.Users.Where(u => placeholders.Keys.Contains(u.UserName!)).ToListAsync(cancellationToken))
        {
            if (DemoStaffNames.IsAccountPlaceholder(named.DisplayName, named.UserName!, placeholders[named.UserName!]))
            {
                named.DisplayName = staffNames[named.UserName!];
            }
        }

        foreach (var (userName, role, organisation) in all.Where(u => !existing.Contains(u.UserName)))
        {
            var iin = parentIins.GetValueOrDefault(userName) ?? DemoUniversity.StudentIin(userName)
                      ?? MakeIin(new DateOnly(1975, 1, 1).AddDays(staffSerial * 37 % 7000), 3 + (staffSerial % 2), ref staffSerial).Value;
            var user = new QadamUser(
                userName,
                DemoUniversity.StudentName(userName) ?? DemoUniversity.StaffName(userName)
                // Both halves carry the number: the header shows the half of the screen's language ("Ата-ана p1" / "Родитель p1").
                ?? (organisation is null ? $"Ата-ана {userName[^2..]} / Родитель {userName[^2..]}" : staffNames[userName]),
                organisation is null ? null : organisations[organisation],
                iin)
            {
                NormalizedUserName = normalizer.NormalizeName(userName),
                PasswordHash = passwordHash,
                LockoutEnabled = true,
                ConcurrencyStamp = Guid.NewGuid().ToString(),
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roles[role] });
            if (userName == "parent.p1")
            {
                p1 = user;
            }
        }

        if (p1 is not null)
        {
            var childId = await db.Students.Where(s => s.Iin == firstOfS1.Iin.Value).Select(s => s.Id).SingleAsync(cancellationToken);
            db.ParentLinks.Add(new ParentLink(p1.Id, childId, time.GetUtcNow()));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
