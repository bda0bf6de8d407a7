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
/// the dean's form (<c>distanceDisciplines</c> "D02, D03", <c>distancePercent</c>, optional <c>mobilityCredits</c>) and
/// <c>caps</c> with any of <c>disciplinesPercent</c>, <c>volumePercent</c>, <c>mobilityPercent</c> (order 97) or
/// <c>distanceCredits</c>, <c>mobilityCredits</c> (order 374), each with its <c>…Basis</c>; a null cap is no cap.
/// </remarks>
public sealed class PlanCapsActivity : IProcessActivity
{
    /// <inheritdoc/>
    public string Name => "check-plan-caps";

    /// <inheritdoc/>
    public Task ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        context.SetVariable("capCheck", Check(context.Variables));
        return Task.CompletedTask;
    }

    /// <summary>The decision for these variables (public for the tests of the tables' figures).</summary>
    public static JsonObject Check(JsonObject variables)
    {
        var plan = variables["student"]?["plan"] as JsonObject
                   ?? throw new BpmnErrorException("no-plan", "The student has no study plan on record.");
        var caps = variables["caps"] as JsonObject ?? [];
        var moved = (variables["distanceDisciplines"]?.GetValue<string>() ?? string.Empty)
            .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
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
