using System.Text.Json.Nodes;
using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// A university's own receipt of the regional emergency order (order 97 para 2): the registrar records the work that
/// cannot go online and the later period it moves to (para 25), the rector signs the order, all students move to a
/// distance and come back the day after the period.
/// </summary>
public sealed class UniversityEmergencyTests(EngineFixture fixture) : PathwayTestBase(fixture), IClassFixture<EngineFixture>
{
    private const string University = "u1";

    [Fact]
    public async Task The_registrar_records_the_postponed_labs_the_rector_signs_and_all_students_move_then_return()
    {
        await Pathway.Load("university-emergency").PublishAsync(Fixture);
        var variables = new JsonObject
        {
            ["order"] = new JsonObject { ["issuingBody"] = "Управление образования города Астаны", ["number"] = "ЧС-5", ["date"] = Iso(Today), ["ground"] = "Карантин" },
            ["period"] = new JsonObject { ["from"] = Iso(Today), ["to"] = Iso(Today.AddDays(10)) },
            ["organisation"] = University, ["organisations"] = new JsonArray(University), ["emergencyDeclared"] = true,
        };
        var started = await StartFiledAsync("university-emergency", variables, Today);
        await CompleteAsAsync(started.InstanceId, "registerReceipt", As("registrar", University), new JsonObject
        {
            ["postponedDisciplines"] = "D09 — кәсіби практика / профессиональная практика", ["postponedTo"] = "2026-2027 оқу жылының 2-семестрі",
        });
        Assert.Equal(["signOrder"], await OpenTaskIdsAsync(started.InstanceId));
        await CompleteAsAsync(started.InstanceId, "signOrder", As("rector", University), new JsonObject { ["distanceFrom"] = Iso(Today) });

        Assert.Equal(["university-emergency-order"], await StringsAsync(started.InstanceId, "renderedDocuments"));
        Assert.Equal(["transferStudents"], await StringsAsync(started.InstanceId, "massTransfers"));
        Fixture.Clock.Advance(TimeSpan.FromDays(12));
        await FireTimersAsync();
        Assert.Equal(InstanceStatus.Completed, await StatusAsync(started.InstanceId));
        Assert.Equal(["transferStudents", "returnStudents"], await StringsAsync(started.InstanceId, "massTransfers"));
    }

    [Fact]
    public async Task Only_the_universitys_rector_signs_the_order()
    {
        await Pathway.Load("university-emergency").PublishAsync(Fixture);
        var started = await StartFiledAsync("university-emergency", new JsonObject
        {
            ["order"] = new JsonObject { ["issuingBody"] = "УО", ["number"] = "ЧС-6", ["date"] = Iso(Today), ["ground"] = "ЧС" },
            ["period"] = new JsonObject { ["from"] = Iso(Today), ["to"] = Iso(Today.AddDays(3)) },
            ["organisation"] = University, ["organisations"] = new JsonArray(University), ["emergencyDeclared"] = true,
        }, Today);
        await CompleteAsAsync(started.InstanceId, "registerReceipt", As("registrar", University), new JsonObject
        {
            ["postponedDisciplines"] = "—", ["postponedTo"] = "—",
        });

        await Assert.ThrowsAnyAsync<Exception>(() => CompleteAsAsync(started.InstanceId, "signOrder", As("dean", University), new JsonObject { ["distanceFrom"] = Iso(Today) }));
        Assert.Equal(["signOrder"], await OpenTaskIdsAsync(started.InstanceId));
    }

    private static JsonObject EconomicsStudentWithMobility(int mobilityCredits) => new()
    {
        ["iin"] = "040902500118", ["fullName"] = "Жақсылықов Ерлан", ["class"] = "ЭК-22", ["level"] = "Bachelor", ["organisation"] = University,
        ["programme"] = new JsonObject { ["code"] = "6B04101", ["nameKk"] = "Экономика", ["nameRu"] = "Экономика", ["field"] = "economics", ["kind"] = "regular" },
        ["year"] = 3,
        ["plan"] = new JsonObject
        {
            ["credits"] = 240, ["mobilityCredits"] = mobilityCredits,
            ["disciplines"] = new JsonArray([.. Enumerable.Range(1, 10).Select(i => (JsonNode)new JsonObject
            {
                ["code"] = $"D{i:00}", ["nameKk"] = $"Пән {i}", ["nameRu"] = $"Дисциплина {i}", ["credits"] = 5, ["hours"] = 150,
                ["distanceHours"] = 0, ["mooc"] = i == 10,
            })]),
        },
    };

    private async Task<Guid> OpenStudentCaseAsync(string organisation)
    {
        var started = await StartFiledAsync("university-distance", new JsonObject
        {
            ["student"] = EconomicsStudentWithMobility(40), ["organisation"] = organisation, ["ground"] = "vkk", ["language"] = "ru",
            // The host starts every university case with the mark (src/Api/Features/Universities/UniversityCaseVariables.cs).
            ["emergencyDeclared"] = false,
        }, Today);
        await CompleteAsAsync(started.InstanceId, "registerApplication", As("registrar", organisation), new JsonObject
        {
            ["reason"] = "vkk", ["documentNumber"] = "ВКК-1", ["documentDate"] = Iso(Today), ["issuer"] = "Поликлиника № 1",
            ["periodFrom"] = Iso(Today), ["periodTo"] = Iso(Today.AddDays(30)),
        });
        return started.InstanceId;
    }

    private async Task<JsonObject> DeanReviewsAsync(Guid id, string organisation)
    {
        await CompleteAsAsync(id, "deanReview", As("dean", organisation), new JsonObject
        {
            ["deanDecision"] = "approve", ["distanceDisciplines"] = "D02", ["distancePercent"] = 20, ["mobilityCredits"] = 20,
            ["format"] = "mixed", ["schedule"] = "по графику деканата", ["doubleDegreeCredits"] = 0,
        });
        return (JsonObject)(await VariablesAsync(id))["capCheck"]!;
    }

    [Fact]
    public async Task A_registered_emergency_marks_the_universitys_open_student_cases_so_mobility_past_20_percent_is_allowed_until_it_ends()
    {
        // given a student's open case at u1 and one at another university, each asking mobility of 60 of 240 credits (25 %)
        await Pathway.Load("university-emergency").PublishAsync(Fixture);
        await Pathway.Load("university-distance").PublishAsync(Fixture);
        var during = await OpenStudentCaseAsync(University);
        var after = await OpenStudentCaseAsync(University);
        var elsewhere = await OpenStudentCaseAsync("u2");

        // when u1 registers the regional emergency order (order 97 para 2)
        var emergency = await StartFiledAsync("university-emergency", new JsonObject
        {
            ["order"] = new JsonObject { ["issuingBody"] = "Управление образования города Астаны", ["number"] = "ЧС-7", ["date"] = Iso(Today), ["ground"] = "Карантин" },
            ["period"] = new JsonObject { ["from"] = Iso(Today), ["to"] = Iso(Today.AddDays(10)) },
            ["organisation"] = University, ["organisations"] = new JsonArray(University), ["emergencyDeclared"] = true,
        }, Today);

        // then u1's open cases carry the mark and the dean's review allows the mobility (para 27), the other university's does not
        Assert.True((await VariablesAsync(after))["emergencyDeclared"]!.GetValue<bool>());
        var allowed = await DeanReviewsAsync(during, University);
        Assert.True(allowed["allowed"]!.GetValue<bool>(), allowed.ToJsonString());
        Assert.False((await VariablesAsync(elsewhere))["emergencyDeclared"]!.GetValue<bool>());
        var refused = await DeanReviewsAsync(elsewhere, "u2");
        Assert.Equal("academicMobility", Assert.Single(refused["refusals"]!.AsArray())!["rule"]!.GetValue<string>());

        // and when the period ends, a case still open loses the mark and is decided under the 20 % cap again (para 26)
        await CompleteAsAsync(emergency.InstanceId, "registerReceipt", As("registrar", University), new JsonObject
        {
            ["postponedDisciplines"] = "—", ["postponedTo"] = "—",
        });
        await CompleteAsAsync(emergency.InstanceId, "signOrder", As("rector", University), new JsonObject { ["distanceFrom"] = Iso(Today) });
        Fixture.Clock.Advance(TimeSpan.FromDays(12));
        await FireTimersAsync();
        Assert.Equal(InstanceStatus.Completed, await StatusAsync(emergency.InstanceId));
        Assert.False((await VariablesAsync(after))["emergencyDeclared"]!.GetValue<bool>());
        var afterwards = await DeanReviewsAsync(after, University);
        Assert.False(afterwards["allowed"]!.GetValue<bool>(), afterwards.ToJsonString());
        Assert.True((await VariablesAsync(during))["capCheck"]!["allowed"]!.GetValue<bool>());
    }
}
