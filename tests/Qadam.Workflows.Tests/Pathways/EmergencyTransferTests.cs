using System.Text.Json.Nodes;
using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// Emergency, restrictive measures, quarantine (349 Annex 2 para 5 and 14; 2025: Annex 1 para 22-23): the regional
/// department's order moves every listed school's students on receipt; then each school is its own instance (its head's
/// order filled, rendered and signed, its parents notified, its LMS access confirmed or escalated on its own clock); the
/// return is armed when the order is received, from its period, and an amendment or an early lifting reaches every
/// school at once.
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
                ["id"] = orderId, ["issuingBody"] = "r-almaty", ["issuerKk"] = "Алматы қаласының білім басқармасы",
                ["issuerRu"] = "Управление образования города Алматы", ["number"] = "154",
                ["date"] = Iso(from), ["ground"] = "ОРВИ / ЖРВИ", ["territory"] = Region,
            },
            ["period"] = new JsonObject { ["from"] = Iso(from), ["to"] = Iso(to) },
            ["organisations"] = new JsonArray([.. Schools.Select(s => (JsonNode?)JsonValue.Create(s))]),
            ["organisation"] = Region,
        }, from);
    }

    private static JsonObject OrderForm() => new()
    {
        ["classesCovered"] = "1-11", ["modeOfWork"] = "Дистанционно / Қашықтан",
        ["responsibleAdministration"] = "Орынбасар / Заместитель директора", ["responsibleTeachers"] = "Сынып жетекшілері / Классные руководители",
    };

    /// <summary>The head (or deputy) of a school fills the order's form and signs the order rendered from it.</summary>
    private async Task IssueOrderAsync(Guid id, string school, string role = "head")
    {
        var tasks = await OpenTasksAsync(id);
        await CompleteTaskAsAsync(tasks.Single(t => t.ElementId == "schoolOrderForm" && t.Organisation == school), As(role, school), OrderForm());
        await CompleteTaskAsAsync((await OpenTasksAsync(id)).Single(t => t.ElementId == "signSchoolOrder" && t.Organisation == school), As(role, school),
            new JsonObject { ["websiteUrl"] = $"https://{school}.edu.kz/orders/154", ["postedOnNoticeBoard"] = true });
    }

    private async Task ConfirmLmsAsync(Guid id, string school) =>
        await CompleteTaskAsAsync((await OpenTasksAsync(id)).Single(t => t.ElementId == "lmsAccess" && t.Organisation == school), As("clerk", school),
            new JsonObject { ["studentsWithAccess"] = 940, ["studentsWithoutAccess"] = 3, ["confirmed"] = true });

    [Fact]
    public async Task Each_school_moves_on_its_own_and_the_students_return_when_the_amended_order_ends()
    {
        var from = Today;
        var started = await OrderAsync("0f8e5a52-order-154", from, from.AddDays(9));
        var id = started.InstanceId;

        // Every listed school's students are moved on receipt by the department's order (para 22), in one step.
        Assert.Equal([("transferStudents", (string?)null)], (await OutboxAsync(id, "mass-transfer")).Select(m => (m.Element, m.School)));
        Assert.Equal(Schools, (await OpenTasksAsync(id)).Select(t => t.Organisation!).Order(StringComparer.Ordinal));

        // The first school goes all the way while the others have not started their orders.
        await IssueOrderAsync(id, Schools[0]);
        Assert.Equal([("notifyParents", Schools[0])], (await OutboxAsync(id, "notify")).Select(m => (m.Element, m.School)));
        await ConfirmLmsAsync(id, Schools[0]);
        await IssueOrderAsync(id, Schools[1], "deputyHead");
        await IssueOrderAsync(id, Schools[2]);
        await ConfirmLmsAsync(id, Schools[1]);
        await ConfirmLmsAsync(id, Schools[2]);

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
        Assert.Equal(InstanceStatus.Terminated, await StatusAsync(id)); // the return ends every school's open steps
        Assert.Equal(["transferStudents", "returnStudents"], (await OutboxAsync(id, "mass-transfer")).Select(m => m.Element));
        Assert.Equal(3, (await VariablesAsync(id))["schoolResults"]!.AsArray().Count);
        Assert.All((await VariablesAsync(id))["schoolResults"]!.AsArray(),
            r => Assert.StartsWith("https://", r!["websiteUrl"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_return_fires_at_the_end_of_the_period_even_when_a_school_never_confirmed_LMS_access_and_that_school_is_escalated()
    {
        var from = Today;
        var started = await OrderAsync("5c1d0b7e-order-200", from, from.AddDays(3));
        var id = started.InstanceId;
        foreach (var school in Schools)
        {
            await IssueOrderAsync(id, school);
        }

        await ConfirmLmsAsync(id, Schools[0]);
        await ConfirmLmsAsync(id, Schools[1]);

        Fixture.Clock.Advance(TimeSpan.FromDays(1.5));
        await FireTimersAsync();
        var escalated = (await OpenTasksAsync(id)).Where(t => t.ElementId == "escalateLmsAccess").ToList();
        Fixture.Clock.Advance(TimeSpan.FromDays(1.5));
        await FireTimersAsync();
        var onLastDay = await StatusAsync(id);
        Fixture.Clock.Advance(TimeSpan.FromDays(1));
        await FireTimersAsync();

        Assert.Equal(Region, Assert.Single(escalated).Organisation);
        Assert.Equal(InstanceStatus.Active, onLastDay);
        Assert.Equal(InstanceStatus.Terminated, await StatusAsync(id)); // the return ends every school's open steps
        Assert.Equal(["transferStudents", "returnStudents"], (await OutboxAsync(id, "mass-transfer")).Select(m => m.Element));
        Assert.Empty(await OpenTasksAsync(id));
    }

    [Fact]
    public async Task An_early_lifting_of_the_order_returns_every_school_at_once_whatever_step_each_has_reached()
    {
        var from = Today;
        var started = await OrderAsync("9a7c-order-301", from, from.AddDays(14));
        var id = started.InstanceId;
        await IssueOrderAsync(id, Schools[0]);
        await ConfirmLmsAsync(id, Schools[0]);
        await IssueOrderAsync(id, Schools[1]);

        Fixture.Clock.Advance(TimeSpan.FromHours(30));
        await using (var host = Fixture.NewHost(FakeActivities.All()))
        {
            // Another order's lifting reaches no one of this one.
            await host.Engine.BroadcastSignalAsync(new BroadcastSignal("emergency-order-lifted", As("regionalOfficer", Region), "another-order"));
        }

        await RunJobsAsync();
        var afterOtherLifting = await StatusAsync(id);
        await using (var host = Fixture.NewHost(FakeActivities.All()))
        {
            await host.Engine.BroadcastSignalAsync(new BroadcastSignal("emergency-order-lifted", As("regionalOfficer", Region), "9a7c-order-301"));
        }

        await RunJobsAsync();

        Assert.Equal(InstanceStatus.Active, afterOtherLifting);
        Assert.Equal(InstanceStatus.Terminated, await StatusAsync(id)); // the return ends every school's open steps
        Assert.Equal(["transferStudents", "returnStudents"], (await OutboxAsync(id, "mass-transfer")).Select(m => m.Element));
        Assert.Contains("notifyReturn", await NotifiedElementsAsync(id));
        Assert.Empty(await OpenTasksAsync(id));
    }
}
