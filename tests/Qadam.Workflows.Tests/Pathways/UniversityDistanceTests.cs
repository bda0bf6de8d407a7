using System.Text.Json.Nodes;
using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// A university student's transfer on a VKK conclusion or for a competition: order 97 (from 2022-10-21) checks the
/// student's whole plan against 20 % / 50 % of the disciplines and 20 % of each discipline's volume (para 20) and the
/// mobility cap (para 26, lifted in an emergency by para 27); order 374 (2020) against absolute credits (para 25-28).
/// </summary>
public sealed class UniversityDistanceTests(EngineFixture fixture) : PathwayTestBase(fixture), IClassFixture<EngineFixture>
{
    private const string University = "u1";
    private static readonly DateOnly Order97 = new(2022, 10, 21);

    private static JsonObject Student(
        string field, int atDistance, int mobilityCredits = 0, string level = "Bachelor", string kind = "regular") => new()
    {
        ["iin"] = "050314600712", ["fullName"] = "Сәрсенбаева Айгерім", ["class"] = "ПП-23", ["level"] = level, ["organisation"] = University,
        ["programme"] = new JsonObject { ["code"] = "6B01101", ["nameKk"] = "Бағдарлама", ["nameRu"] = "Программа", ["field"] = field, ["kind"] = kind },
        ["year"] = 2,
        ["plan"] = new JsonObject
        {
            ["credits"] = 240, ["mobilityCredits"] = mobilityCredits,
            ["disciplines"] = new JsonArray([.. Enumerable.Range(1, 10).Select(i => (JsonNode)new JsonObject
            {
                ["code"] = $"D{i:00}", ["nameKk"] = $"Пән {i}", ["nameRu"] = $"Дисциплина {i}", ["credits"] = 5, ["hours"] = 150,
                ["distanceHours"] = i <= atDistance ? 30 : 0, ["mooc"] = i == 10,
            })]),
        },
    };

    private async Task<Guid> FileAsync(JsonObject student, DateOnly filed, bool emergency = false, string reason = "vkk")
    {
        await Pathway.Load("university-distance").PublishAsync(Fixture);
        // A declared emergency is the university's registered one (university-emergency), on the case from its filing.
        var variables = new JsonObject
        {
            ["student"] = student, ["organisation"] = University, ["ground"] = reason, ["language"] = "ru", ["emergencyDeclared"] = emergency,
        };
        var started = await StartFiledAsync("university-distance", variables, filed);
        await CompleteAsAsync(started.InstanceId, "registerApplication", As("registrar", University), new JsonObject
        {
            ["reason"] = reason, ["documentNumber"] = "ВКК-77", ["documentDate"] = Iso(filed), ["issuer"] = "Поликлиника № 1",
            ["periodFrom"] = Iso(filed), ["periodTo"] = Iso(filed.AddDays(30)),
        });
        return started.InstanceId;
    }

    private async Task<JsonObject> ReviewAsync(
        Guid id, string disciplines, int percent, int mobility = 0, int doubleDegree = 0)
    {
        await CompleteAsAsync(id, "deanReview", As("dean", University), new JsonObject
        {
            ["deanDecision"] = "approve", ["distanceDisciplines"] = disciplines, ["distancePercent"] = percent, ["mobilityCredits"] = mobility,
            ["format"] = "mixed", ["schedule"] = "по графику деканата", ["doubleDegreeCredits"] = doubleDegree,
        });
        return (JsonObject)(await VariablesAsync(id))["capCheck"]!;
    }

    [Fact]
    public async Task A_pedagogy_student_is_refused_past_20_percent_of_the_disciplines_and_the_refusal_names_the_rule_and_the_excess()
    {
        var id = await FileAsync(Student("pedagogy", atDistance: 1), Today);
        var check = await ReviewAsync(id, "D02, D03", 20);

        Assert.False(check["allowed"]!.GetValue<bool>());
        var refusal = Assert.Single(check["refusals"]!.AsArray())!;
        Assert.Equal("disciplines", refusal["rule"]!.GetValue<string>());
        Assert.Equal(10m, refusal["excess"]!.GetValue<decimal>());
        Assert.Contains("п. 20, часть первая", refusal["basis"]!.GetValue<string>());
        Assert.Contains("превышение на 10 %", check["reasonRu"]!.GetValue<string>());
        Assert.Equal(["statusRefused"], await StringsAsync(id, "statusHistory"));
        Assert.Equal(["student-notice"], await StringsAsync(id, "renderedDocuments"));
    }

    [Fact]
    public async Task An_economics_student_is_allowed_up_to_50_percent_and_the_rector_signs_then_the_student_returns()
    {
        var id = await FileAsync(Student("economics", atDistance: 4), Today);
        var check = await ReviewAsync(id, "D05", 20);
        Assert.True(check["allowed"]!.GetValue<bool>(), check.ToJsonString());
        await CompleteAsAsync(id, "signOrder", As("rector", University), new JsonObject { ["distanceFrom"] = Iso(Today) });

        Fixture.Clock.Advance(TimeSpan.FromDays(32));
        await FireTimersAsync();

        Assert.Equal(InstanceStatus.Completed, await StatusAsync(id));
        Assert.Equal(["statusTransferred", "statusReturned"], await StringsAsync(id, "statusHistory"));
        Assert.Equal(["university-order"], await StringsAsync(id, "renderedDocuments"));
    }

    [Fact]
    public async Task An_economics_student_past_50_percent_is_refused()
    {
        var id = await FileAsync(Student("economics", atDistance: 5), Today);
        var check = await ReviewAsync(id, "D06", 20);
        Assert.Equal("disciplines", check["refusals"]![0]!["rule"]!.GetValue<string>());
        Assert.Equal(10m, check["refusals"]![0]!["excess"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_discipline_is_refused_past_20_percent_of_its_volume_unless_it_is_a_mooc()
    {
        var over = await FileAsync(Student("economics", atDistance: 0), Today);
        var refused = await ReviewAsync(over, "D02", 30);
        var mooc = await FileAsync(Student("economics", atDistance: 0), Today);
        var allowed = await ReviewAsync(mooc, "D10", 100);

        var refusal = Assert.Single(refused["refusals"]!.AsArray())!;
        Assert.Equal("disciplineVolume", refusal["rule"]!.GetValue<string>());
        Assert.Equal(10m, refusal["excess"]!.GetValue<decimal>());
        Assert.Contains("п. 20, часть третья", refusal["basis"]!.GetValue<string>());
        Assert.True(allowed["allowed"]!.GetValue<bool>(), allowed.ToJsonString());
    }

    [Fact]
    public async Task Mobility_above_20_percent_of_the_credits_is_allowed_only_during_a_declared_emergency()
    {
        var ordinary = await FileAsync(Student("economics", atDistance: 0, mobilityCredits: 40), Today);
        var refused = await ReviewAsync(ordinary, "D02", 20, mobility: 20);
        var emergency = await FileAsync(Student("economics", atDistance: 0, mobilityCredits: 40), Today, emergency: true);
        var allowed = await ReviewAsync(emergency, "D02", 20, mobility: 20);

        var refusal = Assert.Single(refused["refusals"]!.AsArray())!;
        Assert.Equal("academicMobility", refusal["rule"]!.GetValue<string>());
        Assert.Equal(5m, refusal["excess"]!.GetValue<decimal>());
        Assert.True(allowed["allowed"]!.GetValue<bool>(), allowed.ToJsonString());
    }

    [Fact]
    public async Task A_2021_case_is_decided_under_order_374s_absolute_credit_caps()
    {
        var health = await FileAsync(Student("healthcare", atDistance: 6), new DateOnly(2021, 3, 1));
        var refused = await ReviewAsync(health, "D07", 20);

        var refusal = Assert.Single(refused["refusals"]!.AsArray())!;
        Assert.Equal("distanceCredits", refusal["rule"]!.GetValue<string>());
        Assert.Equal(35m, refusal["figure"]!.GetValue<decimal>());
        Assert.Equal(5m, refusal["excess"]!.GetValue<decimal>());
        Assert.Contains("№ 374", refusal["basis"]!.GetValue<string>());
        Assert.Contains("п. 25", refusal["basis"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_case_filed_the_day_before_order_97_keeps_the_2020_rules_and_one_filed_on_its_first_day_gets_order_97()
    {
        // Pedagogy is not in order 374 para 25's list: no absolute cap; order 97 para 20 caps it at 20 % of the disciplines.
        var before = await FileAsync(Student("pedagogy", atDistance: 3), Order97.AddDays(-1));
        var beforeCheck = await ReviewAsync(before, "D04", 20);
        var after = await FileAsync(Student("pedagogy", atDistance: 3), Order97);
        var afterCheck = await ReviewAsync(after, "D04", 20);

        Assert.True(beforeCheck["allowed"]!.GetValue<bool>(), beforeCheck.ToJsonString());
        Assert.Equal(["signOrder"], await OpenTaskIdsAsync(before));
        Assert.False(afterCheck["allowed"]!.GetValue<bool>());
        Assert.Equal(20m, afterCheck["refusals"]![0]!["excess"]!.GetValue<decimal>());
        Assert.NotEqual((await InstanceAsync(before)).DefinitionVersion, (await InstanceAsync(after)).DefinitionVersion);
    }

    [Fact]
    public async Task A_discipline_not_in_the_plan_is_refused_by_name_and_a_deans_refusal_ends_without_an_order()
    {
        var unknown = await FileAsync(Student("economics", atDistance: 0), Today);
        var check = await ReviewAsync(unknown, "D99", 20);
        var refusedByDean = await FileAsync(Student("economics", atDistance: 0), Today, reason: "competition");
        await CompleteAsAsync(refusedByDean, "deanReview", As("dean", University), new JsonObject
        {
            ["deanDecision"] = "refuse", ["distanceDisciplines"] = "D02", ["distancePercent"] = 10, ["format"] = "async", ["schedule"] = "—",
        });

        Assert.Equal("plan", check["refusals"]![0]!["rule"]!.GetValue<string>());
        Assert.Contains("D99", check["reasonRu"]!.GetValue<string>());
        Assert.Equal(["statusRefused"], await StringsAsync(refusedByDean, "statusHistory"));
        Assert.True(((JsonObject)(await VariablesAsync(refusedByDean))["capCheck"]!)["allowed"]!.GetValue<bool>());
        Assert.Equal(["student-notice"], await StringsAsync(refusedByDean, "renderedDocuments"));
    }

    private static readonly DateOnly In2021 = new(2021, 3, 1);

    [Fact]
    public async Task Under_order_374_an_MBA_is_refused_past_30_credits_at_a_distance_and_an_EMBA_or_DBA_past_15()
    {
        // Economics has no para 25 cap: 3 + 1 disciplines of 5 credits make 20 credits, under MBA's 30 and over EMBA's 15.
        var mba = await ReviewAsync(await FileAsync(Student("economics", atDistance: 3, kind: "mba"), In2021), "D04", 20);
        var mbaOver = await ReviewAsync(await FileAsync(Student("economics", atDistance: 6, kind: "mba"), In2021), "D07", 20);
        var emba = await ReviewAsync(await FileAsync(Student("economics", atDistance: 3, kind: "emba"), In2021), "D04", 20);
        var dba = await ReviewAsync(await FileAsync(Student("economics", atDistance: 3, kind: "dba"), In2021), "D04", 20);

        Assert.True(mba["allowed"]!.GetValue<bool>(), mba.ToJsonString());
        var over = Assert.Single(mbaOver["refusals"]!.AsArray())!;
        Assert.Equal("programmeCredits", over["rule"]!.GetValue<string>());
        Assert.Equal(35m, over["figure"]!.GetValue<decimal>());
        Assert.Equal(5m, over["excess"]!.GetValue<decimal>());
        Assert.Contains("№ 374", over["basis"]!.GetValue<string>());
        Assert.Contains("п. 21", over["basis"]!.GetValue<string>());
        foreach (var refused in new[] { emba, dba })
        {
            var refusal = Assert.Single(refused["refusals"]!.AsArray())!;
            Assert.Equal("programmeCredits", refusal["rule"]!.GetValue<string>());
            Assert.Equal(15m, refusal["cap"]!.GetValue<decimal>());
            Assert.Equal(5m, refusal["excess"]!.GetValue<decimal>());
        }
    }

    [Fact]
    public async Task Under_order_374_double_degree_credits_are_capped_at_120_for_a_bachelor_and_60_for_a_master_but_not_in_an_emergency()
    {
        var bachelor = await ReviewAsync(await FileAsync(Student("economics", atDistance: 0), In2021), "D02", 20, doubleDegree: 120);
        var bachelorOver = await ReviewAsync(await FileAsync(Student("economics", atDistance: 0), In2021), "D02", 20, doubleDegree: 125);
        var master = await ReviewAsync(await FileAsync(Student("economics", atDistance: 0, level: "Master"), In2021), "D02", 20, doubleDegree: 70);
        var emergency = await ReviewAsync(
            await FileAsync(Student("economics", atDistance: 0, level: "Master"), In2021, emergency: true), "D02", 20, doubleDegree: 70);

        Assert.True(bachelor["allowed"]!.GetValue<bool>(), bachelor.ToJsonString());
        var overBachelor = Assert.Single(bachelorOver["refusals"]!.AsArray())!;
        Assert.Equal("doubleDegree", overBachelor["rule"]!.GetValue<string>());
        Assert.Equal(5m, overBachelor["excess"]!.GetValue<decimal>());
        Assert.Contains("п. 27", overBachelor["basis"]!.GetValue<string>());
        var overMaster = Assert.Single(master["refusals"]!.AsArray())!;
        Assert.Equal(60m, overMaster["cap"]!.GetValue<decimal>());
        Assert.Equal(10m, overMaster["excess"]!.GetValue<decimal>());
        Assert.Contains("превышение на 10", master["reasonRu"]!.GetValue<string>());
        Assert.True(emergency["allowed"]!.GetValue<bool>(), emergency.ToJsonString());
    }

    [Fact]
    public async Task Under_order_97_double_degree_and_exchange_are_capped_at_50_percent_of_the_credits_and_lifted_in_an_emergency()
    {
        var half = await ReviewAsync(await FileAsync(Student("economics", atDistance: 0), Today), "D02", 20, doubleDegree: 120);
        var over = await ReviewAsync(await FileAsync(Student("economics", atDistance: 0), Today), "D02", 20, doubleDegree: 132);
        var emergency = await ReviewAsync(await FileAsync(Student("economics", atDistance: 0), Today, emergency: true), "D02", 20, doubleDegree: 132);
        var mba = await ReviewAsync(await FileAsync(Student("economics", atDistance: 6, kind: "mba"), Today), "D07", 20);

        Assert.True(half["allowed"]!.GetValue<bool>(), half.ToJsonString());
        var refusal = Assert.Single(over["refusals"]!.AsArray())!;
        Assert.Equal("doubleDegree", refusal["rule"]!.GetValue<string>());
        Assert.Equal(55m, refusal["figure"]!.GetValue<decimal>());
        Assert.Equal(5m, refusal["excess"]!.GetValue<decimal>());
        Assert.Contains("п. 26, часть третья", refusal["basis"]!.GetValue<string>());
        Assert.True(emergency["allowed"]!.GetValue<bool>(), emergency.ToJsonString());
        // Order 97 has no MBA credit cap: 7 of 10 economics disciplines (70 %) are refused by para 20's 50 % alone.
        Assert.Equal(["disciplines"], mba["refusals"]!.AsArray().Select(r => r!["rule"]!.GetValue<string>()));
    }
}
