namespace Qadam.Documents.Rendering;

/// <summary>
/// Case endings of Kazakh words and numbers: the ending follows the vowel harmony of the word's last vowel (back а, о, ұ, ы,
/// я → -дан, -ға; front ә, е, ө, ү, і, и, э, ю → -ден, -ге) and its final sound (a vowel, a sonorant, a nasal, a voiceless
/// consonant). A number takes the ending of its last word as spoken («2025» = «екі мың жиырма бес» → «2025-тен»), written
/// after a hyphen as the orders write numerals («8 және 9 - тармақтарында», «3-1-тармақ»).
/// </summary>
public static class KazakhSuffixes
{
    private const string BackVowels = "аоұыяАОҰЫЯ";
    private const string FrontVowels = "әеөүіиэюёӘЕӨҮІИЭЮЁi"; // the Latin i: the seeds write «шiлдедегi» with it
    private const string Nasals = "мнң";
    private const string Voiceless = "кқптсшфхцчщбвгд"; // б, в, г, д are devoiced at a word's end

    private static readonly string[] Units = ["", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"];
    private static readonly string[] Tens = ["", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"];

    /// <summary>The word with the case ending: «қыркүйек» + ablative = «қыркүйектен».</summary>
    public static string Attach(string word, KazakhCase form)
    {
        ArgumentException.ThrowIfNullOrEmpty(word);
        return word + Ending(word, form);
    }

    /// <summary>The numeral with its ending after a hyphen: 13 + dative = «13-ке», 2025 + ablative = «2025-тен».</summary>
    public static string AttachToNumber(long number, KazakhCase form)
    {
        var text = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return form == KazakhCase.Nominative ? text : text + "-" + Ending(SpokenLastWord(number), form);
    }

    /// <summary>The last word of the number as spoken: 1 «бір», 20 «жиырма», 2025 «бес», 2000 «мың», 0 «нөл».</summary>
    public static string SpokenLastWord(long number)
    {
        number = Math.Abs(number);
        if (number == 0)
        {
            return "нөл";
        }

        if (number % 10 != 0)
        {
            return Units[number % 10];
        }

        if (number % 100 != 0)
        {
            return Tens[number / 10 % 10];
        }

        if (number % 1000 != 0)
        {
            return "жүз";
        }

        if (number % 1_000_000 != 0)
        {
            return "мың";
        }

        return number % 1_000_000_000 != 0 ? "миллион" : "миллиард";
    }

    /// <summary>The ending alone: «қыркүйек» + ablative = «тен».</summary>
    public static string Ending(string word, KazakhCase form)
    {
        var front = IsFront(word);
        var last = char.ToLowerInvariant(word[^1]);
        var voiceless = Voiceless.Contains(last, StringComparison.Ordinal);
        var nasal = Nasals.Contains(last, StringComparison.Ordinal);
        return form switch
        {
            KazakhCase.Nominative => string.Empty,
            // шығыс: -нан/-нен after м, н, ң; -тан/-тен after a voiceless consonant; -дан/-ден after a vowel or another voiced sound.
            KazakhCase.Ablative => (nasal ? "н" : voiceless ? "т" : "д") + (front ? "ен" : "ан"),
            // барыс: -қа/-ке after a voiceless consonant, otherwise -ға/-ге (after к the ending is -ке: «қыркүйекке»).
            KazakhCase.Dative => voiceless ? (front ? "ке" : "қа") : (front ? "ге" : "ға"),
            // жатыс: -та/-те after a voiceless consonant, otherwise -да/-де (nasals included: «қазанда»).
            KazakhCase.Locative => (voiceless ? "т" : "д") + (front ? "е" : "а"),
            KazakhCase.LocativeAttributive => (voiceless ? "т" : "д") + (front ? "егі" : "ағы"),
            _ => throw new ArgumentOutOfRangeException(nameof(form), form, "Unknown Kazakh case."),
        };
    }

    /// <summary>The template suffix for a case: <c>abl</c>, <c>dat</c>, <c>loc</c>, <c>attr</c>; null when unknown.</summary>
    public static KazakhCase? ParseCase(string suffix) => suffix switch
    {
        "nom" => KazakhCase.Nominative,
        "abl" => KazakhCase.Ablative,
        "dat" => KazakhCase.Dative,
        "loc" => KazakhCase.Locative,
        "attr" => KazakhCase.LocativeAttributive,
        _ => null,
    };

    // The word's last vowel decides; a word without vowels is read as back.
    private static bool IsFront(string word)
    {
        for (var i = word.Length - 1; i >= 0; i--)
        {
            if (FrontVowels.Contains(word[i], StringComparison.Ordinal))
            {
                return true;
            }

            if (BackVowels.Contains(word[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return false;
    }
}
