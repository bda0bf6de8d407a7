using System.Globalization;
using System.Text.Json.Nodes;
using Qadam.Workflows.Execution;

namespace Qadam.Workflows.HigherEducation;

/// <summary>
/// <c>check-plan-caps</c>: compares a university student's whole plan, with the disciplines the dean's individual plan
/// moves to a distance, against the caps a condition table chose for the student's programme (variable <c>caps</c>), and
/// sets <c>capCheck</c> {allowed, refusals[{rule, basis, figure, cap, excess, unit, textKk, textRu}], reasonKk, reasonRu}.
/// The caps count over the whole period of study (order 97 para 20 parts 1-2: "от общего количества дисциплин за весь
/// период обучения"; order 374 para 21, 25-27: "оқудың барлық кезеңінде"), hence the plan, not the case, is measured.
/// Pure over the variables, so the engine's scenario tests run it exactly as the API does.
/// </summary>
/// <remarks>
/// Inputs: <c>student.plan</c> {credits, mobilityCredits, disciplines[{code, nameKk, nameRu, credits, hours, distanceHours, mooc}]},
/// the dean's form (<c>distanceDisciplines</c>, the codes picked from the plan ["D02", "D03"] or written "D02, D03", <c>distancePercent</c>, optional <c>mobilityCredits</c>) and
/// <c>caps</c> with any of <c>disciplinesPercent</c>, <c>volumePercent</c>, <c>mobilityPercent</c> (order 97) or
/// <c>distanceCredits</c>, <c>mobilityCredits</c> (order 374), each with its <c>…Basis</c>; a null cap is no cap. The rows a
/// collect table chose by the kind of programme (<c>programmeCaps</c>) add <c>programmeCredits</c> (order 374 para 21: MBA
/// 30, EMBA and DBA 15 credits), <c>doubleDegreeCredits</c> (order 374 para 27: 120, master 60) or
/// <c>doubleDegreePercent</c> (order 97 para 26 part 3: 50 %), measured on the dean's <c>doubleDegreeCredits</c>.
/// </remarks>
public sealed class PlanCapsActivity : IProcessActivity
{
    /// <inheritdoc/>
    public string Name => "check-plan-caps";

    /// <inheritdoc/>
    public Task ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        context.SetVariable("capCheck", Check(context.Variables));
        // The rector's order prints the codes as one line ("D02, D03"); the dean picks them from the plan as a list.
        if (context.Variables["distanceDisciplines"] is JsonArray)
        {
            context.SetVariable("distanceDisciplines", string.Join(", ", Codes(context.Variables)));
        }

        return Task.CompletedTask;
    }

    /// <summary>The decision for these variables (public for the tests of the tables' figures).</summary>
    public static JsonObject Check(JsonObject variables)
    {
        var plan = variables["student"]?["plan"] as JsonObject
                   ?? throw new BpmnErrorException("no-plan", "The student has no study plan on record.");
        var caps = Caps(variables);
        var moved = Codes(variables).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var percent = Number(variables["distancePercent"]);
        var refusals = new JsonArray();

        var disciplines = (plan["disciplines"] as JsonArray ?? []).OfType<JsonObject>().Select(d => new
        {
            Code = d["code"]!.GetValue<string>(),
            NameKk = d["nameKk"]?.GetValue<string>() ?? string.Empty,
            NameRu = d["nameRu"]?.GetValue<string>() ?? string.Empty,
            Credits = Number(d["credits"]),
            Hours = Number(d["hours"]),
            Mooc = d["mooc"]?.GetValue<bool>() == true,
            DistanceHours = moved.Contains(d["code"]!.GetValue<string>())
                ? Math.Max(Number(d["distanceHours"]), Math.Round(Number(d["hours"]) * percent / 100m, 1))
                : Number(d["distanceHours"]),
        }).ToList();
        foreach (var unknown in moved.Where(code => disciplines.All(d => !d.Code.Equals(code, StringComparison.OrdinalIgnoreCase))))
        {
            refusals.Add(Refusal("plan", null, 0, 0, "",
                $"{unknown} пәні білім алушының оқу жоспарында жоқ", $"дисциплины {unknown} нет в учебном плане обучающегося"));
        }

        var atDistance = disciplines.Where(d => d.DistanceHours > 0).ToList();
        if (Cap(caps, "disciplinesPercent") is { } disciplinesCap && disciplines.Count > 0)
        {
            var share = Math.Round(100m * atDistance.Count / disciplines.Count, 1);
            if (share > disciplinesCap)
            {
                refusals.Add(Refusal("disciplines", caps["disciplinesBasis"], share, disciplinesCap, "%",
                    $"{disciplines.Count} пәннің {atDistance.Count} пәні қашықтан ({F(share)} %),"
                    + $" шегі {F(disciplinesCap)} %, {F(share - disciplinesCap)} %-ға асады",
                    $"дистанционно {atDistance.Count} из {disciplines.Count} дисциплин ({F(share)} %) при пределе {F(disciplinesCap)} %,"
                    + $" превышение на {F(share - disciplinesCap)} %"));
            }
        }

        if (Cap(caps, "volumePercent") is { } volumeCap)
        {
            foreach (var d in atDistance.Where(d => !d.Mooc && d.Hours > 0))
            {
                var share = Math.Round(100m * d.DistanceHours / d.Hours, 1);
                if (share > volumeCap)
                {
                    refusals.Add(Refusal("disciplineVolume", caps["volumeBasis"], share, volumeCap, "%",
                        $"«{d.NameKk}» ({d.Code}) пәнінің көлемінің {F(share)} % қашықтан,"
                        + $" шегі {F(volumeCap)} %, {F(share - volumeCap)} %-ға асады",
                        $"по дисциплине «{d.NameRu}» ({d.Code}) дистанционно {F(share)} % объёма при пределе {F(volumeCap)} %,"
                        + $" превышение на {F(share - volumeCap)} %"));
                }
            }
        }

        var mobility = Number(plan["mobilityCredits"]) + Number(variables["mobilityCredits"]);
        var totalCredits = Number(plan["credits"]);
        if (Cap(caps, "mobilityPercent") is { } mobilityCap && totalCredits > 0)
        {
            var share = Math.Round(100m * mobility / totalCredits, 1);
            if (share > mobilityCap)
            {
                refusals.Add(Refusal("academicMobility", caps["mobilityBasis"], share, mobilityCap, "%",
                    $"академиялық ұтқырлық бойынша {F(mobility)} кредит ({F(share)} %),"
                    + $" шегі {F(mobilityCap)} %, {F(share - mobilityCap)} %-ға асады",
                    $"по академической мобильности {F(mobility)} кредитов ({F(share)} %) при пределе {F(mobilityCap)} %,"
                    + $" превышение на {F(share - mobilityCap)} %"));
            }
        }

        if (Cap(caps, "mobilityCredits") is { } mobilityCreditsCap && mobility > mobilityCreditsCap)
        {
            refusals.Add(Refusal("academicMobility", caps["mobilityBasis"], mobility, mobilityCreditsCap, "credits",
                $"академиялық ұтқырлық бойынша {F(mobility)} кредит,"
                + $" шегі {F(mobilityCreditsCap)}, {F(mobility - mobilityCreditsCap)} кредитке асады",
                $"по академической мобильности {F(mobility)} кредитов при пределе {F(mobilityCreditsCap)},"
                + $" превышение на {F(mobility - mobilityCreditsCap)}"));
        }

        if (Cap(caps, "distanceCredits") is { } creditsCap)
        {
            var credits = atDistance.Sum(d => d.Credits);
            if (credits > creditsCap)
            {
                refusals.Add(Refusal("distanceCredits", caps["distanceCreditsBasis"], credits, creditsCap, "credits",
                    $"ҚБТ-мен оқытылатын пәндер {F(credits)} кредит, шегі {F(creditsCap)}, {F(credits - creditsCap)} кредитке асады",
                    $"дисциплины с ДОТ на {F(credits)} кредитов при пределе {F(creditsCap)}, превышение на {F(credits - creditsCap)}"));
            }
        }

        if (Cap(caps, "programmeCredits") is { } programmeCap)
        {
            var credits = atDistance.Sum(d => d.Credits);
            if (credits > programmeCap)
            {
                refusals.Add(Refusal("programmeCredits", caps["programmeCreditsBasis"], credits, programmeCap, "credits",
                    $"бағдарлама бойынша ҚБТ-мен {F(credits)} кредит, шегі {F(programmeCap)}, {F(credits - programmeCap)} кредитке асады",
                    $"по программе с ДОТ {F(credits)} кредитов при пределе {F(programmeCap)}, превышение на {F(credits - programmeCap)}"));
            }
        }

        var doubleDegree = Number(plan["doubleDegreeCredits"]) + Number(variables["doubleDegreeCredits"]);
        if (Cap(caps, "doubleDegreeCredits") is { } doubleCreditsCap && doubleDegree > doubleCreditsCap)
        {
            refusals.Add(Refusal("doubleDegree", caps["doubleDegreeBasis"], doubleDegree, doubleCreditsCap, "credits",
                $"қос дипломды және алмасу бағдарламалары бойынша {F(doubleDegree)} кредит,"
                + $" шегі {F(doubleCreditsCap)}, {F(doubleDegree - doubleCreditsCap)} кредитке асады",
                $"по двудипломным программам и программам обмена {F(doubleDegree)} кредитов при пределе {F(doubleCreditsCap)},"
                + $" превышение на {F(doubleDegree - doubleCreditsCap)}"));
        }

        if (Cap(caps, "doubleDegreePercent") is { } doublePercentCap && totalCredits > 0)
        {
            var share = Math.Round(100m * doubleDegree / totalCredits, 1);
            if (share > doublePercentCap)
            {
                refusals.Add(Refusal("doubleDegree", caps["doubleDegreeBasis"], share, doublePercentCap, "%",
                    $"қос дипломды және алмасу бағдарламалары бойынша {F(doubleDegree)} кредит ({F(share)} %),"
                    + $" шегі {F(doublePercentCap)} %, {F(share - doublePercentCap)} %-ға асады",
                    $"по двудипломным программам и программам обмена {F(doubleDegree)} кредитов ({F(share)} %) при пределе"
                    + $" {F(doublePercentCap)} %, превышение на {F(share - doublePercentCap)} %"));
            }
        }

        return new JsonObject
        {
            ["allowed"] = refusals.Count == 0,
            ["disciplinesAtDistance"] = atDistance.Count,
            ["disciplines"] = disciplines.Count,
            ["refusals"] = refusals,
            ["reasonKk"] = string.Join("; ", refusals.Select(r => $"{r!["textKk"]} ({r["basis"]})")),
            ["reasonRu"] = string.Join("; ", refusals.Select(r => $"{r!["textRu"]} ({r["basis"]})")),
        };
    }

    /// <summary>The codes of the disciplines the dean moves: a list picked from the plan, or a line "D02, D03".</summary>
    private static IEnumerable<string> Codes(JsonObject variables) => variables["distanceDisciplines"] switch
    {
        JsonArray codes => codes.OfType<JsonValue>().Select(c => c.ToString().Trim()).Where(c => c.Length > 0),
        JsonValue line when line.TryGetValue<string>(out var text) =>
            text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        _ => [],
    };

    /// <summary>The caps of the programme's field (<c>caps</c>) with the rows chosen by the kind of programme merged in.</summary>
    private static JsonObject Caps(JsonObject variables)
    {
        var caps = variables["caps"]?.DeepClone() as JsonObject ?? [];
        foreach (var row in (variables["programmeCaps"] as JsonArray ?? []).OfType<JsonObject>())
        {
            foreach (var (name, value) in row)
            {
                caps[name] = value?.DeepClone();
            }
        }

        return caps;
    }

    private static JsonObject Refusal(string rule, JsonNode? basis, decimal figure, decimal cap, string unit, string kk, string ru) => new()
    {
        ["rule"] = rule,
        ["basis"] = basis?.GetValue<string>() ?? string.Empty,
        ["figure"] = figure,
        ["cap"] = cap,
        ["excess"] = figure - cap,
        ["unit"] = unit,
        ["textKk"] = kk,
        ["textRu"] = ru,
    };

    private static decimal? Cap(JsonObject caps, string name) =>
        caps[name] is JsonValue v && v.TryGetValue<decimal>(out var cap) ? cap : null;

    private static decimal Number(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<decimal>(out var d) => d,
        JsonValue v when v.TryGetValue<string>(out var s)
                         && decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var p) => p,
        _ => 0m,
    };

    private static string F(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
