namespace Qadam.Api.Hosting;

/// <summary>
/// The names of the Demo profile's school, college and regional staff. Histories, the readiness table and signed
/// documents name people, not accounts ("Ахметова Сәуле Нұрланқызы", not <c>head.s1</c>); a Kazakh full name in Cyrillic
/// reads the same on a Kazakh and a Russian screen, so one name serves both languages. The same account gets the same
/// name on every run (the name follows the account's place in <see cref="DemoData.Users"/>).
/// </summary>
internal static class DemoStaffNames
{
    private static readonly string[] Surnames =
    [
        "Ахметов", "Серікбаев", "Жұмабаев", "Қасымов", "Нұрланов", "Оспанов", "Төлеубаев", "Исаев", "Мұқанов", "Байжанов",
        "Сейітов", "Омаров", "Рахимов", "Есенов", "Тұрсынов", "Әбдірахманов", "Кенжебаев", "Сұлтанов", "Бекұлов",
    ];

    private static readonly string[] MenNames = ["Ерлан", "Дәулет", "Бауыржан", "Мұрат", "Ғалым", "Асқар", "Нұрлан", "Серік", "Қайрат"];

    private static readonly string[] WomenNames = ["Сәуле", "Гүлнар", "Айнұр", "Ләззат", "Жанар", "Мөлдір", "Әйгерім", "Динара", "Назгүл"];

    private static readonly string[] Fathers = ["Нұрлан", "Серік", "Қайрат", "Бақыт", "Ержан", "Талғат", "Әлібек", "Марат", "Болат", "Жомарт", "Санат"];

    /// <summary>The person's full name for the account at <paramref name="index"/> in the demo users' list.</summary>
    public static string Of(int index)
    {
        var woman = index % 2 == 0;
        var surname = Surnames[index % Surnames.Length];
        var name = (woman ? WomenNames : MenNames)[index / 2 % MenNames.Length];
        var father = Fathers[index * 7 % Fathers.Length];
        return woman ? $"{surname}а {name} {father}қызы" : $"{surname} {name} {father}ұлы";
    }

    /// <summary>The display name the demo data gave staff before they had names, which a later run replaces.</summary>
    public static bool IsAccountPlaceholder(string displayName, string userName, string? organisation) =>
        organisation is not null && string.Equals(displayName, $"{userName} ({organisation})", StringComparison.Ordinal);
}
