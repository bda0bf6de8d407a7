using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Features.Students;
using Qadam.Api.Features.Universities;
using Qadam.Api.Persistence;
using Qadam.Identifiers;

namespace Qadam.Api.Hosting;

/// <summary>
/// The Demo profile's university: under the Ministry of Science and Higher Education (not under a regional
/// department), two faculties, programmes in both cap groups of order 97 para 20 (pedagogy and law: 20 % of the
/// disciplines; economics and information technology: 50 %), and students with their plans. <c>student.u1</c> studies
/// pedagogy with one of ten disciplines already at a distance, <c>student2.u1</c> economics with four of ten.
/// </summary>
internal static class DemoUniversity
{
    public const string Code = "u1";

    private sealed record DemoStudent(
        string UserName, string FullName, DateOnly Born, int Sex, string Programme, string Group, int Year, int AtDistance);

    private static readonly DemoStudent[] Students =
    [
        new("student.u1", "Сәрсенбаева Айгерім Қайратқызы", new DateOnly(2005, 3, 14), 6, "6B01101", "ПП-23", 2, 1),
        new("student2.u1", "Жақсылықов Ерлан Бауыржанұлы", new DateOnly(2004, 9, 2), 5, "6B04101", "ЭК-22", 3, 4),
        new("student3.u1", "Мұратова Дана Серікқызы", new DateOnly(2004, 11, 20), 6, "6B04201", "ЮР-22", 3, 1),
        new("student4.u1", "Қалиев Темірлан Асқарұлы", new DateOnly(2001, 6, 8), 5, "7M06101", "ИТ-М-24", 1, 2),
    ];

    private static readonly (string Code, string Faculty, string NameKk, string NameRu, string Field, EducationLevel Level, string Kind)[] Programmes =
    [
        ("6B01101", "u1-f1", "Педагогика және психология", "Педагогика и психология", "pedagogy", EducationLevel.Bachelor, "regular"),
        ("6B04201", "u1-f2", "Құқықтану", "Юриспруденция", "law", EducationLevel.Bachelor, "regular"),
        ("6B04101", "u1-f2", "Экономика", "Экономика", "economics", EducationLevel.Bachelor, "regular"),
        ("7M06101", "u1-f1", "Ақпараттық жүйелер", "Информационные системы", "it", EducationLevel.Master, "regular"),
        // Order 374 para 21 caps MBA programmes at 30 credits with distance technologies: the kind is the programme's record.
        ("7M04102", "u1-f2", "Іскерлік әкімшілендіру (MBA)", "Деловое администрирование (MBA)", "economics", EducationLevel.Master, "mba"),
    ];

    private static readonly (string Code, string Kk, string Ru, int Credits)[] Disciplines =
    [
        ("D01", "Қазақстанның қазіргі заман тарихы", "Современная история Казахстана", 5),
        ("D02", "Философия", "Философия", 5),
        ("D03", "Шетел тілі", "Иностранный язык", 5),
        ("D04", "Ақпараттық-коммуникациялық технологиялар", "Информационно-коммуникационные технологии", 5),
        ("D05", "Кәсіби қазақ (орыс) тілі", "Профессиональный казахский (русский) язык", 5),
        ("D06", "Мамандыққа кіріспе", "Введение в специальность", 5),
        ("D07", "Зерттеу әдістері", "Методы исследования", 5),
        ("D08", "Статистика", "Статистика", 5),
        ("D09", "Кәсіби практика", "Профессиональная практика", 5),
        ("D10", "Элективті курс (MOOC)", "Элективный курс (MOOC)", 5),
    ];

    /// <summary>The demo users of the university as (user name, role, organisation code or null for students).</summary>
    public static IEnumerable<(string UserName, string Role, string? Organisation)> Users() =>
    [
        ("registrar.u1", Features.Identity.QadamRoles.Registrar, Code),
        ("dean.u1", Features.Identity.QadamRoles.Dean, Code),
        ("council1.u1", Features.Identity.QadamRoles.AcademicCouncil, Code),
        ("rector.u1", Features.Identity.QadamRoles.Rector, Code),
        .. Students.Select(s => (s.UserName, Features.Identity.QadamRoles.Student, (string?)null)),
    ];

    /// <summary>The student's own IIN for a student account, so the account sees its own record only.</summary>
    public static string? StudentIin(string userName) =>
        Students.FirstOrDefault(s => s.UserName == userName) is { } s ? IinOf(s).Value : null;

    /// <summary>A student account's display name: the student's name.</summary>
    public static string? StudentName(string userName) => Students.FirstOrDefault(s => s.UserName == userName)?.FullName;

    /// <summary>
    /// The university staff's names, for the header and the case history (a person, not an account name); the staff of
    /// a university are named people in their orders (the rector signs, the dean reviews).
    /// </summary>
    public static string? StaffName(string userName) => userName switch
    {
        "registrar.u1" => "Жұмабекова Сәуле Нұрланқызы",
        "dean.u1" => "Әбілов Ерлан Қайратұлы",
        "council1.u1" => "Серікбаева Гүлнар Әлібекқызы",
        "rector.u1" => "Омаров Бауыржан Серікұлы",
        _ => null,
    };

    public static async Task SeedAsync(QadamDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await db.Organisations.AnyAsync(o => o.Code == Code, cancellationToken))
        {
            return;
        }

        var ministry = await db.Organisations.SingleOrDefaultAsync(o => o.Code == "mnvo", cancellationToken);
        if (ministry is null)
        {
            ministry = new Organisation("mnvo", OrganisationKind.Ministry,
                "Қазақстан Республикасы Ғылым және жоғары білім министрлігі", "Министерство науки и высшего образования Республики Казахстан");
            db.Organisations.Add(ministry);
        }

        var university = new Organisation(Code, OrganisationKind.University,
            "Астана педагогикалық және экономикалық университеті", "Астанинский педагогический и экономический университет", ministry);
        var f1 = new Organisation("u1-f1", OrganisationKind.Faculty, "Педагогика факультеті", "Педагогический факультет", university);
        var f2 = new Organisation("u1-f2", OrganisationKind.Faculty, "Экономика және құқық факультеті", "Факультет экономики и права", university);
        db.Organisations.AddRange(university, f1, f2);
        var faculties = new Dictionary<string, Guid>(StringComparer.Ordinal) { ["u1-f1"] = f1.Id, ["u1-f2"] = f2.Id };
        var programmes = Programmes.ToDictionary(
            p => p.Code,
            p => new UniversityProgramme(university.Id, faculties[p.Faculty], p.Code, p.NameKk, p.NameRu, p.Field, p.Level, p.Kind),
            StringComparer.Ordinal);
        db.UniversityProgrammes.AddRange(programmes.Values);
        foreach (var s in Students)
        {
            var programme = programmes[s.Programme];
            var details = new StudentDetails(s.FullName, university.Id, s.Group, Shift.First, programme.Level, null, null, null);
            var student = new Student(IinOf(s), details, time.GetUtcNow());
            db.Students.Add(student);
            // The first AtDistance disciplines already have 20 % of their hours at a distance; D10 is a MOOC.
            var plan = Disciplines.Select((d, i) => new PlanDiscipline(
                d.Code, d.Kk, d.Ru, d.Credits, d.Credits * 30, i < s.AtDistance ? d.Credits * 6 : 0, d.Code == "D10")).ToList();
            var credits = programme.Level == EducationLevel.Master ? 120 : 240;
            db.StudyPlans.Add(new StudyPlan(student.Id, programme.Id, s.Year, credits, 0, plan));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static Iin IinOf(DemoStudent s)
    {
        var serial = 7000 + Array.IndexOf(Students, s) * 10;
        return DemoData.MakeIin(s.Born, s.Sex, ref serial);
    }
}
