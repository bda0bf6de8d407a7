using System.Text.Json.Nodes;
using Qadam.Documents.Rendering;

namespace Qadam.Documents.Tests.Samples;

/// <summary>A template of one kind the pathways issue, with case data and the text a reader must see.</summary>
internal sealed record SampleDocument(
    string Name,
    DocumentLanguage Language,
    string DocumentType,
    byte[] Template,
    JsonObject Data,
    IReadOnlyList<string> KnownVariables,
    IReadOnlyList<string> ExpectedTexts)
{
    public override string ToString() => Name;
}

/// <summary>
/// The six kinds of document the pathways issue, in Kazakh and Russian, with Kazakh letters
/// (ә ғ қ ң ө ұ ү һ і) in the data, split placeholders and repeating rows.
/// </summary>
internal static class SampleDocuments
{
    public const string KazakhLetters = "әғқңөұүһі";

    public static IReadOnlyList<SampleDocument> All() =>
        [TransferOrder(), CouncilProtocolExtract(), ParentNotice(), LivingConditionsAct(), PsychologistConclusion(), WeatherOrder(12)];

    public static SampleDocument TransferOrder()
    {
        var template = new TemplateBuilder()
            .Title("ПРИКАЗ")
            .Text("№ {{docu", "ment.num", "ber}} от {{document.date}}")
            .Title("О переводе на дистанционное обучение")
            .Text("В соответствии с заявлением родителя ", "{{parent.ful", "lName}} и решением педагогического совета")
            .Text("ПРИКАЗЫВАЮ:")
            .Field("1. Перевести обучающегося ", "student.fullName", "")
            .Text("(ИИН {{student", ".iin}}), ученика {{student.grade}} класса, на дистанционное обучение")
            .Field("с ", "period.from")
            .Field("по ", "period.to")
            .Field("2. Основание: ", "decision.reason")
            .Field("Директор ", "school.directorName")
            .Build();
        var data = Json("""
            {
              "parent": { "fullName": "Құдайбергенова Әлия Ғалымқызы" },
              "student": { "fullName": "Үсенов Өмірзақ Ұланұлы", "iin": "061211600012", "grade": "7 «Ә»" },
              "period": { "from": "2025-05-05", "to": "2025-05-30" },
              "decision": { "reason": "медицинское заключение ВКК № 1452" },
              "school": { "directorName": "Шаһмарданова Гүлнәр Сейітқызы" }
            }
            """);
        return new SampleDocument("transfer order (ru)", DocumentLanguage.Ru, "ORDER", template, data,
            ["parent.fullName", "student.fullName", "student.iin", "student.grade", "period.from", "period.to", "decision.reason", "school.directorName"],
            ["ПРИКАЗ", "Құдайбергенова Әлия Ғалымқызы", "Үсенов Өмірзақ Ұланұлы", "061211600012", "5 мая 2025 года", "30 мая 2025 года",
             "медицинское заключение ВКК № 1452", "Шаһмарданова Гүлнәр Сейітқызы", "SCH001-ORDER-"]);
    }

    public static SampleDocument CouncilProtocolExtract()
    {
        var template = new TemplateBuilder()
            .Title("Педагогикалық кеңес отырысының хаттамасынан үзінді")
            .Text("Тіркеу № {{document.number}}")
            .Text("Хаттама № {{meet", "ing.number}}, {{meeting.date}}")
            .Field("Күн тәртібі: ", "meeting.agenda")
            .Text("Дауыс беру нәтижесі:")
            .Table("votes", wordRepeatingSection: true, ["Кеңес мүшесі", "Лауазымы", "Дауыс"], ["memberName", "position", "{{vote}}"])
            .Text("«Иә» — {{result.for}}, «жоқ» — {{result.against}}")
            .Field("Шешім: ", "decision.text")
            .Text("Хатшы {{secretary.fullName}}")
            .Build();
        var data = Json("""
            {
              "meeting": { "number": 14, "date": "2025-05-02", "agenda": "Өмірзақ Үсеновті қашықтан оқытуға ауыстыру туралы" },
              "votes": [
                { "memberName": "Нұрланова Айгүл", "position": "директор", "vote": "иә" },
                { "memberName": "Тұңғышбаев Ғабит", "position": "мұғалім", "vote": "иә" },
                { "memberName": "Һәдиева Көркем", "position": "психолог", "vote": "жоқ" }
              ],
              "result": { "for": 2, "against": 1 },
              "decision": { "text": "ауыстыру мақұлдансын" },
              "secretary": { "fullName": "Ісләмова Дінара" }
            }
            """);
        return new SampleDocument("council protocol extract (kk)", DocumentLanguage.Kk, "PROTOCOL", template, data,
            ["meeting.number", "meeting.date", "meeting.agenda", "votes", "votes.memberName", "votes.position", "votes.vote",
             "result.for", "result.against", "decision.text", "secretary.fullName"],
            ["хаттамасынан үзінді", "Хаттама № 14", "2025 жылғы 2 мамыр", "Нұрланова Айгүл", "Тұңғышбаев Ғабит", "Һәдиева Көркем",
             "психолог", "ауыстыру мақұлдансын", "Ісләмова Дінара"]);
    }

    public static SampleDocument ParentNotice()
    {
        var template = new TemplateBuilder()
            .Title("Ата-анаға хабарлама")
            .Text("Құрметті {{par", "ent.fullName}}!")
            .Text("Сіздің баланыңыз {{student.fullName}} {{decision.date}} бастап қашықтан оқытуға ауыстырылды.")
            .Field("Мектеп: ", "school.name")
            .Text("Шығ. № {{document.number}}")
            .Build();
        var data = Json("""
            {
              "parent": { "fullName": "Ғалымжан Сәрсенбайұлы" },
              "student": { "fullName": "Әмина Ғалымжанқызы" },
              "decision": { "date": "2025-09-01" },
              "school": { "name": "Өскемен қаласының № 43 мектеп-гимназиясы" }
            }
            """);
        return new SampleDocument("parent notice (kk)", DocumentLanguage.Kk, "NOTICE", template, data,
            ["parent.fullName", "student.fullName", "decision.date", "school.name"],
            ["Құрметті Ғалымжан Сәрсенбайұлы!", "Әмина Ғалымжанқызы", "2025 жылғы 1 қыркүйек", "Өскемен қаласының № 43 мектеп-гимназиясы"]);
    }

    public static SampleDocument LivingConditionsAct()
    {
        var template = new TemplateBuilder()
            .Title("Акт обследования жилищно-бытовых условий")
            .Text("Рег. № {{document.number}} от {{document.date}}")
            .Text("Дата обследования: {{inspec", "tion.date}}")
            .Field("Адрес: ", "family.address")
            .Text("Комиссия в составе:")
            .EachParagraph("commission", "— {{fullName}}, ", "{{posi", "tion}}")
            .Text("Площадь жилья: {{family.area}} кв. м, проживает {{family.members}} человек")
            .BlockField("findings")
            .Build();
        var data = Json("""
            {
              "inspection": { "date": "2025-02-14" },
              "family": { "address": "г. Шымкент, мкр. Нұрсәт, д. 12, кв. 48", "area": 54.5, "members": 5 },
              "commission": [
                { "fullName": "Бекова Сәуле Қайратовна", "position": "социальный педагог" },
                { "fullName": "Ильин Пётр Сергеевич", "position": "классный руководитель" }
              ],
              "findings": "Условия для обучения на дому имеются.\nРабочее место оборудовано."
            }
            """);
        return new SampleDocument("living-conditions act (ru)", DocumentLanguage.Ru, "ACT", template, data,
            ["inspection.date", "family.address", "family.area", "family.members", "commission", "commission.fullName", "commission.position", "findings"],
            ["14 февраля 2025 года", "мкр. Нұрсәт", "Бекова Сәуле Қайратовна, социальный педагог", "Ильин Пётр Сергеевич",
             "54,5 кв. м", "Условия для обучения на дому имеются.", "Рабочее место оборудовано."]);
    }

    public static SampleDocument PsychologistConclusion()
    {
        var template = new TemplateBuilder()
            .Title("Заключение педагога-психолога")
            .Text("Рег. № {{document.number}}")
            .Field("Обучающийся: ", "student.fullName")
            .Text("Дата рождения: {{student.birth", "Date}}, класс {{student.grade}}")
            .Field("Заключение: ", "conclusion.text")
            .Field("Рекомендации: ", "conclusion.recommendations")
            .Text("Педагог-психолог {{psychologist.fullName}}, {{conclusion.date}}")
            .Build();
        var data = Json("""
            {
              "student": { "fullName": "Жұмабекова Іңкәр", "birthDate": "2012-03-08", "grade": "6 «Б»" },
              "conclusion": {
                "text": "эмоциональное состояние устойчивое",
                "recommendations": "дистанционное обучение с консультациями раз в неделю",
                "date": "2025-10-20"
              },
              "psychologist": { "fullName": "Оспанова Айғаным" }
            }
            """);
        return new SampleDocument("psychologist conclusion (ru)", DocumentLanguage.Ru, "CONCLUSION", template, data,
            ["student.fullName", "student.birthDate", "student.grade", "conclusion.text", "conclusion.recommendations", "conclusion.date", "psychologist.fullName"],
            ["Жұмабекова Іңкәр", "8 марта 2012 года", "эмоциональное состояние устойчивое", "Оспанова Айғаным", "20 октября 2025 года"]);
    }

    public static SampleDocument WeatherOrder(int classCount)
    {
        var template = new TemplateBuilder()
            .Title("БҰЙРЫҚ")
            .Text("№ {{document.number}}, {{document.date}}")
            .Title("Ауа райына байланысты қашықтан оқытуға ауыстыру туралы")
            .Text("Ауа температурасы {{weather.temper", "ature}} °C, жел жылдамдығы {{weather.wind}} м/с болуына байланысты")
            .Field("Ауысым: ", "weather.shift")
            .Text("Төмендегі сыныптар қашықтан оқытуға ауыстырылсын:")
            .Table("classes", wordRepeatingSection: false, ["Сынып", "Оқушы саны", "Сынып жетекшісі"], ["{{grade}}", "{{students}}", "teacher"])
            .Text("Директор {{school.directorName}}")
            .Build();
        var classes = new JsonArray();
        string[] letters = ["А", "Ә", "Б", "В", "Г", "Ғ"];
        for (var i = 0; i < classCount; i++)
        {
            classes.Add(new JsonObject
            {
                ["grade"] = $"{i % 11 + 1} «{letters[i % letters.Length]}»",
                ["students"] = 20 + i % 9,
                ["teacher"] = $"Мұғалім {i + 1:00} Өтегенқызы",
            });
        }

        var data = Json("""
            {
              "weather": { "temperature": -32, "wind": 6, "shift": "бірінші ауысым" },
              "school": { "directorName": "Қасымов Нұржан" }
            }
            """);
        data["classes"] = classes;
        var expected = new List<string> { "БҰЙРЫҚ", "-32", "бірінші ауысым", "Қасымов Нұржан", "Мұғалім 01 Өтегенқызы" };
        expected.Add($"Мұғалім {classCount:00} Өтегенқызы");
        return new SampleDocument($"weather order with {classCount} classes (kk)", DocumentLanguage.Kk, "ORDER", template, data,
            ["weather.temperature", "weather.wind", "weather.shift", "classes", "classes.grade", "classes.students", "classes.teacher", "school.directorName"],
            expected);
    }

    private static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();
}
