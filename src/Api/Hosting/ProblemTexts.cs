using System.Globalization;
using System.Text.RegularExpressions;

namespace Qadam.Api.Hosting;

/// <summary>
/// The Kazakh and Russian wording of the API's problem titles and field messages. The handlers word their problems in
/// English for developers (logs, <c>developerDetail</c>); a person reads one of these, in the language asked for by
/// <c>Accept-Language</c> (<see cref="ProblemLanguage"/>). A message with no entry reads as the generic sentence of its
/// status, never as English on a Kazakh or Russian screen.
/// </summary>
internal static partial class ProblemTexts
{
    private sealed record Text(Regex Pattern, string Kk, string Ru);

    private static readonly Text[] Titles =
    [
        T(@"The version cannot be published: .+", "Нұсқа жарияланбады.", "Редакция не опубликована."),
        T(@"The version is not a draft\.", "Жарияланған нұсқа өзгертілмейді.", "Опубликованная редакция не изменяется."),
        T(@"One or more (fields are not acceptable|validation errors occurred)\.", "Кейбір өрістер қабылданбады.", "Некоторые поля не приняты."),
        T(@"The data does not fit the form '.+'\.", "Нысан дұрыс толтырылмаған.", "Форма заполнена неверно."),
        T(@"The request is malformed\.", "Сұрау дұрыс құрылмаған.", "Запрос составлен неверно."),
        T(@"The request cannot be accepted\.", "Сұрау қабылданбады.", "Запрос не принят."),
        T(@"Not [Ff]ound\.?", "Табылмады.", "Не найдено."),
        T(@"Forbidden\.?", "Рұқсат жоқ.", "Доступ запрещён."),
        T(@"Unauthorized\.?", "Кіру қажет.", "Требуется вход."),
        T(@"Conflict\.?", "Жазба өзгерген, бетті жаңартыңыз.", "Запись изменилась, обновите страницу."),
        T(@"Bad Request\.?", "Сұрау дұрыс құрылмаған.", "Запрос составлен неверно."),
        T(@"An error occurred while processing your request\.", "Серверде қате шықты.", "На сервере произошла ошибка."),
        T(@"The document was not signed\.?", "Құжатқа қол қойылмады.", "Документ не подписан."),
        T(@"The template cannot be stored\.", "Үлгі сақталмады.", "Шаблон не сохранён."),
        T(@"The form cannot be changed\.", "Нысанды өзгертуге болмайды.", "Форму изменить нельзя."),
    ];

    private static readonly Text[] Messages =
    [
        // A published version's templates and forms (src/Api/Features/Definitions/PublishedVersionProblem.cs).
        T(@"Version (\d+) of '(.+)' is (?:published|retired): its templates and forms do not change; save a new draft from it \(POST \S+\) and change them there\.",
            "«$2» процесінің $1-нұсқасы жарияланған: оның үлгілері мен нысандары өзгермейді. Одан жаңа жоба жасап, өзгерісті сонда енгізіңіз.",
            "Редакция $1 процесса «$2» опубликована: её шаблоны и формы не меняются. Создайте из неё новый черновик и внесите изменения в нём."),
        // Publishing (src/Api/Features/Definitions/PublishDefinition.cs).
        T(@"Version (\d+) renders '(.+)' but has no (kk|ru) template for it: upload one \(POST \S+\) before publishing\.",
            "$1-нұсқа «$2» құжатын жасайды, бірақ оның $3 үлгісі жоқ: жарияламас бұрын үлгіні жүктеңіз.",
            "Редакция $1 формирует документ «$2», но шаблона ($3) для него нет: загрузите его до публикации."),
        T(@"Version (\d+): The task (.+) names the form '(.+)', which does not exist\. Create it \(PUT \S+\) before publishing\.",
            "$1-нұсқа: $2 қадамы «$3» нысанын атайды, бірақ ол жоқ. Жарияламас бұрын нысанды жасаңыз.",
            "Редакция $1: шаг $2 ссылается на форму «$3», которой нет. Создайте её до публикации."),
        // Correcting an effective date (src/Api/Features/Definitions/CorrectEffectiveDate.cs).
        T(@"Only a published version's effective date can be corrected; a draft gets its date when it is published\.",
            "Тек жарияланған нұсқаның күшіне ену күні түзетіледі; жобаның күні жариялау кезінде беріледі.",
            "Исправить дату вступления в силу можно только у опубликованной редакции; черновик получает дату при публикации."),
        T(@"The effective date must be between 2000 and 2100\.", "Күшіне ену күні 2000-2100 жылдар аралығында болуы керек.",
            "Дата вступления в силу должна быть между 2000 и 2100 годами."),
        T(@"Give the reason for the correction \(10 to 2000 characters\): the act's publication day and where it was found\.",
            "Түзету себебін көрсетіңіз (10-2000 таңба): актінің жарияланған күні және ол қайдан алынғаны.",
            "Укажите причину исправления (от 10 до 2000 символов): день опубликования акта и где он найден."),
        // The IIN (src/Identifiers/Iin.cs).
        T(@"The check digit of the IIN is wrong\.", "ЖСН-нің бақылау цифры қате.", "Неверная контрольная цифра ИИН."),
        T(@"An IIN has exactly 12 digits\.", "ЖСН дәл 12 цифрдан тұрады.", "ИИН состоит ровно из 12 цифр."),
        T(@"An IIN has digits only\.", "ЖСН тек цифрлардан тұрады.", "ИИН состоит только из цифр."),
        T(@"The seventh digit of an IIN gives century and sex and must be 1 to 6, not (.+)\.",
            "ЖСН-нің жетінші цифры ғасыр мен жынысты білдіреді: 1-ден 6-ға дейін болуы керек, $1 емес.",
            "Седьмая цифра ИИН означает век и пол и должна быть от 1 до 6, а не $1."),
        T(@"The first six digits of an IIN are the birth date YYMMDD; (\d+) is not a date\.",
            "ЖСН-нің алғашқы алты цифры — туған күн (ЖЖААКК); $1 күн емес.",
            "Первые шесть цифр ИИН — дата рождения (ГГММДД); $1 не является датой."),

        // Filing a case (src/Api/Features/Cases/FileCase.cs).
        T(@"A pathway is a definition key, e\.g\. ""parent-application""\.", "Процесті таңдаңыз.", "Выберите процесс."),
        T(@"Unknown ground '(.*)' for this pathway: the ground is a code of the edition, one of: (.+)\.",
            "«$1» бұл процестің негіздемесі емес: негіздеме редакцияның 3-тармағындағы тізімнен таңдалады ($2).",
            "«$1» не является основанием этого процесса: основание выбирается из перечня пункта 3 редакции ($2)."),
        T(@"The ground is required, at most 2000 characters\.", "Негізді жазыңыз (ең көбі 2000 таңба).",
            "Укажите основание (не более 2000 символов)."),
        T(@"The filing date (\S+) is in the future \(today is (\S+) in Kazakhstan\)\.",
            "Өтініш күні ($1) болашақта: бүгін $2.", "Дата подачи ($1) в будущем: сегодня $2."),
        T(@"The filing date (\S+) is more than a year ago\.", "Өтініш күні ($1) бір жылдан бұрын.",
            "Дата подачи ($1) более года назад."),
        T(@"The applicant's language is kk or ru\.", "Өтініш берушінің тілі: қазақ немесе орыс.",
            "Язык заявителя: казахский или русский."),
        T(@"The language is kk or ru\.", "Тіл: қазақ немесе орыс.", "Язык: казахский или русский."),
        // An organisation's own case, tvet-online (src/Api/Features/Cases/CaseScope.cs, CaseProgramme.cs).
        T(@"Online learning \(order 225; order 349 Annex 2\) is registered by a TVET organisation for its educational programme: file it as the college's staff\.",
            "Онлайн-оқытуды (№ 225 бұйрық; № 349 бұйрыққа 2-қосымша) ТжКББ ұйымы өз білім беру бағдарламасы бойынша тіркейді: оны колледж қызметкері ретінде беріңіз.",
            "Онлайн-обучение (приказ № 225; приложение 2 к приказу № 349) регистрирует организация ТиППО по своей образовательной программе: подайте его как работник колледжа."),
        T(@"Online learning \(order 225; order 349 Annex 2\) is filed for the organisation and an educational programme, not for a student: leave the student out\.",
            "Онлайн-оқыту (№ 225 бұйрық; № 349 бұйрыққа 2-қосымша) білім алушыға емес, ұйым мен білім беру бағдарламасына беріледі: білім алушыны көрсетпеңіз.",
            "Онлайн-обучение (приказ № 225; приложение 2 к приказу № 349) подаётся по организации и образовательной программе, а не по обучающемуся: обучающегося не указывайте."),
        T(@"The educational programme's code is required for online learning \(order 225 para 7; order 349 Annex 2 para 5\)\.",
            "Онлайн-оқыту үшін білім беру бағдарламасының коды міндетті (№ 225 бұйрық, 7-тармақ; № 349 бұйрыққа 2-қосымша, 5-тармақ).",
            "Для онлайн-обучения код образовательной программы обязателен (приказ № 225, п. 7; приложение 2 к приказу № 349, п. 5)."),
        T(@"The educational programme's name is required for online learning \(order 225 para 7; order 349 Annex 2 para 5\)\.",
            "Онлайн-оқыту үшін білім беру бағдарламасының атауы міндетті (№ 225 бұйрық, 7-тармақ; № 349 бұйрыққа 2-қосымша, 5-тармақ).",
            "Для онлайн-обучения наименование образовательной программы обязательно (приказ № 225, п. 7; приложение 2 к приказу № 349, п. 5)."),
        T(@"A programme code is eight digits of the TVET classifier \(06130100\) or a qualification code \(4S06130103\)\.",
            "Бағдарлама коды: ТжКББ жіктеуішінің сегіз цифры (06130100) немесе біліктілік коды (4S06130103).",
            "Код программы: восемь цифр классификатора ТиППО (06130100) или код квалификации (4S06130103)."),
        T(@"The programme's name is at most (\d+) characters\.", "Бағдарлама атауы $1 таңбадан аспайды.", "Наименование программы не длиннее $1 символов."),
        T(@"No student with this IIN is on the rosters of your organisations\.",
            "Бұл ЖСН-мен білім алушы сіздің ұйымдарыңыздың тізімінде жоқ.",
            "Обучающегося с таким ИИН нет в списках ваших организаций."),
        T(@"No version of '.+' is in force on (\S+): the pathway starts later\.",
            "$1 күні бұл процестің күшіндегі нұсқасы жоқ: ол кейінірек басталады.",
            "На $1 у этого процесса нет действующей редакции: он начинается позже."),
        T(@"No published pathway '.+'\.", "Мұндай жарияланған процесс жоқ.", "Такого опубликованного процесса нет."),
        T(@"The Idempotency-Key '(.+)' was already used for a different (?:request|filing).*",
            "Idempotency-Key «$1» басқа сұрауға қолданылған: жаңа сұрауға жаңа кілт жіберіңіз.",
            "Idempotency-Key «$1» уже использован для другого запроса: для нового запроса нужен новый ключ."),
        T(@"At most (\d+) characters\.", "Ең көбі $1 таңба.", "Не более $1 символов."),
        T(@"At least (\d+) characters\.", "Кемінде $1 таңба.", "Не менее $1 символов."),

        // Broadcasting a signal (src/Api/Features/Signals/BroadcastSignalEndpoint.cs).
        T(@"The signal's name is required, at most (\d+) characters\.", "Сигналдың атауын жазыңыз (ең көбі $1 таңба).",
            "Укажите название сигнала (не более $1 символов)."),
        T(@"A regional officer broadcasts within an emergency order: give its id as the scope\.",
            "Өңірлік маман сигналды төтенше жағдай туралы бұйрық аясында ғана жібереді: бұйрықты көрсетіңіз.",
            "Региональный специалист подаёт сигнал только в рамках приказа о ЧС: укажите приказ."),
        T(@"No emergency order has this id\.", "Мұндай төтенше жағдай туралы бұйрық жоқ.", "Такого приказа о ЧС нет."),
        T(@"The emergency order concerns organisations outside your territory\.",
            "Бұйрық сіздің аумағыңыздан тыс ұйымдарға қатысты.", "Приказ касается организаций вне вашей территории."),
        // Posting an emergency order (src/Api/Features/EmergencyOrders/PostEmergencyOrder.cs; order 349 para 5, order 103 para 22).
        T(@"The issuing body is required: the organisation code of an oblast's or city's education department\.",
            "Бұйрықты шығарған органды көрсетіңіз: облыстың немесе қаланың білім басқармасы.",
            "Укажите издавший приказ орган: управление образования области или города."),
        T(@"'(.+)' is not the education department of an oblast or of Astana, Almaty or Shymkent: only they issue emergency orders\.",
            "«$1» облыстың не Астана, Алматы, Шымкент қалаларының білім басқармасы емес: қашықтан оқыту туралы бұйрықты тек олар шығарады.",
            "«$1» не является управлением образования области или городов Астаны, Алматы, Шымкента: приказ о переводе издают только они."),
        T(@"You do not act for this education department\.", "Сіз бұл білім басқармасының атынан әрекет етпейсіз.",
            "Вы не действуете от имени этого управления образования."),
        T(@"'(.+)' is not among the organisations the order covers\.", "«$1» бұйрық қамтитын ұйымдардың арасында жоқ.",
            "«$1» нет среди организаций, на которые распространяется приказ."),
        T(@"List the classes or groups by name, each at most 32 characters\.", "Сыныптар мен топтарды атауымен көрсетіңіз (әрқайсысы 32 таңбадан аспайды).",
            "Перечислите классы и группы по названию (каждое не длиннее 32 символов)."),
        T(@"No such classes or groups in the roster: (.+)\.", "Контингентте мұндай сыныптар немесе топтар жоқ: $1.",
            "В контингенте нет таких классов или групп: $1."),
        T(@"The Idempotency-Key '(.+)' was already used for a different signal; use a new key for a new broadcast\.",
            "Idempotency-Key '$1' басқа сигнал үшін қолданылған: жаңа сигналға жаңа кілт беріңіз.",
            "Idempotency-Key '$1' уже использован для другого сигнала: для нового сигнала нужен новый ключ."),

        // A task's form data (src/Api/Features/Tasks/FormSchema.cs).
        T(@"This field is required\.", "Толтыру міндетті.", "Обязательное поле."),
        T(@"This box must be checked\.", "Белгілеу міндетті.", "Нужно отметить."),
        T(@"Expected true or false\.", "Иә немесе жоқ таңдаңыз.", "Выберите да или нет."),
        T(@"Expected a list of values\.", "Тізімнен таңдаңыз.", "Выберите из списка."),
        T(@"Expected text\.", "Мәтін енгізіңіз.", "Введите текст."),
        T(@"Does not match the required pattern\.", "Мән үлгіге сәйкес емес.", "Значение не соответствует образцу."),
        T(@"The form's pattern cannot be checked; ask the legal department to fix the form\.",
            "Нысанның үлгісін тексеру мүмкін емес: заң бөліміне хабарлаңыз.",
            "Образец формы не проверяется: сообщите юридическому отделу."),
        T(@"Expected a number\.", "Сан енгізіңіз.", "Введите число."),
        T(@"At least (-?[\d.]+)\.", "Ең кіші мәні: $1.", "Наименьшее значение: $1."),
        T(@"At most (-?[\d.]+)\.", "Ең үлкен мәні: $1.", "Наибольшее значение: $1."),
        T(@"Must be one of: .+\.", "Тізімдегі мәндердің бірін таңдаңыз.", "Выберите одно из значений списка."),
        T(@"Expected a date as text\.|Expected a date yyyy-MM-dd\.", "Күнді кк.аа.жжжж түрінде енгізіңіз.",
            "Введите дату в виде дд.мм.гггг."),
        T(@"Expected a time HH:mm\.", "Уақытты сс:мм түрінде енгізіңіз.", "Введите время в виде чч:мм."),
        T(@"Expected an ISO 8601 date and time\.", "Күн мен уақытты енгізіңіз.", "Введите дату и время."),
        T(@"'.+' is not a field of form '.+'\.", "Бұл нысанда мұндай өріс жоқ.", "В этой форме нет такого поля."),
    ];

    /// <summary>The title in <paramref name="language"/> (kk or ru); the status's generic title when it has no entry.</summary>
    public static string Title(string title, int status, string language) =>
        Find(Titles, title, language) ?? Generic(status, language);

    /// <summary>
    /// A field message in <paramref name="language"/>; the generic "not accepted" when it has no entry. A handler that
    /// words its messages in the caller's language itself (readiness, whose messages name the annex's paragraph) writes
    /// Cyrillic, which is kept as it is.
    /// </summary>
    public static string Message(string message, string language) =>
        Find(Messages, message, language)
        ?? (Cyrillic().IsMatch(message) ? message : language == "ru" ? "Значение не принято." : "Мән қабылданбады.");

    /// <summary>Whether a message has its own wording (a generic fallback is only for messages that have none).</summary>
    public static bool Knows(string message) => Find(Messages, message, "kk") is not null || Find(Titles, message, "kk") is not null;

    public static string Generic(int status, string language) => (status, language) switch
    {
        (404, "ru") => "Не найдено.",
        (404, _) => "Табылмады.",
        (401 or 403, "ru") => "Доступ запрещён.",
        (401 or 403, _) => "Рұқсат жоқ.",
        (409, "ru") => "Запись изменилась, обновите страницу.",
        (409, _) => "Жазба өзгерген, бетті жаңартыңыз.",
        (>= 500, "ru") => "На сервере произошла ошибка.",
        (>= 500, _) => "Серверде қате шықты.",
        (_, "ru") => "Запрос не принят.",
        _ => "Сұрау қабылданбады.",
    };

    private static string? Find(Text[] texts, string english, string language)
    {
        foreach (var text in texts)
        {
            var match = text.Pattern.Match(english);
            if (match.Success)
            {
                return IsoDate().Replace(match.Result(language == "ru" ? text.Ru : text.Kk), ReadableDate);
            }
        }

        return null;
    }

    /// <summary>Dates as people in Kazakhstan read them: dd.MM.yyyy.</summary>
    private static string ReadableDate(Match date) =>
        DateOnly.TryParseExact(date.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)
            : date.Value;

    private static Text T(string pattern, string kk, string ru) =>
        new(new Regex("^(?:" + pattern + ")$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)), kk, ru);

    [GeneratedRegex(@"\p{IsCyrillic}")]
    private static partial Regex Cyrillic();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();
}
