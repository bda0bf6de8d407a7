using System.Text.Json.Nodes;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// Admission to online learning at a university under order 97 chapter 3: the programme's conditions (excluded fields
/// para 30, synchronous share para 34, data para 37-38, content lead para 39(2), MOOCs para 39(4), faculty training para
/// 40) and the student's (contract para 35, transfer in vacation and paid para 49), each refusal naming its rule and
/// paragraph; when all are met the rector signs the order.
/// </summary>
public sealed class UniversityOnlineTests(EngineFixture fixture) : PathwayTestBase(fixture), IClassFixture<EngineFixture>
{
    private const string University = "u1";

    private static JsonObject Student(string field) => new()
    {
        ["iin"] = "050314600712", ["fullName"] = "Сәрсенбаева Айгерім", ["class"] = "ЭК-23", ["level"] = "Bachelor", ["organisation"] = University,
        ["programme"] = new JsonObject { ["code"] = "6B04101", ["nameKk"] = "Экономика", ["nameRu"] = "Экономика", ["field"] = field },
        ["year"] = 1,
    };

    /// <summary>A programme that meets every condition: Monday 7 September 2026 starts the period, content placed on Thursday 27 August.</summary>
    private static JsonObject Programme() => new()
    {
        ["serversInKazakhstan"] = true, ["dataTransferToAuthority"] = true, ["periodStart"] = "2026-09-07", ["contentPlacedOn"] = "2026-08-27",
        ["programmeCredits"] = 240, ["moocCredits"] = 24, ["minSyncPercent"] = 20, ["facultyTrainingHours"] = 72,
    };

    private static JsonObject Contract() => new()
    {
        ["contractNumber"] = "ОН-17", ["contractDate"] = "2026-08-20", ["contractTechnical"] = true, ["contractPersonalData"] = true,
        ["contractPlatformTerms"] = true, ["transferFromOtherForm"] = "no",
    };

    private async Task<(Guid Id, JsonObject Check)> RunAsync(JsonObject programme, JsonObject contract, string field = "economics")
    {
        await Pathway.Load("university-online").PublishAsync(Fixture);
        var variables = new JsonObject { ["student"] = Student(field), ["organisation"] = University, ["language"] = "ru" };
        var started = await StartFiledAsync("university-online", variables, Today);
        await CompleteAsAsync(started.InstanceId, "programmeConditions", As("registrar", University), programme);
        await CompleteAsAsync(started.InstanceId, "studentContract", As("registrar", University), contract);
        return (started.InstanceId, (JsonObject)(await VariablesAsync(started.InstanceId))["onlineCheck"]!);
    }

    private static JsonObject With(JsonObject data, string key, JsonNode? value)
    {
        data[key] = value;
        return data;
    }

    [Fact]
    public async Task A_programme_and_a_student_meeting_every_condition_are_admitted_by_the_rectors_signed_order()
    {
        var (id, check) = await RunAsync(Programme(), Contract());

        Assert.True(check["allowed"]!.GetValue<bool>(), check.ToJsonString());
        Assert.Equal(["signOrder"], await OpenTaskIdsAsync(id));
        await CompleteAsAsync(id, "signOrder", As("rector", University), new JsonObject { ["admittedFrom"] = "2026-09-07" });
        Assert.Equal(["statusAdmitted"], await StringsAsync(id, "statusHistory"));
        Assert.Equal(["online-admission-order"], await StringsAsync(id, "renderedDocuments"));
    }

    public static TheoryData<string, string, string, string> Breaches() => new()
    {
        { "serversInKazakhstan", "false", "serversInKazakhstan", "п. 38" },
        { "dataTransferToAuthority", "false", "dataTransfer", "п. 37" },
        // Friday 4 September to Monday 7 September: one working day.
        { "contentPlacedOn", "\"2026-09-04\"", "contentLead", "п. 39 пп. 2)" },
        { "moocCredits", "23", "moocShare", "п. 39 пп. 4)" },
        { "minSyncPercent", "19", "syncShare", "п. 34" },
        { "facultyTrainingHours", "71", "facultyTraining", "п. 40" },
    };

    [Theory]
    [MemberData(nameof(Breaches))]
    public async Task A_programme_missing_one_condition_is_refused_by_that_rule_and_its_paragraph(string field, string value, string rule, string paragraph)
    {
        var (id, check) = await RunAsync(With(Programme(), field, JsonNode.Parse(value)), Contract());

        Assert.False(check["allowed"]!.GetValue<bool>());
        Assert.Equal([rule], check["rules"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Contains(paragraph, check["reasonRu"]!.GetValue<string>());
        Assert.Contains("№ 97", check["reasonKk"]!.GetValue<string>());
        Assert.Equal(["statusRefused"], await StringsAsync(id, "statusHistory"));
        Assert.Equal(["online-admission-notice"], await StringsAsync(id, "renderedDocuments"));
    }

    [Fact]
    public async Task The_content_lead_counts_working_days_so_the_constitution_day_holiday_does_not_count()
    {
        // Period from Monday 7 September 2026; Monday 31 August is the day off for Constitution Day (Sunday 30 August):
        // content placed on Friday 28 August has 28.08, 1-4.09 = five working days; placed on 31 August only four.
        var onTime = await RunAsync(With(Programme(), "contentPlacedOn", "2026-08-28"), Contract());
        var late = await RunAsync(With(Programme(), "contentPlacedOn", "2026-08-31"), Contract());

        Assert.True(onTime.Check["allowed"]!.GetValue<bool>(), onTime.Check.ToJsonString());
        Assert.Equal(["contentLead"], late.Check["rules"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task A_programme_in_an_excluded_field_is_refused_under_para_30()
    {
        var (_, check) = await RunAsync(Programme(), Contract(), field: "healthcare");

        Assert.Equal(["excludedField"], check["rules"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Contains("п. 30", check["reasonRu"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_contract_without_the_consent_to_personal_data_is_refused_under_para_35()
    {
        var (_, check) = await RunAsync(Programme(), With(Contract(), "contractPersonalData", false));

        Assert.Equal(["contract"], check["rules"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Contains("согласия на обработку персональных данных", check["reasonRu"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_box_left_unticked_is_a_condition_not_met_not_a_failed_step()
    {
        var programme = Programme();
        programme.Remove("serversInKazakhstan");
        var contract = Contract();
        contract.Remove("contractPlatformTerms");

        var (_, check) = await RunAsync(programme, contract);

        Assert.Equal(["serversInKazakhstan", "contract"], check["rules"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task A_transfer_from_full_time_study_is_admitted_only_in_the_vacation_and_on_a_paid_basis()
    {
        JsonObject Transfer(bool vacation, bool paid) =>
            With(With(With(Contract(), "transferFromOtherForm", "yes"), "transferInVacation", vacation), "transferPaid", paid);

        var outOfVacation = await RunAsync(Programme(), Transfer(vacation: false, paid: true));
        var free = await RunAsync(Programme(), Transfer(vacation: true, paid: false));
        var allowed = await RunAsync(Programme(), Transfer(vacation: true, paid: true));

        Assert.Equal(["transferVacation"], outOfVacation.Check["rules"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(["transferPaid"], free.Check["rules"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Contains("п. 49", free.Check["reasonRu"]!.GetValue<string>());
        Assert.True(allowed.Check["allowed"]!.GetValue<bool>(), allowed.Check.ToJsonString());
    }
}
