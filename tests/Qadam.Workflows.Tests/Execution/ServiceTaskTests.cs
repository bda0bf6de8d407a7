using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Execution;
using static Qadam.Workflows.Tests.Bpmn;

namespace Qadam.Workflows.Tests.Execution;

public sealed class ServiceTaskTests(EngineFixture fixture) : EngineTestBase(fixture), IClassFixture<EngineFixture>
{
    /// <summary>An activity that fails the first <see cref="FailTimes"/> times per instance, then numbers the order and notifies.</summary>
    private sealed class NumberOrder : IProcessActivity
    {
        public string Name => "number-order";

        public int FailTimes { get; init; }

        // Jobs of other tests in this class share the database; count attempts per instance.
        private readonly Dictionary<Guid, int> _calls = [];

        public Task ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
        {
            var calls = _calls[context.InstanceId] = _calls.GetValueOrDefault(context.InstanceId) + 1;
            if (calls <= FailTimes)
            {
                throw new InvalidOperationException("the registry is down");
            }

            if (context.Variables["excluded"]?.GetValue<bool>() == true)
            {
                throw new BpmnErrorException("EXCLUDED", "departure abroad is excluded");
            }

            context.SetVariable("orderNumber", "S1-ORD-2025-0001");
            context.Send("notify-parent", new JsonObject { ["case"] = context.BusinessKey });
            return Task.CompletedTask;
        }
    }

    private static string Flow3(string key) => Process(key, $"""
        <bpmn:startEvent id="start" />
        {UserTask("apply")}
        <bpmn:serviceTask id="number" qadam:activity="number-order" />
        <bpmn:boundaryEvent id="onExcluded" attachedToRef="number"><bpmn:errorEventDefinition errorRef="excluded" /></bpmn:boundaryEvent>
        {UserTask("sign", "head")}{UserTask("refuse", "clerk")}{Ends("sign", "refuse")}
        {Flow("f0", "start", "apply")}{Flow("f1", "apply", "number")}{Flow("f2", "number", "sign")}{Flow("f3", "onExcluded", "refuse")}
        """, """<bpmn:error id="excluded" errorCode="EXCLUDED" />""");

    private async Task<int> RunJobsAsync(IProcessActivity activity)
    {
        await using var host = Fixture.NewHost(activity);
        return await host.Engine.RunDueJobsAsync();
    }

    [Fact]
    public async Task A_service_task_runs_its_activity_after_the_command_and_writes_its_outbox_in_the_same_transaction()
    {
        var activity = new NumberOrder();
        await Fixture.PublishAsync("svc-ok", Flow3("svc-ok"), null, activity);
        var started = await StartAsync("svc-ok");
        await CompleteAsync(started.InstanceId, "apply");

        Assert.Equal(1, await RunJobsAsync(activity));

        Assert.Equal(["sign"], await OpenTaskIdsAsync(started.InstanceId));
        Assert.Equal("S1-ORD-2025-0001", (await VariablesAsync(started.InstanceId))["orderNumber"]!.GetValue<string>());
        await using var db = Fixture.NewContext();
        Assert.Single(await db.Outbox.Where(o => o.InstanceId == started.InstanceId && o.Topic == "notify-parent").ToListAsync());
    }

    [Fact]
    public async Task An_exception_inside_a_service_task_leaves_the_instance_exactly_as_before()
    {
        var activity = new NumberOrder { FailTimes = 1 };
        await Fixture.PublishAsync("svc-fail", Flow3("svc-fail"), null, activity);
        var started = await StartAsync("svc-fail");
        await CompleteAsync(started.InstanceId, "apply");
        var before = await InstanceAsync(started.InstanceId);

        await RunJobsAsync(activity);

        var after = await InstanceAsync(started.InstanceId);
        Assert.Equal(before.StateJson, after.StateJson);
        Assert.Equal(before.RowVersion, after.RowVersion);
        Assert.Empty(await OpenTaskIdsAsync(started.InstanceId));
        await using var db = Fixture.NewContext();
        var job = await db.Jobs.SingleAsync(j => j.InstanceId == started.InstanceId);
        Assert.Equal(1, job.Attempts);
        Assert.Equal("the registry is down", job.LastError);
        Assert.Empty(await db.Outbox.Where(o => o.InstanceId == started.InstanceId).ToListAsync());
    }

    [Fact]
    public async Task A_service_task_that_keeps_failing_becomes_an_incident_that_an_operator_retries()
    {
        var activity = new NumberOrder { FailTimes = ProcessEngine.MaxJobAttempts };
        await Fixture.PublishAsync("svc-incident", Flow3("svc-incident"), null, activity);
        var started = await StartAsync("svc-incident");
        await CompleteAsync(started.InstanceId, "apply");

        for (var attempt = 0; attempt < ProcessEngine.MaxJobAttempts; attempt++)
        {
            await RunJobsAsync(activity);
            Fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        await using var db = Fixture.NewContext();
        var incident = await db.Incidents.SingleAsync(i => i.InstanceId == started.InstanceId);
        Assert.Equal("number", incident.ElementId);
        Assert.Equal("the registry is down", incident.Error);
        Assert.Equal(0, await RunJobsAsync(activity));

        await using (var host = Fixture.NewHost(activity))
        {
            await host.Engine.RetryIncidentAsync(incident.Id, new Actor("admin.mon", "administrator"));
        }

        Assert.Equal(1, await RunJobsAsync(activity));
        Assert.Equal(["sign"], await OpenTaskIdsAsync(started.InstanceId));
    }

    [Fact]
    public async Task An_operator_can_skip_an_incident_and_the_process_moves_on()
    {
        var activity = new NumberOrder { FailTimes = 100 };
        await Fixture.PublishAsync("svc-skip", Flow3("svc-skip"), null, activity);
        var started = await StartAsync("svc-skip");
        await CompleteAsync(started.InstanceId, "apply");
        for (var attempt = 0; attempt < ProcessEngine.MaxJobAttempts; attempt++)
        {
            await RunJobsAsync(activity);
            Fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        await using var db = Fixture.NewContext();
        var incident = await db.Incidents.SingleAsync(i => i.InstanceId == started.InstanceId);
        await using (var host = Fixture.NewHost(activity))
        {
            await host.Engine.SkipIncidentAsync(incident.Id, new Actor("admin.mon", "administrator"), new JsonObject { ["orderNumber"] = "manual" });
        }

        Assert.Equal(["sign"], await OpenTaskIdsAsync(started.InstanceId));
        Assert.Equal("manual", (await VariablesAsync(started.InstanceId))["orderNumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_business_error_from_an_activity_is_caught_by_its_error_boundary()
    {
        var activity = new NumberOrder();
        await Fixture.PublishAsync("svc-error", Flow3("svc-error"), null, activity);
        var started = await StartAsync("svc-error");
        await CompleteAsync(started.InstanceId, "apply", new JsonObject { ["excluded"] = true });

        await RunJobsAsync(activity);

        Assert.Equal(["refuse"], await OpenTaskIdsAsync(started.InstanceId));
    }
}
