using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Execution;
using static Qadam.Workflows.Tests.Bpmn;

namespace Qadam.Workflows.Tests.Execution;

/// <summary>
/// Send and receive tasks, message throw and end events, message boundaries and the event-based gateway: each command in
/// its own host and transaction, so what waits is read back from the database every time.
/// </summary>
public sealed class MessageEventTests(EngineFixture fixture) : EngineTestBase(fixture), IClassFixture<EngineFixture>
{
    private const string Letter = """<bpmn:message id="letterMsg" name="authority-letter" />""";

    private async Task<int> FireTimersAsync()
    {
        await using var host = Fixture.NewHost();
        return await host.Engine.FireDueTimersAsync();
    }

    private async Task<IReadOnlyList<CommandResult>> CorrelateAsync(string name, string? key, JsonObject? variables = null)
    {
        await using var host = Fixture.NewHost();
        return await host.Engine.CorrelateAsync(new CorrelateMessage(name, key, Clerk, variables));
    }

    private async Task PublishWaiterAsync()
    {
        // A case that waits in a receive task for the authority's letter about its own student.
        await Fixture.PublishAsync("letter-waiter", Process("letter-waiter", $"""
            <bpmn:startEvent id="start" />
            <bpmn:receiveTask id="awaitLetter" messageRef="letterMsg" qadam:correlationKey="student" />
            {UserTask("decide")}{Ends("decide")}
            {Flow("f0", "start", "awaitLetter")}{Flow("f1", "awaitLetter", "decide")}
            """, Letter));
    }

    [Fact]
    public async Task A_send_task_reaches_the_receive_task_of_the_instance_waiting_with_its_key_and_writes_the_outbox()
    {
        await PublishWaiterAsync();
        await Fixture.PublishAsync("letter-sender", Process("letter-sender", $"""
            <bpmn:startEvent id="start" />
            {UserTask("draft")}
            <bpmn:sendTask id="send" messageRef="letterMsg" qadam:correlationKey="about" qadam:payload="verdict" />
            {UserTask("archive")}{Ends("archive")}
            {Flow("f0", "start", "draft")}{Flow("f1", "draft", "send")}{Flow("f2", "send", "archive")}
            """, Letter));
        var mine = await StartAsync("letter-waiter", new JsonObject { ["student"] = "S-1" });
        var other = await StartAsync("letter-waiter", new JsonObject { ["student"] = "S-2" });
        var sender = await StartAsync("letter-sender", new JsonObject { ["about"] = "S-1" });

        await CompleteAsync(sender.InstanceId, "draft", new JsonObject { ["verdict"] = "approved", ["secret"] = "x" });

        Assert.Equal(["archive"], await OpenTaskIdsAsync(sender.InstanceId));
        Assert.Equal(["decide"], await OpenTaskIdsAsync(mine.InstanceId));
        Assert.Empty(await OpenTaskIdsAsync(other.InstanceId));
        var received = await VariablesAsync(mine.InstanceId);
        Assert.Equal("approved", received["verdict"]!.GetValue<string>());
        Assert.False(received.ContainsKey("secret"));
        await using var db = Fixture.NewContext();
        var sent = await db.Outbox.AsNoTracking().SingleAsync(o => o.InstanceId == sender.InstanceId && o.Topic == "bpmn-message");
        Assert.Equal("authority-letter", sent.Payload["message"]!.GetValue<string>());
        Assert.Equal("S-1", sent.Payload["correlationKey"]!.GetValue<string>());
        Assert.Single(await db.Subscriptions.AsNoTracking().Where(s => s.InstanceId == other.InstanceId).ToListAsync());
        Assert.Empty(await db.Subscriptions.AsNoTracking().Where(s => s.InstanceId == mine.InstanceId).ToListAsync());
    }

    [Fact]
    public async Task A_message_end_event_and_an_intermediate_throw_reach_catch_events_and_start_events_of_other_definitions()
    {
        await Fixture.PublishAsync("withdrawal-listener", Process("withdrawal-listener", $"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="waitWithdrawn"><bpmn:messageEventDefinition messageRef="w" qadam:correlationKey="caseNo" /></bpmn:intermediateCatchEvent>
            {UserTask("closeFile")}{Ends("closeFile")}
            {Flow("f0", "start", "waitWithdrawn")}{Flow("f1", "waitWithdrawn", "closeFile")}
            """, """<bpmn:message id="w" name="withdrawn" />"""));
        await Fixture.PublishAsync("registry", Process("registry", $"""
            <bpmn:startEvent id="onNotice"><bpmn:messageEventDefinition messageRef="n" /></bpmn:startEvent>
            {UserTask("register")}{Ends("register")}
            {Flow("f0", "onNotice", "register")}
            """, """<bpmn:message id="n" name="registry-notice" />"""));
        await Fixture.PublishAsync("withdrawer", Process("withdrawer", """
            <bpmn:startEvent id="start" />
            <bpmn:intermediateThrowEvent id="notify"><bpmn:messageEventDefinition messageRef="n" qadam:payload="caseNo" /></bpmn:intermediateThrowEvent>
            <bpmn:endEvent id="withdraw"><bpmn:messageEventDefinition messageRef="w" qadam:correlationKey="caseNo" /></bpmn:endEvent>
            <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="notify" />
            <bpmn:sequenceFlow id="f1" sourceRef="notify" targetRef="withdraw" />
            """, """<bpmn:message id="w" name="withdrawn" /><bpmn:message id="n" name="registry-notice" />"""));
        var listener = await StartAsync("withdrawal-listener", new JsonObject { ["caseNo"] = "C-77" });

        var thrower = await StartAsync("withdrawer", new JsonObject { ["caseNo"] = "C-77" });

        Assert.Equal(InstanceStatus.Completed, thrower.Status);
        Assert.Equal(["closeFile"], await OpenTaskIdsAsync(listener.InstanceId));
        await using var db = Fixture.NewContext();
        var registry = await db.Instances.AsNoTracking().SingleAsync(i => i.DefinitionKey == "registry");
        Assert.Equal(["register"], await OpenTaskIdsAsync(registry.Id));
        Assert.Equal("C-77", (await VariablesAsync(registry.Id))["caseNo"]!.GetValue<string>());
        Assert.Equal(2, await db.Outbox.CountAsync(o => o.InstanceId == thrower.InstanceId && o.Topic == "bpmn-message"));
    }

    private async Task PublishRaceAsync() =>
        await Fixture.PublishAsync("race", Process("race", $"""
            <bpmn:startEvent id="start" />
            <bpmn:eventBasedGateway id="whicheverFirst" />
            <bpmn:intermediateCatchEvent id="letterCame"><bpmn:messageEventDefinition messageRef="letterMsg" qadam:correlationKey="student" /></bpmn:intermediateCatchEvent>
            <bpmn:intermediateCatchEvent id="tenDays"><bpmn:timerEventDefinition><bpmn:timeDuration>P10D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            {UserTask("decideOnLetter")}{UserTask("decideWithout")}{Ends("decideOnLetter", "decideWithout")}
            {Flow("f0", "start", "whicheverFirst")}{Flow("f1", "whicheverFirst", "letterCame")}{Flow("f2", "whicheverFirst", "tenDays")}
            {Flow("f3", "letterCame", "decideOnLetter")}{Flow("f4", "tenDays", "decideWithout")}
            """, Letter));

    [Fact]
    public async Task An_event_based_gateway_takes_the_letter_when_it_comes_before_ten_days_and_withdraws_the_timer()
    {
        await PublishRaceAsync();
        var started = await StartAsync("race", new JsonObject { ["student"] = "R-1" });

        Fixture.Clock.Advance(TimeSpan.FromDays(3));
        await CorrelateAsync("authority-letter", "R-1");
        Fixture.Clock.Advance(TimeSpan.FromDays(8));
        await FireTimersAsync();

        Assert.Equal(["decideOnLetter"], await OpenTaskIdsAsync(started.InstanceId));
        await using var db = Fixture.NewContext();
        Assert.False(await db.Timers.AnyAsync(t => t.InstanceId == started.InstanceId));
        Assert.False(await db.Subscriptions.AnyAsync(s => s.InstanceId == started.InstanceId));
    }

    [Fact]
    public async Task An_event_based_gateway_takes_the_timer_after_ten_days_and_a_late_letter_finds_nobody()
    {
        await PublishRaceAsync();
        var started = await StartAsync("race", new JsonObject { ["student"] = "R-2" });

        Fixture.Clock.Advance(TimeSpan.FromDays(9));
        await FireTimersAsync();
        var afterNine = await OpenTaskIdsAsync(started.InstanceId);
        Fixture.Clock.Advance(TimeSpan.FromDays(1));
        await FireTimersAsync();

        Assert.Empty(afterNine);
        Assert.Equal(["decideWithout"], await OpenTaskIdsAsync(started.InstanceId));
        await Assert.ThrowsAsync<EngineNotFoundException>(() => CorrelateAsync("authority-letter", "R-2"));
        Assert.Equal(["decideWithout"], await OpenTaskIdsAsync(started.InstanceId));
    }

    [Fact]
    public async Task An_event_based_gateway_can_wait_for_a_receive_task_and_a_signal()
    {
        await Fixture.PublishAsync("race3", Process("race3", $"""
            <bpmn:startEvent id="start" />
            <bpmn:eventBasedGateway id="first" />
            <bpmn:receiveTask id="letterCame" messageRef="letterMsg" qadam:correlationKey="student" />
            <bpmn:intermediateCatchEvent id="lifted"><bpmn:signalEventDefinition signalRef="sig" /></bpmn:intermediateCatchEvent>
            {UserTask("onLetter")}{UserTask("onLifted")}{Ends("onLetter", "onLifted")}
            {Flow("f0", "start", "first")}{Flow("f1", "first", "letterCame")}{Flow("f2", "first", "lifted")}
            {Flow("f3", "letterCame", "onLetter")}{Flow("f4", "lifted", "onLifted")}
            """, Letter + """<bpmn:signal id="sig" name="order-lifted" />"""));
        var byLetter = await StartAsync("race3", new JsonObject { ["student"] = "X-1" });
        var bySignal = await StartAsync("race3", new JsonObject { ["student"] = "X-2" });

        await CorrelateAsync("authority-letter", "X-1");
        await using (var host = Fixture.NewHost())
        {
            await host.Engine.BroadcastSignalAsync(new BroadcastSignal("order-lifted", Clerk));
        }

        Assert.Equal(["onLetter"], await OpenTaskIdsAsync(byLetter.InstanceId));
        Assert.Equal(["onLifted"], await OpenTaskIdsAsync(bySignal.InstanceId));
    }

    [Fact]
    public async Task An_interrupting_message_boundary_withdraws_the_task_and_a_non_interrupting_one_adds_a_step_beside_it()
    {
        await Fixture.PublishAsync("boundaries", Process("boundaries", $"""
            <bpmn:startEvent id="start" />
            {UserTask("review")}
            <bpmn:boundaryEvent id="withdrawn" attachedToRef="review"><bpmn:messageEventDefinition messageRef="w" qadam:correlationKey="caseNo" /></bpmn:boundaryEvent>
            <bpmn:boundaryEvent id="question" attachedToRef="review" cancelActivity="false"><bpmn:messageEventDefinition messageRef="q" qadam:correlationKey="caseNo" /></bpmn:boundaryEvent>
            {UserTask("answer")}{UserTask("closeFile")}{Ends("review", "answer", "closeFile")}
            {Flow("f0", "start", "review")}{Flow("f1", "withdrawn", "closeFile")}{Flow("f2", "question", "answer")}
            """, """<bpmn:message id="w" name="withdrawn" /><bpmn:message id="q" name="parent-question" />"""));
        var started = await StartAsync("boundaries", new JsonObject { ["caseNo"] = "B-1" });

        await CorrelateAsync("parent-question", "B-1");
        await CorrelateAsync("parent-question", "B-1");
        var afterQuestions = await OpenTaskIdsAsync(started.InstanceId);
        await CorrelateAsync("withdrawn", "B-1");

        Assert.Equal(["answer", "answer", "review"], afterQuestions);
        Assert.Equal(["answer", "answer", "closeFile"], await OpenTaskIdsAsync(started.InstanceId));
        await using var db = Fixture.NewContext();
        Assert.Equal(Qadam.Workflows.Execution.UserTaskStatus.Cancelled,
            (await db.Tasks.AsNoTracking().SingleAsync(t => t.InstanceId == started.InstanceId && t.ElementId == "review")).Status);
        Assert.False(await db.Subscriptions.AnyAsync(s => s.InstanceId == started.InstanceId));
    }

    [Fact]
    public async Task A_receive_task_with_a_boundary_timer_gives_up_waiting_after_its_time()
    {
        await Fixture.PublishAsync("patience", Process("patience", $"""
            <bpmn:startEvent id="start" />
            <bpmn:receiveTask id="awaitLetter" messageRef="letterMsg" qadam:correlationKey="student" />
            <bpmn:boundaryEvent id="late" attachedToRef="awaitLetter"><bpmn:timerEventDefinition><bpmn:timeDuration>P5D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            {UserTask("decide")}{UserTask("remind")}{Ends("decide", "remind")}
            {Flow("f0", "start", "awaitLetter")}{Flow("f1", "awaitLetter", "decide")}{Flow("f2", "late", "remind")}
            """, Letter));
        var started = await StartAsync("patience", new JsonObject { ["student"] = "P-1" });

        Fixture.Clock.Advance(TimeSpan.FromDays(6));
        await FireTimersAsync();

        Assert.Equal(["remind"], await OpenTaskIdsAsync(started.InstanceId));
        await Assert.ThrowsAsync<EngineNotFoundException>(() => CorrelateAsync("authority-letter", "P-1"));
    }

    [Fact]
    public async Task An_event_based_gateway_takes_a_condition_that_a_parallel_task_makes_true()
    {
        await Fixture.PublishAsync("race-condition", Process("race-condition", $"""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            {UserTask("medicalBoard", "psychologist")}
            <bpmn:eventBasedGateway id="first" />
            <bpmn:intermediateCatchEvent id="concluded"><bpmn:conditionalEventDefinition><bpmn:condition>conclusion === 'home'</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:intermediateCatchEvent id="letterCame"><bpmn:messageEventDefinition messageRef="letterMsg" qadam:correlationKey="student" /></bpmn:intermediateCatchEvent>
            {UserTask("homeSchooling")}{UserTask("onLetter")}{Ends("medicalBoard", "homeSchooling", "onLetter")}
            {Flow("f0", "start", "fork")}{Flow("f1", "fork", "medicalBoard")}{Flow("f2", "fork", "first")}
            {Flow("f3", "first", "concluded")}{Flow("f4", "first", "letterCame")}{Flow("f5", "concluded", "homeSchooling")}{Flow("f6", "letterCame", "onLetter")}
            """, Letter));
        var started = await StartAsync("race-condition", new JsonObject { ["student"] = "C-1", ["conclusion"] = "pending" });

        await CompleteAsync(started.InstanceId, "medicalBoard", new JsonObject { ["conclusion"] = "home" });

        Assert.Equal(["homeSchooling"], await OpenTaskIdsAsync(started.InstanceId));
        await using var db = Fixture.NewContext();
        Assert.False(await db.Subscriptions.AnyAsync(s => s.InstanceId == started.InstanceId));
    }
}
