using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Execution;
using static Qadam.Workflows.Tests.Bpmn;

namespace Qadam.Workflows.Tests.Execution;

public sealed class EventTests(EngineFixture fixture) : EngineTestBase(fixture), IClassFixture<EngineFixture>
{
    private async Task<int> FireTimersAsync()
    {
        await using var host = Fixture.NewHost();
        return await host.Engine.FireDueTimersAsync();
    }

    [Fact]
    public async Task An_intermediate_timer_waits_until_its_time_then_moves_on()
    {
        await Fixture.PublishAsync("wait", Process("wait", $"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="untilReturn"><bpmn:timerEventDefinition><bpmn:timeDuration>P14D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            {UserTask("return")}{Ends("return")}
            {Flow("f0", "start", "untilReturn")}{Flow("f1", "untilReturn", "return")}
            """));
        var started = await StartAsync("wait");

        Fixture.Clock.Advance(TimeSpan.FromDays(13));
        await FireTimersAsync();
        var afterThirteenDays = await OpenTaskIdsAsync(started.InstanceId);
        Fixture.Clock.Advance(TimeSpan.FromDays(1));
        await FireTimersAsync();

        Assert.Empty(afterThirteenDays);
        Assert.Equal(["return"], await OpenTaskIdsAsync(started.InstanceId));
    }

    [Fact]
    public async Task A_two_month_timer_falls_due_on_the_same_day_two_calendar_months_later_not_after_sixty_days()
    {
        await Fixture.PublishAsync("two-months", Process("two-months", $"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="untilReview"><bpmn:timerEventDefinition><bpmn:timeDuration>P2M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            {UserTask("review")}{Ends("review")}
            {Flow("f0", "start", "untilReview")}{Flow("f1", "untilReview", "review")}
            """));
        var startedAt = Fixture.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(5));
        var started = await StartAsync("two-months");

        await using var db = Fixture.NewContext();
        var timer = await db.Timers.SingleAsync(t => t.InstanceId == started.InstanceId);

        Assert.Equal(startedAt.AddMonths(2), timer.DueAt);
    }

    [Fact]
    public async Task A_timer_at_an_expression_date_fires_on_that_date_in_Kazakhstan_time()
    {
        await Fixture.PublishAsync("until", Process("until", $"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="endOfPeriod"><bpmn:timerEventDefinition><bpmn:timeDate>=period.to</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            {UserTask("return")}{Ends("return")}
            {Flow("f0", "start", "endOfPeriod")}{Flow("f1", "endOfPeriod", "return")}
            """));
        var started = await StartAsync("until", new JsonObject { ["period"] = new JsonObject { ["to"] = "2025-09-20" } });

        await using var db = Fixture.NewContext();
        var timer = await db.Timers.SingleAsync(t => t.InstanceId == started.InstanceId);

        Assert.Equal(new DateTimeOffset(2025, 9, 20, 0, 0, 0, TimeSpan.FromHours(5)), timer.DueAt);
    }

    [Fact]
    public async Task A_timer_start_event_starts_an_instance_at_each_occurrence_of_its_cycle()
    {
        await Fixture.PublishAsync("morning-check", Process("morning-check", $"""
            <bpmn:startEvent id="at0600"><bpmn:timerEventDefinition><bpmn:timeCycle>R2/PT24H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
            {UserTask("enterForecast", "regionalOfficer")}{Ends("enterForecast")}
            {Flow("f0", "at0600", "enterForecast")}
            """));
        await using var db = Fixture.NewContext();
        int Started() => db.Instances.Count(i => i.DefinitionKey == "morning-check");

        Fixture.Clock.Advance(TimeSpan.FromHours(24));
        await FireTimersAsync();
        var afterFirst = Started();
        Fixture.Clock.Advance(TimeSpan.FromHours(24));
        await FireTimersAsync();
        Fixture.Clock.Advance(TimeSpan.FromHours(24));
        await FireTimersAsync();

        Assert.Equal(1, afterFirst);
        Assert.Equal(2, Started());
    }

    [Fact]
    public async Task A_message_reaches_the_instance_that_waits_with_its_correlation_key()
    {
        await Fixture.PublishAsync("msg", Process("msg", $"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="letter"><bpmn:messageEventDefinition messageRef="federationLetter" qadam:correlationKey="student.iin" /></bpmn:intermediateCatchEvent>
            {UserTask("order")}{Ends("order")}
            {Flow("f0", "start", "letter")}{Flow("f1", "letter", "order")}
            """, """<bpmn:message id="federationLetter" name="federation-letter" />"""));
        var a = await StartAsync("msg", new JsonObject { ["student"] = new JsonObject { ["iin"] = "111" } });
        var b = await StartAsync("msg", new JsonObject { ["student"] = new JsonObject { ["iin"] = "222" } });

        await using var host = Fixture.NewHost();
        var results = await host.Engine.CorrelateAsync(new CorrelateMessage("federation-letter", "222", Clerk,
            new JsonObject { ["competition"] = new JsonObject { ["from"] = "2025-10-01" } }));

        Assert.Equal(b.InstanceId, Assert.Single(results).InstanceId);
        Assert.Equal(["order"], await OpenTaskIdsAsync(b.InstanceId));
        Assert.Empty(await OpenTaskIdsAsync(a.InstanceId));
        Assert.Equal("2025-10-01", (await VariablesAsync(b.InstanceId))["competition"]!["from"]!.GetValue<string>());
        await Assert.ThrowsAsync<EngineNotFoundException>(() =>
            host.Engine.CorrelateAsync(new CorrelateMessage("federation-letter", "999", Clerk)));
    }

    [Fact]
    public async Task A_message_start_event_starts_the_version_in_force()
    {
        await Fixture.PublishAsync("emergency", Process("emergency", $"""
            <bpmn:startEvent id="orderPosted"><bpmn:messageEventDefinition messageRef="order" /></bpmn:startEvent>
            {UserTask("confirm", "head")}{Ends("confirm")}
            {Flow("f0", "orderPosted", "confirm")}
            """, """<bpmn:message id="order" name="emergency-order" />"""));

        await using var host = Fixture.NewHost();
        var started = Assert.Single(await host.Engine.CorrelateAsync(new CorrelateMessage("emergency-order", "ORD-1", Clerk,
            new JsonObject { ["organisation"] = "s1" }, new DateOnly(2025, 12, 2))));

        Assert.Equal(["confirm"], await OpenTaskIdsAsync(started.InstanceId));
    }

    [Fact]
    public async Task An_interrupting_boundary_timer_escalates_an_overdue_task()
    {
        await Fixture.PublishAsync("deadline", Process("deadline", $"""
            <bpmn:startEvent id="start" />
            {UserTask("weatherOrder", "head", "qadam:deadline=\"PT1H\"")}
            <bpmn:boundaryEvent id="overdue" attachedToRef="weatherOrder"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            {UserTask("escalated", "regionalOfficer")}{Ends("escalated")}
            <bpmn:endEvent id="end" />
            {Flow("f0", "start", "weatherOrder")}{Flow("f1", "weatherOrder", "end")}{Flow("f2", "overdue", "escalated")}
            """));
        var started = await StartAsync("deadline");

        Fixture.Clock.Advance(TimeSpan.FromMinutes(61));
        await FireTimersAsync();

        Assert.Equal(["escalated"], await OpenTaskIdsAsync(started.InstanceId));
        await using var db = Fixture.NewContext();
        var original = await db.Tasks.SingleAsync(t => t.InstanceId == started.InstanceId && t.ElementId == "weatherOrder");
        Assert.Equal(Qadam.Workflows.Execution.UserTaskStatus.Cancelled, original.Status);
    }

    [Fact]
    public async Task A_completed_task_leaves_no_boundary_timer_behind()
    {
        await Fixture.PublishAsync("ontime", Process("ontime", $"""
            <bpmn:startEvent id="start" />
            {UserTask("act")}
            <bpmn:boundaryEvent id="late" attachedToRef="act"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            {UserTask("next")}{UserTask("escalated")}{Ends("next", "escalated")}
            {Flow("f0", "start", "act")}{Flow("f1", "act", "next")}{Flow("f2", "late", "escalated")}
            """));
        var started = await StartAsync("ontime");

        await CompleteAsync(started.InstanceId, "act");
        Fixture.Clock.Advance(TimeSpan.FromDays(2));
        await FireTimersAsync();

        Assert.Equal(["next"], await OpenTaskIdsAsync(started.InstanceId));
    }

    [Fact]
    public async Task A_non_interrupting_boundary_timer_reminds_while_the_task_stays_open()
    {
        await Fixture.PublishAsync("remind", Process("remind", $"""
            <bpmn:startEvent id="start" />
            {UserTask("sign", "head")}
            <bpmn:boundaryEvent id="reminder" attachedToRef="sign" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeDuration>PT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            {UserTask("call", "clerk")}{Ends("sign", "call")}
            {Flow("f0", "start", "sign")}{Flow("f2", "reminder", "call")}
            """));
        var started = await StartAsync("remind");

        Fixture.Clock.Advance(TimeSpan.FromHours(3));
        await FireTimersAsync();

        Assert.Equal(["call", "sign"], await OpenTaskIdsAsync(started.InstanceId));
    }

    [Fact]
    public async Task An_error_end_in_a_sub_process_is_caught_by_its_boundary_and_the_sub_process_ends()
    {
        await Fixture.PublishAsync("suberr", Process("suberr", $"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="review">
              <bpmn:startEvent id="rs" />
              <bpmn:parallelGateway id="fork" />
              {UserTask("check")}{UserTask("other")}
              <bpmn:exclusiveGateway id="ok" default="fine" />
              <bpmn:endEvent id="refused"><bpmn:errorEventDefinition errorRef="refusal" /></bpmn:endEvent>
              <bpmn:endEvent id="done" />
              <bpmn:endEvent id="otherDone" />
              {Flow("r0", "rs", "fork")}{Flow("r1", "fork", "check")}{Flow("r2", "fork", "other")}{Flow("r3", "check", "ok")}
              {Flow("bad", "ok", "refused", "excluded")}{Flow("fine", "ok", "done")}{Flow("r4", "other", "otherDone")}
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="onRefusal" attachedToRef="review"><bpmn:errorEventDefinition errorRef="refusal" /></bpmn:boundaryEvent>
            {UserTask("notice")}{UserTask("order")}{Ends("notice", "order")}
            {Flow("f0", "start", "review")}{Flow("f1", "review", "order")}{Flow("f2", "onRefusal", "notice")}
            """, """<bpmn:error id="refusal" errorCode="REFUSED" />"""));
        var refused = await StartAsync("suberr");
        var accepted = await StartAsync("suberr");

        await CompleteAsync(refused.InstanceId, "check", new JsonObject { ["excluded"] = true });
        await CompleteAsync(accepted.InstanceId, "check", new JsonObject { ["excluded"] = false });
        Assert.Equal(["other"], await OpenTaskIdsAsync(accepted.InstanceId));
        await CompleteAsync(accepted.InstanceId, "other");

        Assert.Equal(["notice"], await OpenTaskIdsAsync(refused.InstanceId));
        Assert.Equal(["order"], await OpenTaskIdsAsync(accepted.InstanceId));
    }

    [Fact]
    public async Task A_terminate_end_ends_every_branch()
    {
        await Fixture.PublishAsync("term", Process("term", $"""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            {UserTask("a")}{UserTask("b")}
            <bpmn:endEvent id="stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
            <bpmn:endEvent id="end" />
            {Flow("f0", "start", "fork")}{Flow("f1", "fork", "a")}{Flow("f2", "fork", "b")}{Flow("f3", "a", "stop")}{Flow("f4", "b", "end")}
            """));
        var started = await StartAsync("term");

        var result = await CompleteAsync(started.InstanceId, "a");

        Assert.Equal(InstanceStatus.Terminated, result.Status);
        Assert.Empty(await OpenTaskIdsAsync(started.InstanceId));
    }

    [Fact]
    public async Task A_call_activity_runs_the_called_process_and_takes_back_its_outputs()
    {
        await Fixture.PublishAsync("inspection", Process("inspection", $"""
            <bpmn:startEvent id="s" />{UserTask("visit", "classTeacher")}<bpmn:endEvent id="e" />
            {Flow("c0", "s", "visit")}{Flow("c1", "visit", "e")}
            """));
        await Fixture.PublishAsync("caller", Process("caller", $"""
            <bpmn:startEvent id="start" />
            <bpmn:callActivity id="inspect" calledElement="inspection" qadam:outputs="conditions" />
            {UserTask("decide")}{Ends("decide")}
            {Flow("f0", "start", "inspect")}{Flow("f1", "inspect", "decide")}
            """));
        var started = await StartAsync("caller", new JsonObject { ["organisation"] = "s1" });

        await using var db = Fixture.NewContext();
        var child = await db.Instances.AsNoTracking().SingleAsync(i => i.ParentInstanceId == started.InstanceId);
        await CompleteAsync(child.Id, "visit", new JsonObject { ["conditions"] = "adequate", ["noise"] = 1 });

        Assert.Equal(["decide"], await OpenTaskIdsAsync(started.InstanceId));
        var variables = await VariablesAsync(started.InstanceId);
        Assert.Equal("adequate", variables["conditions"]!.GetValue<string>());
        Assert.False(variables.ContainsKey("noise"));
        Assert.Equal(InstanceStatus.Completed, (await InstanceAsync(child.Id)).Status);
    }

    [Fact]
    public async Task A_collect_table_returns_every_row_that_applies()
    {
        await Fixture.PublishTableAsync("tvet-limits", """
            {
              "hitPolicy": "collect",
              "rules": [
                { "when": "ground !== 3 && ground !== 4 && share > 0.2", "output": "over-20-percent", "legalBasis": "349 Прил. 2 п. 18, 20" },
                { "when": "['medicine', 'pharmacy', 'pedagogy'].includes(programme)", "output": "excluded-programme", "legalBasis": "349 Прил. 2 п. 3-1" }
              ]
            }
            """);
        await Fixture.PublishAsync("tvet", Process("tvet", $"""
            <bpmn:startEvent id="start" />
            <bpmn:businessRuleTask id="limits" qadam:table="tvet-limits" qadam:resultVariable="violations" />
            {UserTask("decide")}{Ends("decide")}
            {Flow("f0", "start", "limits")}{Flow("f1", "limits", "decide")}
            """));

        var both = await StartAsync("tvet", new JsonObject { ["ground"] = 5, ["share"] = 0.25, ["programme"] = "pedagogy" });
        var medical = await StartAsync("tvet", new JsonObject { ["ground"] = 3, ["share"] = 0.25, ["programme"] = "it" });

        Assert.Equal(["over-20-percent", "excluded-programme"],
            (await VariablesAsync(both.InstanceId))["violations"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Empty((await VariablesAsync(medical.InstanceId))["violations"]!.AsArray());
    }

    [Fact]
    public async Task A_condition_table_decides_which_grades_go_remote()
    {
        await Fixture.PublishTableAsync("weather-astana", """
            {
              "hitPolicy": "first",
              "inputs": ["temperature", "wind"],
              "rules": [
                { "when": "wind >= 10", "output": { "grades": "all" } },
                { "when": "temperature <= -30 && wind >= 5", "output": { "grades": "0-11", "college": "1-2" } },
                { "when": "temperature <= -25 && wind >= 2", "output": { "grades": "0-4" } },
                { "when": "true", "output": null }
              ]
            }
            """);
        await Fixture.PublishAsync("weather", Process("weather", $"""
            <bpmn:startEvent id="start" />
            <bpmn:businessRuleTask id="decide" qadam:table="weather-astana" qadam:resultVariable="remote" />
            {UserTask("order", "head")}{Ends("order")}
            {Flow("f0", "start", "decide")}{Flow("f1", "decide", "order")}
            """));

        var frost = await StartAsync("weather", new JsonObject { ["temperature"] = -31, ["wind"] = 6 });
        var cold = await StartAsync("weather", new JsonObject { ["temperature"] = -26, ["wind"] = 3 });

        Assert.Equal("0-11", (await VariablesAsync(frost.InstanceId))["remote"]!["grades"]!.GetValue<string>());
        Assert.Equal("0-4", (await VariablesAsync(cold.InstanceId))["remote"]!["grades"]!.GetValue<string>());
    }
}
