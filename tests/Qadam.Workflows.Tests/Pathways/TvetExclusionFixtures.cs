using System.Text.Json.Nodes;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>Start variables of a case at a college that runs pedagogical programmes, as FileCase fills them.</summary>
internal static class TvetExclusionCase
{
    public const string PedagogicalCollege = "c-kokshetau-ped";

    public static JsonObject At(string ground, string organisation = PedagogicalCollege, string[]? programmes = null) => new()
    {
        ["student"] = new JsonObject
        {
            ["iin"] = "080112500046", ["fullName"] = "Омаров Данияр Асқарұлы", ["class"] = "БМ-24", ["level"] = "Tvet",
            ["organisation"] = organisation, ["organisationKind"] = "College",
            ["organisationProgrammes"] = new JsonArray([.. (programmes ?? ["pedagogical"]).Select(p => (JsonNode)p)]),
        },
        ["organisation"] = organisation,
        ["ground"] = ground,
        ["applicant"] = new JsonObject { ["fullName"] = "Омарова Гүлнар", ["relation"] = "mother" },
        ["language"] = "ru",
        ["data"] = new JsonObject { ["reason"] = "По семейным обстоятельствам" },
        ["council"] = new JsonObject { ["members"] = new JsonArray() },
        ["trustees"] = new JsonObject { ["members"] = new JsonArray() },
    };

    /// <summary>
    /// Start variables of an organisation's own case (tvet-online) as FileCase fills them: the college and a programme, no
    /// student; the exclusion table reads the college's restricted programmes as <c>school.programmes</c>.
    /// </summary>
    public static JsonObject Organisation(string organisation = PedagogicalCollege, string[]? programmes = null) => new()
    {
        ["organisation"] = organisation,
        ["school"] = new JsonObject
        {
            ["organisation"] = organisation, ["kind"] = "College",
            ["programmes"] = new JsonArray([.. (programmes ?? ["pedagogical"]).Select(p => (JsonNode)p)]),
        },
        ["programme"] = new JsonObject { ["code"] = "01140100", ["name"] = "Педагогика и методика начального обучения" },
        ["programmeCode"] = "01140100",
        ["programmeName"] = "Педагогика и методика начального обучения",
        ["ground"] = "online",
        ["applicant"] = new JsonObject { ["id"] = "clerk", ["name"] = "Сейітова Ә." },
        ["language"] = "ru",
        ["data"] = new JsonObject(),
        ["council"] = new JsonObject { ["members"] = new JsonArray() },
        ["trustees"] = new JsonObject { ["members"] = new JsonArray() },
    };

    public static JsonObject VkkConclusion(DateOnly today) => new()
    {
        ["conclusionNumber"] = "ДКК-5521", ["conclusionDate"] = Iso(today), ["medicalOrganisation"] = "Городская поликлиника № 4",
        ["periodFrom"] = Iso(today), ["periodTo"] = Iso(today.AddDays(30)),
    };

    public static JsonObject CompetitionLetter(DateOnly today) => new()
    {
        ["authorityName"] = "Министерство туризма и спорта РК", ["letterNumber"] = "04-2/1187", ["letterDate"] = Iso(today),
        ["eventKind"] = "sport", ["eventName"] = "Чемпионат Азии (дзюдо)", ["eventLevel"] = "international",
        ["periodFrom"] = Iso(today.AddDays(5)), ["periodTo"] = Iso(today.AddDays(14)), ["departsToDangerZone"] = false,
    };

    public static JsonObject Refusal() => new()
    {
        ["refusalReasonKk"] = "Колледж педагогикалық білім беру бағдарламаларын іске асырады",
        ["refusalReasonRu"] = "Колледж реализует программы педагогического образования",
        ["refusalLegalBasis"] = "Приказ № 349 в ред. приказа № 103, приложение 1, п. 3",
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
