using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Execution;
using static Qadam.Workflows.Tests.Bpmn;

namespace Qadam.Workflows.Tests.Execution;

/// <summary>
/// Event sub-processes (triggeredByEvent) at process and sub-process level: interrupting ones cancel their scope's tokens,
/// tasks and waits; non-interrupting ones run beside them.
/// </summary>
public sealed class EventSubProcessTests(EngineFixture fixture) : EngineTestBase(fixture), IClassFixture<EngineFixture>
{
    private async Task<int> FireTimersAsync()
    {
        await using var host = Fixture.NewHost();
        return await host.Engine.FireDueTimersAsync();
    }

    private async Task CorrelateAsync(string name, string? key, JsonObject? variables = null)
    {
        await using var host = Fixture.NewHost();
        await host.Engine.CorrelateAsync(new CorrelateMessage(name, key, Clerk, variables));
    }

    /// <summary>
    /// The parent's application: review (with a deadline timer), then a council vote, then the order; at any of these steps
    /// the parent may withdraw, which ends the case with a withdrawal notice.
    /// </summary>
    private async Task PublishApplicationAsync() =>
        await Fixture.PublishAsync("application", Process("application", $"""
            <bpmn:startEvent id="start" />
            {UserTask("review", "psychologist")}
            <bpmn:boundaryEvent id="reviewLate" attachedToRef="review" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeDuration>P5D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            {UserTask("chase", "head")}
            <bpmn:endEvent id="chased" />
            <bpmn:subProcess id="council">
              <bpmn:startEvent id="cs" />
              {UserTask("vote", "councilMember")}
              <bpmn:endEvent id="ce" />
              {Flow("c0", "cs", "vote")}{Flow("c1", "vote", "ce")}
            </bpmn:subProcess>
            <bpmn:intermediateCatchEvent id="awaitSignature"><bpmn:messageEventDefinition messageRef="signed" qadam:correlationKey="caseNo" /></bpmn:intermediateCatchEvent>
            {UserTask("issueOrder", "head")}
            <bpmn:endEvent id="end" />
            {Flow("f0", "start", "review")}{Flow("f1", "review", "council")}{Flow("f2", "council", "awaitSignature")}
            {Flow("f3", "awaitSignature", "issueOrder")}{Flow("f4", "issueOrder", "end")}{Flow("f5", "reviewLate", "chase")}{Flow("f6", "chase", "chased")}
            <bpmn:subProcess id="onWithdrawal" triggeredByEvent="true">
              <bpmn:startEvent id="withdrawn"><bpmn:messageEventDefinition messageRef="withdraw" qadam:correlationKey="caseNo" /></bpmn:startEvent>
              {UserTask("noticeOfWithdrawal", "clerk")}
              <bpmn:endEvent id="closed" />
              {Flow("w0", "withdrawn", "noticeOfWithdrawal")}{Flow("w1", "noticeOfWithdrawal", "closed")}
            </bpmn:subProcess>
            """, """<bpmn:message id="withdraw" name="application-withdrawn" /><bpmn:message id="signed" name="order-signed" />"""));

    private async Task AssertWithdrawnAsync(Guid instanceId)
    {
        Assert.Equal(["noticeOfWithdrawal"], await OpenTaskIdsAsync(instanceId));
        await using var db = Fixture.NewContext();
        Assert.False(await db.Timers.AnyAsync(t => t.InstanceId == instanceId));
        Assert.False(await db.Subscriptions.AnyAsync(s => s.InstanceId == instanceId));
        Assert.DoesNotContain(await db.Tasks.AsNoTracking().Where(t => t.InstanceId == instanceId && t.ElementId != "noticeOfWithdrawal").ToListAsync(),
            t => t.IsOpen);

        await CompleteAsync(instanceId, "noticeOfWithdrawal");
        Assert.Equal(InstanceStatus.Completed, (await InstanceAsync(instanceId)).Status);
    }

    [Fact]
    public async Task The_parent_withdraws_while_the_review_waits_and_the_case_ends_with_a_notice()
    {
        await PublishApplicationAsync();
        var started = await StartAsync("application", new JsonObject { ["caseNo"] = "A-1" });

        await CorrelateAsync("application-withdrawn", "A-1", new JsonObject { ["reason"] = "moved away" });

        Assert.Equal("moved away", (await VariablesAsync(started.InstanceId))["reason"]!.GetValue<string>());
        await AssertWithdrawnAsync(started.InstanceId);
        Fixture.Clock.Advance(TimeSpan.FromDays(6));
        await FireTimersAsync();
        Assert.Empty(await OpenTaskIdsAsync(started.InstanceId));
    }

    [Fact]
    public async Task The_parent_withdraws_during_the_council_vote_inside_a_sub_process()
    {
        await PublishApplicationAsync();
        var started = await StartAsync("application", new JsonObject { ["caseNo"] = "A-2" });
        await CompleteAsync(started.InstanceId, "review");
        Assert.Equal(["vote"], await OpenTaskIdsAsync(started.InstanceId));

        await CorrelateAsync("application-withdrawn", "A-2");

        await AssertWithdrawnAsync(started.InstanceId);
    }

    [Fact]
    public async Task The_parent_withdraws_while_the_case_waits_for_the_signed_order()
    {
        await PublishApplicationAsync();
        var started = await StartAsync("application", new JsonObject { ["caseNo"] = "A-3" });
        await CompleteAsync(started.InstanceId, "review");
        await CompleteAsync(started.InstanceId, "vote");
        Assert.Empty(await OpenTaskIdsAsync(started.InstanceId));

        await CorrelateAsync("application-withdrawn", "A-3");

        await AssertWithdrawnAsync(started.InstanceId);
        await using var host = Fixture.NewHost();
        await Assert.ThrowsAsync<EngineNotFoundException>(() => host.Engine.CorrelateAsync(new CorrelateMessage("order-signed", "A-3", Clerk)));
    }

    [Fact]
    public async Task A_case_that_ends_normally_stops_listening_for_a_withdrawal()
    {
        await PublishApplicationAsync();
        var started = await StartAsync("application", new JsonObject { ["caseNo"] = "A-4" });
        await CompleteAsync(started.InstanceId, "review");
        await CompleteAsync(started.InstanceId, "vote");
        await CorrelateAsync("order-signed", "A-4");

        await CompleteAsync(started.InstanceId, "issueOrder");

        Assert.Equal(InstanceStatus.Completed, (await InstanceAsync(started.InstanceId)).Status);
        await using var db = Fixture.NewContext();
        Assert.False(await db.Subscriptions.AnyAsync(s => s.InstanceId == started.InstanceId));
    }

    [Fact]
    public async Task A_non_interrupting_timer_event_sub_process_sends_a_reminder_while_the_task_waits()
    {
        await Fixture.PublishAsync("reminded", Process("reminded", $"""
            <bpmn:startEvent id="start" />
            {UserTask("sign", "head")}{Ends("sign")}
            {Flow("f0", "start", "sign")}
            <bpmn:subProcess id="reminder" triggeredByEvent="true">
              <bpmn:startEvent id="afterTwoDays" isInterrupting="false"><bpmn:timerEventDefinition><bpmn:timeDuration>P2D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>
              <bpmn:sendTask id="remind" messageRef="r" qadam:correlationKey="caseNo" />
              <bpmn:endEvent id="reminderSent" />
              {Flow("r0", "afterTwoDays", "remind")}{Flow("r1", "remind", "reminderSent")}
            </bpmn:subProcess>
            """, """<bpmn:message id="r" name="signature-reminder" />"""));
        var started = await StartAsync("reminded", new JsonObject { ["caseNo"] = "R-1" });

        Fixture.Clock.Advance(TimeSpan.FromDays(1));
        await FireTimersAsync();
        await using var db = Fixture.NewContext();
        var afterOneDay = await db.Outbox.CountAsync(o => o.InstanceId == started.InstanceId);
        Fixture.Clock.Advance(TimeSpan.FromDays(1));
        await FireTimersAsync();

        Assert.Equal(0, afterOneDay);
        var reminder = await db.Outbox.AsNoTracking().SingleAsync(o => o.InstanceId == started.InstanceId);
        Assert.Equal("signature-reminder", reminder.Payload["message"]!.GetValue<string>());
        Assert.Equal(["sign"], await OpenTaskIdsAsync(started.InstanceId));
        Assert.Equal(InstanceStatus.Active, (await InstanceAsync(started.InstanceId)).Status);

        await CompleteAsync(started.InstanceId, "sign");
        Assert.Equal(InstanceStatus.Completed, (await InstanceAsync(started.InstanceId)).Status);
    }

    [Fact]
    public async Task An_error_event_sub_process_catches_an_error_end_and_a_signal_one_in_a_sub_process_interrupts_only_it()
    {
        await Fixture.PublishAsync("scoped", Process("scoped", $"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="inspection">
              <bpmn:startEvent id="is" />
              {UserTask("visit")}
              <bpmn:exclusiveGateway id="found" default="fine" />
              <bpmn:endEvent id="unsafe"><bpmn:errorEventDefinition errorRef="unsafeErr" /></bpmn:endEvent>
              <bpmn:endEvent id="ie" />
              {Flow("i0", "is", "visit")}{Flow("i1", "visit", "found")}{Flow("bad", "found", "unsafe", "unsafeBuilding")}{Flow("fine", "found", "ie")}
              <bpmn:subProcess id="onFrost" triggeredByEvent="true">
                <bpmn:startEvent id="frost"><bpmn:signalEventDefinition signalRef="frostSig" /></bpmn:startEvent>
                {UserTask("postpone")}
                <bpmn:endEvent id="pe" />
                {Flow("p0", "frost", "postpone")}{Flow("p1", "postpone", "pe")}
              </bpmn:subProcess>
            </bpmn:subProcess>
            {UserTask("report")}{Ends("report")}
            {Flow("f0", "start", "inspection")}{Flow("f1", "inspection", "report")}
            <bpmn:subProcess id="onUnsafe" triggeredByEvent="true">
              <bpmn:startEvent id="unsafeCaught"><bpmn:errorEventDefinition errorRef="unsafeErr" /></bpmn:startEvent>
              {UserTask("closeSchool", "head")}
              <bpmn:endEvent id="ue" />
              {Flow("u0", "unsafeCaught", "closeSchool")}{Flow("u1", "closeSchool", "ue")}
            </bpmn:subProcess>
            """, """<bpmn:error id="unsafeErr" errorCode="UNSAFE" /><bpmn:signal id="frostSig" name="frost" />"""));
        var unsafeSchool = await StartAsync("scoped");
        var frozen = await StartAsync("scoped");

        await CompleteAsync(unsafeSchool.InstanceId, "visit", new JsonObject { ["unsafeBuilding"] = true });
        await using (var host = Fixture.NewHost())
        {
            await host.Engine.BroadcastSignalAsync(new BroadcastSignal("frost", Clerk));
        }

        Assert.Equal(["closeSchool"], await OpenTaskIdsAsync(unsafeSchool.InstanceId));
        Assert.Equal(["postpone"], await OpenTaskIdsAsync(frozen.InstanceId));
        await CompleteAsync(frozen.InstanceId, "postpone");
        Assert.Equal(["report"], await OpenTaskIdsAsync(frozen.InstanceId));
    }

    [Fact]
    public async Task A_conditional_event_sub_process_starts_when_a_completed_task_sets_its_variable()
    {
        await Fixture.PublishAsync("watched", Process("watched", $"""
            <bpmn:startEvent id="start" />
            {UserTask("first")}{UserTask("second")}{Ends("second")}
            {Flow("f0", "start", "first")}{Flow("f1", "first", "second")}
            <bpmn:subProcess id="onRisk" triggeredByEvent="true">
              <bpmn:startEvent id="risk" isInterrupting="false"><bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">riskLevel &gt; 2</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:startEvent>
              {UserTask("callPsychologist", "psychologist")}
              <bpmn:endEvent id="re" />
              {Flow("r0", "risk", "callPsychologist")}{Flow("r1", "callPsychologist", "re")}
            </bpmn:subProcess>
            """));
        var started = await StartAsync("watched", new JsonObject { ["riskLevel"] = 1 });

        await CompleteAsync(started.InstanceId, "first", new JsonObject { ["riskLevel"] = 3 });

        Assert.Equal(["callPsychologist", "second"], await OpenTaskIdsAsync(started.InstanceId));
    }

    [Fact]
    public async Task An_interrupting_timer_event_sub_process_in_a_sub_process_ends_only_that_sub_process_when_time_runs_out()
    {
        await Fixture.PublishAsync("timeboxed", Process("timeboxed", $"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="collect">
              <bpmn:startEvent id="cs" />
              <bpmn:parallelGateway id="fork" />
              {UserTask("certificate")}{UserTask("statement")}
              <bpmn:parallelGateway id="join" />
              <bpmn:endEvent id="ce" />
              {Flow("c0", "cs", "fork")}{Flow("c1", "fork", "certificate")}{Flow("c2", "fork", "statement")}
              {Flow("c3", "certificate", "join")}{Flow("c4", "statement", "join")}{Flow("c5", "join", "ce")}
              <bpmn:subProcess id="timeUp" triggeredByEvent="true">
                <bpmn:startEvent id="after3Days"><bpmn:timerEventDefinition><bpmn:timeDuration>P3D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>
                <bpmn:intermediateThrowEvent id="markIncomplete" />
                <bpmn:endEvent id="te" />
                {Flow("t0", "after3Days", "markIncomplete")}{Flow("t1", "markIncomplete", "te")}
              </bpmn:subProcess>
            </bpmn:subProcess>
            {UserTask("decide")}{Ends("decide")}
            {Flow("f0", "start", "collect")}{Flow("f1", "collect", "decide")}
            """));
        var started = await StartAsync("timeboxed");
        await CompleteAsync(started.InstanceId, "certificate");

        Fixture.Clock.Advance(TimeSpan.FromDays(3));
        await FireTimersAsync();

        Assert.Equal(["decide"], await OpenTaskIdsAsync(started.InstanceId));
        await using var db = Fixture.NewContext();
        Assert.Equal(UserTaskStatus.Cancelled,
            (await db.Tasks.AsNoTracking().SingleAsync(t => t.InstanceId == started.InstanceId && t.ElementId == "statement")).Status);
    }

    [Fact]
    public async Task A_migrated_case_keeps_listening_for_a_withdrawal_under_the_start_event_the_mapping_names()
    {
        string Edition(string startId) => Process("moving", $"""
            <bpmn:startEvent id="start" />
            {UserTask("review")}{Ends("review")}
            {Flow("f0", "start", "review")}
            <bpmn:subProcess id="onWithdrawal" triggeredByEvent="true">
              <bpmn:startEvent id="{startId}"><bpmn:messageEventDefinition messageRef="withdraw" qadam:correlationKey="caseNo" /></bpmn:startEvent>
              {UserTask("noticeOfWithdrawal")}
              <bpmn:endEvent id="closed" />
              {Flow("w0", startId, "noticeOfWithdrawal")}{Flow("w1", "noticeOfWithdrawal", "closed")}
            </bpmn:subProcess>
            """, """<bpmn:message id="withdraw" name="moving-withdrawn" />""");
        var v1 = await Fixture.PublishAsync("moving", Edition("withdrawn"), new DateOnly(2024, 1, 1));
        var started = await StartAsync("moving", new JsonObject { ["caseNo"] = "M-1" }, new DateOnly(2024, 6, 1));
        var v2 = await Fixture.PublishAsync("moving", Edition("parentWithdrew"), new DateOnly(2025, 1, 1));
        var admin = new Actor("legal.r1", "legalEditor");
        await using (var host = Fixture.NewHost())
        {
            var blocked = await host.Engine.MigrateAsync(new MigrateInstances(v1.Id, v2.Id, new Dictionary<string, string>(), admin, DryRun: true));
            Assert.Equal("withdrawn", Assert.Single(blocked.Problems).ElementId);
            var moved = await host.Engine.MigrateAsync(new MigrateInstances(v1.Id, v2.Id,
                new Dictionary<string, string> { ["withdrawn"] = "parentWithdrew" }, admin, DryRun: false));
            Assert.True(moved.Applied);
        }

        await CorrelateAsync("moving-withdrawn", "M-1");

        Assert.Equal(2, (await InstanceAsync(started.InstanceId)).DefinitionVersion);
        Assert.Equal(["noticeOfWithdrawal"], await OpenTaskIdsAsync(started.InstanceId));
    }
}
