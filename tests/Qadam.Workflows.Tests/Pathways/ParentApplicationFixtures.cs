using System.Text.Json.Nodes;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>Start variables of a parent application as the API fills them.</summary>
internal static class ParentApplicationCase
{
    /// <summary>Born 2016-03-15: nine on 1 September 2025.</summary>
    public const string NineYearOld = "160315500017";

    /// <summary>Born 2014-09-01: eleven on 1 September 2025.</summary>
    public const string ElevenYearOld = "140901500039";

    public static JsonObject Secondary(string iin, string school, int councilMembers = 5, int trustees = 3) => new()
    {
        ["student"] = new JsonObject
        {
            ["iin"] = iin, ["fullName"] = "Сапаров Нұрлан Ерланұлы", ["birthDate"] = null, ["class"] = "4Б",
            ["level"] = "secondary", ["organisation"] = school,
        },
        ["organisation"] = school,
        ["ground"] = "parent",
        ["applicant"] = new JsonObject { ["fullName"] = "Сапарова Айгүл Маратқызы", ["iin"] = "900615400019", ["relation"] = "mother" },
        ["language"] = "kk",
        ["data"] = new JsonObject { ["reason"] = "Отбасы жағдайына байланысты / По семейным обстоятельствам", ["from"] = "2025-09-15" },
        ["council"] = new JsonObject { ["members"] = Members("council", councilMembers, school) },
        ["trustees"] = new JsonObject { ["members"] = Members("trustee", trustees, school) },
    };

    public static JsonObject Tvet(string college, string programmeGroup) => new()
    {
        ["student"] = new JsonObject
        {
            ["iin"] = "080112500046", ["fullName"] = "Омаров Данияр Асқарұлы", ["class"] = "2 курс", ["level"] = "tvet",
            ["organisation"] = college, ["programmeGroup"] = programmeGroup, ["programme"] = "06130100 Бағдарламалық қамтамасыз ету",
        },
        ["organisation"] = college,
        ["ground"] = "parent",
        ["applicant"] = new JsonObject { ["fullName"] = "Омарова Гүлнар", ["relation"] = "mother" },
        ["language"] = "ru",
        ["data"] = new JsonObject { ["reason"] = "По семейным обстоятельствам" },
    };

    /// <summary>The head's list of disciplines and modules allowed at a distance (349 Annex 2 para 16; 2025 Annex 1 para 6).</summary>
    public static JsonObject ApprovedDisciplines() => new()
    {
        ["disciplinesProgramme"] = "06130100 Бағдарламалық қамтамасыз ету / Программное обеспечение",
        ["disciplinesList"] = "Ағылшын тілі / Английский язык\nДерекқорлар / Базы данных",
    };

    private static JsonArray Members(string prefix, int count, string organisation) =>
        [.. Enumerable.Range(1, count).Select(i => (JsonNode)new JsonObject { ["user"] = $"{prefix}{i}.{organisation}", ["organisation"] = organisation })];
}
