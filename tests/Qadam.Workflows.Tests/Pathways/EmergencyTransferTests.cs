using System.Text.Json.Nodes;
using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// Emergency, restrictive measures, quarantine (349 Annex 2 para 5 and 14; 2025: Annex 1 para 22-23): the regional
/// department's order transfers every student of the listed schools; each head issues the school's order and confirms
/// access to the LMS; the students return when the order ends, unless a new order changes its term.
/// </summary>
public sealed class EmergencyTransferTests(EngineFixture fixture) : PathwayTestBase(fixture), IClassFixture<EngineFixture>
{
    private const string Region = "almaty-edu";
    private static readonly string[] Schools = ["s-almaty-005", "s-almaty-120", "s-almaty-233"];

    /// <summary>Starts the pathway as POST /api/emergency-orders does: the order, its period, the covered organisations.</summary>
    private async Task<CommandResult> OrderAsync(string orderId, DateOnly from, DateOnly to)
    {
        await Pathway.Load("emergency-transfer").PublishAsync(Fixture);
        return await StartFiledAsync("emergency-transfer", new JsonObject
        {
            ["order"] = new JsonObject
            {
                ["id"] = orderId, ["issuingBody"] = "Алматы қаласының білім басқармасы / Управление образования г. Алматы", ["number"] = "154",
                ["date"] = Iso(from), ["ground"] = "ОРВИ / ЖРВИ", ["territory"] = Region,
            },
            ["period"] = new JsonObject { ["from"] = Iso(from), ["to"] = Iso(to) },
            ["organisations"] = new JsonArray([.. Schools.Select(s => (JsonNode?)JsonValue.Create(s))]),
            ["organisation"] = Region,
        }, from);
    }

    [Fact]
    public async Task Every_listed_school_gets_its_heads_order_and_confirms_LMS_access_and_the_students_return_when_the_amended_order_ends()
    {
        var from = Today;
        var started = await OrderAsync("0f8e5a52-order-154", from, from.AddDays(9));
        var id = started.InstanceId;

        Assert.True((await StringsAsync(id, "massTransfers")).SequenceEqual(["transferStudents"]), await DiagnoseAsync(id));
        var orders = await OpenTasksAsync(id);
        Assert.Equal(Schools, orders.Select(t => t.Organisation!).Order(StringComparer.Ordinal));
        foreach (var order in orders)
        {
            await CompleteTaskAsAsync(order, As("head", order.Organisation!), new JsonObject
            {
                ["orderNumber"] = "ДО-1", ["orderDate"] = Iso(from), ["classesCovered"] = "1-11", ["modeOfWork"] = "Дистанционно", ["signed"] = true,
            });
        }

        Assert.Equal(["notifyParents"], await NotifiedElementsAsync(id));
        foreach (var access in await OpenTasksAsync(id))
        {
            Assert.Equal("lmsAccess", access.ElementId);
            await CompleteTaskAsAsync(access, As("clerk", access.Organisation!),
                new JsonObject { ["studentsWithAccess"] = 940, ["studentsWithoutAccess"] = 3, ["confirmed"] = true });
        }

        // A new order extends the term by a week before the first one ends.
        await using (var host = Fixture.NewHost(FakeActivities.All()))
        {
            await host.Engine.CorrelateAsync(new CorrelateMessage("emergency-order-amended", "0f8e5a52-order-154", As("regionalOfficer", Region),
                new JsonObject { ["period"] = new JsonObject { ["from"] = Iso(from), ["to"] = Iso(from.AddDays(16)) }, ["amendedBy"] = "161" }));
        }

        Fixture.Clock.Advance(TimeSpan.FromDays(11));
        await FireTimersAsync();
        var afterFirstTerm = await StatusAsync(id);
        Fixture.Clock.Advance(TimeSpan.FromDays(7));
        await FireTimersAsync();

        Assert.Equal(InstanceStatus.Active, afterFirstTerm);
        Assert.Equal(InstanceStatus.Completed, await StatusAsync(id));
        Assert.Equal(["transferStudents", "returnStudents"], await StringsAsync(id, "massTransfers"));
        Assert.Equal(["notifyParents", "notifyReturn"], await NotifiedElementsAsync(id));
    }

    [Fact]
    public async Task Without_a_new_order_the_students_return_the_day_after_the_orders_last_day()
    {
        var from = Today;
        var started = await OrderAsync("5c1d0b7e-order-200", from, from.AddDays(3));
        foreach (var task in await OpenTasksAsync(started.InstanceId))
        {
            await CompleteTaskAsAsync(task, As("head", task.Organisation!), new JsonObject { ["orderNumber"] = "ДО-2", ["signed"] = true });
        }

        foreach (var task in await OpenTasksAsync(started.InstanceId))
        {
            await CompleteTaskAsAsync(task, As("head", task.Organisation!), new JsonObject { ["studentsWithAccess"] = 500, ["confirmed"] = true });
        }

        Fixture.Clock.Advance(TimeSpan.FromDays(3));
        await FireTimersAsync();
        var onLastDay = await StatusAsync(started.InstanceId);
        Fixture.Clock.Advance(TimeSpan.FromDays(1));
        await FireTimersAsync();

        Assert.Equal(InstanceStatus.Active, onLastDay);
        Assert.Equal(InstanceStatus.Completed, await StatusAsync(started.InstanceId));
    }
}
