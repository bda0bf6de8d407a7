namespace Qadam.Workflows.Definitions;

/// <summary>
/// The Kazakh and Russian wording of a definition problem, by its <see cref="DefinitionProblem.Code"/>: the legal
/// department reads the problems of a file drawn in another tool in its own language, beside the element they name. A
/// problem whose code has no entry here (<see cref="Generic"/>) keeps its English message.
/// </summary>
public static class DefinitionProblemTexts
{
    /// <summary>The code of a problem worded in English only.</summary>
    public const string Generic = "definition.invalid";

    private static readonly Dictionary<string, (string Kk, string Ru)> Texts = new(StringComparer.Ordinal)
    {
        ["element.unsupported"] = ("Qadam бұл элементті орындамайды: оны қолдау көрсетілетін элементпен алмастырыңыз.",
            "Qadam не исполняет этот элемент: замените его поддерживаемым."),
        ["flow.no-source"] = ("Ағынның басы жоқ: оны элементтен бастаңыз.", "У потока нет начала: начните его от элемента."),
        ["flow.no-target"] = ("Ағынның соңы жоқ: оны элементке жеткізіңіз.", "У потока нет конца: доведите его до элемента."),
        ["message.no-ref"] = ("Хабарлама таңдалмаған: messageRef көрсетіңіз.", "Не выбрано сообщение: укажите messageRef."),
        ["message.no-name"] = ("Хабарламаның атауы жоқ.", "У сообщения нет названия."),
        ["signal.no-ref"] = ("Сигнал таңдалмаған: signalRef көрсетіңіз.", "Не выбран сигнал: укажите signalRef."),
        ["signal.no-name"] = ("Сигналдың атауы жоқ.", "У сигнала нет названия."),
        ["timer.no-value"] = ("Таймердің мерзімі жазылмаған (timeDate, timeDuration немесе timeCycle).",
            "У таймера не указан срок (timeDate, timeDuration или timeCycle)."),
        ["condition.missing"] = ("Шарт жазылмаған.", "Условие не записано."),
        ["link.no-name"] = ("Байланыс оқиғасының атауы жоқ.", "У события-ссылки нет названия."),
        ["gateway.no-outgoing"] = ("Шлюзден шығатын ағын жоқ.", "Из шлюза не выходит ни один поток."),
        ["gateway.one-event"] = ("Оқиғалы шлюзге екі не одан көп шығатын ағын керек.", "Событийному шлюзу нужны два или более исходящих потока."),
        ["gateway.flow-first-taken"] = ("Шлюздің ағынында шарт жоқ: файлдағы ретімен бірінші ағын таңдалады. Шарт жазыңыз немесе әдепкі ағын етіңіз.",
            "У потока шлюза нет условия: выбирается первый по порядку в файле поток. Запишите условие или сделайте поток потоком по умолчанию."),
        ["gateway.flow-always-taken"] = ("Шлюздің ағынында шарт жоқ: ол әрдайым таңдалады. Шарт жазыңыз немесе әдепкі ағын етіңіз.",
            "У потока шлюза нет условия: он выбирается всегда. Запишите условие или сделайте поток потоком по умолчанию."),
        ["compensation.no-handler"] = ("Өтемақы оқиғасының өңдеушісі жоқ.", "У события компенсации нет обработчика."),
        ["subprocess.start-count"] = ("Ішкі процеске бір бастапқы оқиға керек.", "Подпроцессу нужно ровно одно начальное событие."),
        ["collaboration.none-executable"] = ("Файлда бірнеше процесс бар, бірде-біреуі isExecutable=\"true\" деп белгіленбеген: Qadam орындайтынын белгілеңіз.",
            "В файле несколько процессов, ни один не отмечен isExecutable=\"true\": отметьте тот, что исполняет Qadam."),
        ["script.no-format"] = ("Сценарийдің тілі көрсетілмеген: scriptFormat javascript жазыңыз.", "Не указан язык сценария: запишите scriptFormat javascript."),
        ["script.no-script"] = ("Сценарий жазылмаған.", "Сценарий не записан."),
        // The legal editor picks the roles from a list under "Кім орындайды" / "Кто выполняет": the message names that, not the attribute.
        ["task.no-candidate-roles"] = ("Қадамды кім орындайтыны көрсетілмеген: «Кім орындайды» тізімінен рөлді белгілеңіз.",
            "Не указано, кто выполняет шаг: отметьте роль в списке «Кто выполняет»."),
        ["binding.missing"] = ("Қадам Qadam-ның әрекетіне, кестесіне немесе процесіне байланыстырылмаған.",
            "Шаг не связан с действием, таблицей или процессом Qadam."),
        ["reference.unknown"] = ("Аталған форма, үлгі, кесте, әрекет немесе процесс әлі жоқ.",
            "Названной формы, шаблона, таблицы, действия или процесса ещё нет."),
        ["element.unreachable"] = ("Бұл элементке ешбір бастапқы оқиғадан жетуге болмайды.", "До этого элемента нельзя дойти ни от одного начального события."),
    };

    /// <summary>The problem in <paramref name="language"/> (kk or ru) when its code has a wording; otherwise its English message.</summary>
    public static string Message(DefinitionProblem problem, string language)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return Texts.TryGetValue(problem.Code, out var text) && language is "kk" or "ru"
            ? language == "ru" ? text.Ru : text.Kk
            : problem.Message;
    }

    /// <summary>Every code with a Kazakh and Russian wording.</summary>
    public static IReadOnlyCollection<string> Codes => Texts.Keys;
}
