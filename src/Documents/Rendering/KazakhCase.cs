namespace Qadam.Documents.Rendering;

/// <summary>
/// The case a Kazakh date takes in a sentence, chosen in the template after a colon: <c>{{periodFrom:abl}}</c>.
/// The forms are those the orders' Kazakh texts use: «2025 жылғы 2 мамырдағы № 103 бұйрығы» (locative-attributive),
/// «2025 жылғы 2 мамырда … тіркелді» (locative).
/// </summary>
public enum KazakhCase
{
    /// <summary>Atau septik, no ending: «2025 жылғы 1 қыркүйек». The default.</summary>
    Nominative,

    /// <summary>Шығыс септік, -нан/-нен/-дан/-ден/-тан/-тен: «1 қыркүйектен бастап». Template suffix <c>:abl</c>.</summary>
    Ablative,

    /// <summary>Барыс септік, -ға/-ге/-қа/-ке: «13 желтоқсанға дейін». Template suffix <c>:dat</c>.</summary>
    Dative,

    /// <summary>Жатыс септік, -да/-де/-та/-те: «2 мамырда тіркелді». Template suffix <c>:loc</c>.</summary>
    Locative,

    /// <summary>Жатыс септік with -ғы/-гі, -дағы/-дегі/-тағы/-тегі: «2 мамырдағы өтінішіңіз». Template suffix <c>:attr</c>.</summary>
    LocativeAttributive,
}
