using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// 103 Annex 1 para 5 applies the secondary distance regime to "sub-paras 2), 3), 4) and 5)" of para 3, and after the
/// 2025 renumbering sub-para 2) is the emergency (weather is 1)): modelled as written, each secondary school of a 2025
/// emergency order runs the regime (programmes handed over, attestation at the school, the council's decision), a college
/// does not, and the order's end ends it. The 2023 text (349 Annex 2 para 15) lists weather (then 2)) and not the
/// emergency (then 1)): a 2023 emergency order runs no regime (see <see cref="WeatherRegimeAndExclusion2023Tests"/> for
/// weather).
/// </summary>
public sealed class MassPathwaysDistanceRegimeTests(EngineFixture fixture) : PathwayTestBase(fixture), IClassFixture<EngineFixture>
{
    private const string Region = "almaty-edu";
    private const string SecondarySchool = "s-almaty-005";
    private const string College = "c-almaty-poly";

    private async Task<Guid> OrderAsync(DateOnly filed, DateOnly to)
    {
        await Pathway.Load("emergency-transfer").PublishAsync(Fixture);
        var started = await StartFiledAsync("emergency-transfer", new JsonObject
        {
            ["order"] = new JsonObject
            {
                ["id"] = $"order-{Guid.NewGuid():N}", ["issuingBody"] = "r-almaty", ["issuerKk"] = "Алматы қаласының білім басқармасы",
                ["issuerRu"] = "Управление образования города Алматы", ["number"] = "154",
                ["date"] = Iso(filed), ["ground"] = "Карантин", ["territory"] = Region,
            },
            ["period"] = new JsonObject { ["from"] = Iso(filed), ["to"] = Iso(to) },
            ["organisations"] = new JsonArray(SecondarySchool, College),
            ["secondarySchools"] = new JsonArray(SecondarySchool),
            ["organisation"] = Region,
        }, filed);
        return started.InstanceId;
    }

    private static JsonObject OrderForm() => new()
    {
        ["modeOfWork"] = "Қашықтан / Дистанционно", ["responsibleAdministration"] = "Орынбасар / Заместитель директора",
        ["responsibleTeachers"] = "Сынып жетекшілері / Классные руководители",
    };

    private async Task SchoolGoesRemoteAsync(Guid id, string school)
    {
        await CompleteTaskAsAsync((await OpenTasksAsync(id)).Single(t => t.ElementId == "schoolOrderForm" && t.Organisation == school), As("head", school), OrderForm());
        await CompleteTaskAsAsync((await OpenTasksAsync(id)).Single(t => t.ElementId == "signSchoolOrder" && t.Organisation == school), As("head", school),
            new JsonObject { ["websiteUrl"] = $"https://{school}.edu.kz/orders/154", ["postedOnNoticeBoard"] = true });
        await CompleteTaskAsAsync((await OpenTasksAsync(id)).Single(t => t.ElementId == "lmsAccess" && t.Organisation == school), As("clerk", school),
            new JsonObject { ["studentsWithAccess"] = 900, ["studentsWithoutAccess"] = 0, ["confirmed"] = true });
    }

    private async Task<List<(string Element, string? Organisation)>> RegimeTasksAsync(Guid id) =>
        [.. (await OpenTasksAsync(id)).Where(t => t.ElementId is "attestationSchedule" or "attestationResults" or "councilAttestationDecision")
            .Select(t => (t.ElementId, t.Organisation))];

    [Fact]
    public async Task Under_2025_a_secondary_school_of_an_emergency_order_runs_the_regime_a_college_does_not_and_the_orders_end_ends_it()
    {
        var id = await OrderAsync(Today, Today.AddDays(30));
        await SchoolGoesRemoteAsync(id, SecondarySchool);
        await SchoolGoesRemoteAsync(id, College);

        // Para 5(1): the school hands over the programmes and the СОР/СОЧ and attestation schedules; its own clerk does it.
        Assert.Equal([("attestationSchedule", (string?)SecondarySchool)], await RegimeTasksAsync(id));
        await CompleteTaskAsAsync((await OpenTasksAsync(id)).Single(t => t.ElementId == "attestationSchedule"), As("clerk", SecondarySchool),
            new JsonObject { ["materialsHandedOver"] = true, ["attestationDate"] = Iso(Today.AddDays(10)), ["attestationKind"] = "current" });
        Fixture.Clock.Advance(TimeSpan.FromDays(10));
        await FireTimersAsync();

        // Para 5(3)-(4): the attestation at the school, then the pedagogical council extends (a new hand-over follows).
        await CompleteTaskAsAsync((await OpenTasksAsync(id)).Single(t => t.ElementId == "attestationResults"), As("classTeacher", SecondarySchool),
            new JsonObject { ["attestationAttended"] = true, ["attestationAverage"] = 4.3, ["attestationSummary"] = "ТЖБ тапсырылды / СОЧ сдан" });
        await CompleteTaskAsAsync((await OpenTasksAsync(id)).Single(t => t.ElementId == "councilAttestationDecision"), As("councilSecretary", SecondarySchool),
            new JsonObject { ["protocolNumber"] = "ПС-3", ["attestationDecision"] = "extend" });
        Assert.Equal([("attestationSchedule", (string?)SecondarySchool)], await RegimeTasksAsync(id));

        await using (var db = Fixture.NewContext())
        {
            var regime = await db.Instances.AsNoTracking().SingleAsync(i => i.ParentInstanceId == id);
            var definition = await db.Definitions.AsNoTracking().SingleAsync(d => d.Id == regime.DefinitionId);
            Assert.Equal(("distance-regime", new DateOnly(2025, 5, 13)), (definition.Key, definition.EffectiveFrom!.Value));
        }

        // The department's order bounds it: at its end every student returns and the school's regime ends with it.
        Fixture.Clock.Advance(TimeSpan.FromDays(21));
        await FireTimersAsync();
        Assert.Equal(InstanceStatus.Terminated, await StatusAsync(id));
        Assert.Empty(await RegimeTasksAsync(id));
        await using var after = Fixture.NewContext();
        Assert.Equal(InstanceStatus.Cancelled, (await after.Instances.AsNoTracking().SingleAsync(i => i.ParentInstanceId == id)).Status);
    }

    [Fact]
    public async Task Under_2023_an_emergency_order_runs_no_regime_at_the_school()
    {
        var id = await OrderAsync(new DateOnly(2025, 2, 3), Today.AddDays(30));
        var order = (await OpenTasksAsync(id)).Single(t => t.ElementId == "schoolOrder" && t.Organisation == SecondarySchool);
        await CompleteTaskAsAsync(order, As("head", SecondarySchool), OrderForm());
        await CompleteTaskAsAsync((await OpenTasksAsync(id)).Single(t => t.ElementId == "schoolOrder" && t.Organisation == College), As("head", College), OrderForm());
        foreach (var school in new[] { SecondarySchool, College })
        {
            await CompleteTaskAsAsync((await OpenTasksAsync(id)).Single(t => t.ElementId == "lmsAccess" && t.Organisation == school), As("clerk", school),
                new JsonObject { ["studentsWithAccess"] = 900, ["studentsWithoutAccess"] = 0, ["confirmed"] = true });
        }

        Assert.Empty(await RegimeTasksAsync(id));
        Assert.Equal(InstanceStatus.Active, await StatusAsync(id));
        await using var db = Fixture.NewContext();
        Assert.False(await db.Instances.AnyAsync(i => i.ParentInstanceId == id));
    }
}
