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
}
