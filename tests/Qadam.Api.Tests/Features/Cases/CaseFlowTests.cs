using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Tests.Features.Definitions;
using Qadam.Api.Features.Audit;

namespace Qadam.Api.Tests.Features.Cases;

/// <summary>
/// A case end to end over HTTP: filed by the clerk, the psychologist's task in the psychologist's inbox only, completed
/// through the chain by the right people, refused to the wrong ones, seen by the parent in kk and ru, audited.
/// </summary>
public sealed class CaseFlowTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>, IAsyncLifetime
{
    private const string Pathway = "psych-head";

    private const string Form = """
        {"id":"psych-conclusion","type":"default","components":[
          {"type":"text","text":"# Заключение"},
          {"key":"recommendation","type":"select","label":"Рекомендация","validate":{"required":true},
           "values":[{"label":"Дистанционно","value":"distance"},{"label":"Очно","value":"inPerson"}]},
          {"key":"conclusion","type":"textarea","label":"Заключение","validate":{"required":true,"maxLength":2000}},
          {"key":"sessions","type":"number","label":"Сеансы","validate":{"min":0,"max":20}}]}
        """;

    public async Task InitializeAsync()
    {
        var forms = Directory.CreateDirectory(Path.Combine(api.WorkflowsDirectory, Pathway, "forms"));
        await File.WriteAllTextAsync(Path.Combine(forms.FullName, "psych-conclusion.form.json"), Form);
        using var legal = await api.ClientForAsync("legal.r1");
        var existing = await legal.GetFromJsonAsync<JsonElement>("/api/definitions");
        if (!existing.EnumerateArray().Any(d => d.GetProperty("key").GetString() == Pathway))
        {
            await Pathways.PublishAsync(api, Pathway, Pathways.PsychologistThenHead(Pathway));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_filed_case_runs_through_the_psychologist_and_the_head_to_decided()
    {
        var iin = await Pathways.ChildOfParentP1Async(api);
        using var clerk = await api.ClientForAsync("clerk.s1");
        using var psychologist = await api.ClientForAsync("psychologist.s1");
        using var head = await api.ClientForAsync("head.s1");

        var filed = await Pathways.FileAsync(clerk, Pathway, iin);
        var caseId = filed.GetProperty("id").GetString()!;
        Assert.Equal("inProgress", filed.GetProperty("status").GetString());
        Assert.Matches(@"^s1-\d{4}-\d{5}$", filed.GetProperty("number").GetString());
        Assert.Equal(1, filed.GetProperty("definitionVersion").GetInt32());

        // The psychologist's inbox has the task; the clerk's and the head's do not.
        var task = await SingleTaskAsync(psychologist, caseId);
        Assert.Equal("psychologist", task.GetProperty("elementId").GetString());
        Assert.Equal("Заключение психолога", task.GetProperty("labelRu").GetString());
        Assert.Equal("Прил. 2, п. 5", task.GetProperty("legalBasis").GetProperty("paragraph").GetString());
        Assert.Equal(0, (await InboxAsync(clerk, caseId)).GetProperty("total").GetInt32());
        Assert.Equal(0, (await InboxAsync(head, caseId)).GetProperty("total").GetInt32());
        var taskId = task.GetProperty("id").GetString();
        var detail0 = await psychologist.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}");
        Assert.True(detail0.GetProperty("callerIsCandidate").GetBoolean());
        Assert.Equal("psych-conclusion", detail0.GetProperty("form").GetProperty("id").GetString());
        Assert.False((await clerk.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}")).GetProperty("callerIsCandidate").GetBoolean());

        // Staff of the school without the candidate role: 403; the form's data checked field by field: 422.
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsync($"/api/tasks/{taskId}/complete", Pathways.Json(new { data = new { } }))).StatusCode);
        using (var invalid = await psychologist.PostAsync($"/api/tasks/{taskId}/complete",
                   Pathways.Json(new { data = new { recommendation = "homeschool", sessions = 50 } })))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
            var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.True(errors.TryGetProperty("data.recommendation", out _));
            Assert.True(errors.TryGetProperty("data.conclusion", out _));
            Assert.True(errors.TryGetProperty("data.sessions", out _));
        }

        using (var claim = await psychologist.PostAsync($"/api/tasks/{taskId}/claim", null))
        {
            Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
            Assert.Equal("psychologist.s1", (await claim.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assignee").GetString());
        }

        var valid = new { data = new { recommendation = "distance", conclusion = "Рекомендовано дистанционное обучение", sessions = 2 } };
        using (var done = await psychologist.PostAsync($"/api/tasks/{taskId}/complete", Pathways.Json(valid)))
        {
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
            Assert.Contains("head", (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("waitingAt").EnumerateArray().Select(e => e.GetString()));
        }

        using (var second = await psychologist.PostAsync($"/api/tasks/{taskId}/complete", Pathways.Json(valid)))
        {
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
            Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        }

        var headTask = await SingleTaskAsync(head, caseId);
        Assert.Equal("head", headTask.GetProperty("elementId").GetString());
        using (var decided = await head.PostAsync($"/api/tasks/{headTask.GetProperty("id").GetString()}/complete", Pathways.Json(new { data = new { approved = true } })))
        {
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
            var body = await decided.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("completed", body.GetProperty("instanceStatus").GetString());
            Assert.Equal("decided", body.GetProperty("caseStatus").GetString());
        }

        // The case page: definition and its legal basis, the timeline from the journal, the decisions with their paragraph.
        var detail = await clerk.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal("decided", detail.GetProperty("case").GetProperty("status").GetString());
        Assert.Equal(Pathways.Act, detail.GetProperty("definition").GetProperty("legalBasis").GetProperty("act").GetString());
        Assert.Empty(detail.GetProperty("currentSteps").EnumerateArray());
        var timeline = detail.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Contains(timeline, e => e.GetProperty("event").GetString() == "started");
        Assert.Contains(timeline, e => e.GetProperty("event").GetString() == "task-completed" && e.GetProperty("actor").GetString() == "psychologist.s1"
                                       && e.GetProperty("labelKk").GetString() == "Психологтың қорытындысы");
        Assert.Contains(timeline, e => e.GetProperty("event").GetString() == "completed");
        var decisions = detail.GetProperty("decisions").EnumerateArray().ToList();
        Assert.Equal("distance", decisions[0].GetProperty("data").GetProperty("recommendation").GetString());
        Assert.Equal("Прил. 2, п. 7", decisions[1].GetProperty("legalBasis").GetProperty("paragraph").GetString());

        // The case's audit: filing and each command, readable by the school's staff.
        var audit = await clerk.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/audit");
        Assert.Equal(["case.filed", "task.claimed", "task.completed", "task.completed"],
            audit.EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.All(audit.EnumerateArray(), e => Assert.Equal(Pathway, e.GetProperty("processKey").GetString()));
    }

    [Fact]
    public async Task Staff_of_another_school_neither_see_nor_complete_the_task()
    {
        using var clerk = await api.ClientForAsync("clerk.s1");
        var caseId = (await Pathways.FileAsync(clerk, Pathway, await Pathways.FirstStudentOfAsync(api, "s1"))).GetProperty("id").GetString()!;
        var taskId = (await SingleTaskAsync(await api.ClientForAsync("psychologist.s1"), caseId)).GetProperty("id").GetString();
        using var foreign = await api.ClientForAsync("psychologist.s2");
        using var foreignClerk = await api.ClientForAsync("clerk.s2");

        Assert.Equal(0, (await InboxAsync(foreign, caseId)).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"/api/tasks/{taskId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PostAsync($"/api/tasks/{taskId}/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PostAsync($"/api/tasks/{taskId}/complete", Pathways.Json(new { data = new { } }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreignClerk.GetAsync($"/api/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreignClerk.GetAsync($"/api/cases/{caseId}/audit")).StatusCode);
        var list = await foreignClerk.GetFromJsonAsync<JsonElement>("/api/cases?pageSize=500");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == caseId);

        // The region's officer and auditor see it; an unknown task is 404 like a foreign one.
        using var regional = await api.ClientForAsync("regional.r1");
        Assert.Equal(HttpStatusCode.OK, (await regional.GetAsync($"/api/cases/{caseId}")).StatusCode);
        using var auditor = await api.ClientForAsync("auditor.r1");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/cases/{caseId}/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/api/tasks/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Filing_with_the_same_idempotency_key_returns_the_first_case()
    {
        using var clerk = await api.ClientForAsync("clerk.s1");
        var iin = await Pathways.FirstStudentOfAsync(api, "s1");
        var key = "file-" + Guid.NewGuid().ToString("N");

        var first = await Pathways.FileAsync(clerk, Pathway, iin, key);
        var replay = await Pathways.FileAsync(clerk, Pathway, iin, key);

        Assert.Equal(first.GetProperty("id").GetString(), replay.GetProperty("id").GetString());
        Assert.Equal(first.GetProperty("number").GetString(), replay.GetProperty("number").GetString());
        var cases = await clerk.GetFromJsonAsync<JsonElement>($"/api/cases?studentIin={iin}&pageSize=500");
        Assert.Single(cases.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == first.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Filing_checks_iin_student_scope_dates_and_pathway()
    {
        using var clerk = await api.ClientForAsync("clerk.s1");
        var own = await Pathways.FirstStudentOfAsync(api, "s1");
        var foreign = await Pathways.FirstStudentOfAsync(api, "s2");
        var today = Pathways.Today;

        async Task<string> FieldAsync(object body)
        {
            using var response = await clerk.PostAsync("/api/cases", Pathways.Json(body));
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, response.StatusCode.ToString());
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            return string.Join(",", errors.EnumerateObject().Select(p => p.Name));
        }

        Assert.Equal("studentIin", await FieldAsync(new { pathway = Pathway, studentIin = "123456789012", ground = "g", filedOn = today }));
        Assert.Equal("studentIin", await FieldAsync(new { pathway = Pathway, studentIin = foreign, ground = "g", filedOn = today }));
        Assert.Equal("filedOn", await FieldAsync(new { pathway = Pathway, studentIin = own, ground = "g", filedOn = today.AddDays(1) }));
        Assert.Equal("filedOn", await FieldAsync(new { pathway = Pathway, studentIin = own, ground = "g", filedOn = "1900-01-01" }));
        Assert.Equal("pathway", await FieldAsync(new { pathway = "no-such-pathway", studentIin = own, ground = "g", filedOn = today }));
        Assert.Equal("language", await FieldAsync(new { pathway = Pathway, studentIin = own, ground = "g", filedOn = today, language = "en" }));
        Assert.Equal("filedOn", await FieldAsync(new { pathway = Pathway, studentIin = own, ground = "g", filedOn = "2026-02-30" }));
        Assert.Equal("colour", await FieldAsync(new { pathway = Pathway, studentIin = own, ground = "g", filedOn = today, colour = "red" }));

        // A pathway whose only version starts after the filing date: 422 naming filedOn.
        await Pathways.PublishAsync(api, "later-pathway", Pathways.PsychologistThenHead("later-pathway"), today.AddDays(30).ToString("yyyy-MM-dd"));
        Assert.Equal("filedOn", await FieldAsync(new { pathway = "later-pathway", studentIin = own, ground = "g", filedOn = today }));

        // Parents and psychologists do not file.
        using var parent = await api.ClientForAsync("parent.p1");
        Assert.Equal(HttpStatusCode.Forbidden, (await parent.PostAsync("/api/cases", Pathways.Json(new { pathway = Pathway }))).StatusCode);
    }

    [Fact]
    public async Task The_parent_sees_the_childs_case_and_the_next_step_in_kazakh_or_russian()
    {
        using var clerk = await api.ClientForAsync("clerk.s1");
        var iin = await Pathways.ChildOfParentP1Async(api);
        var caseId = (await Pathways.FileAsync(clerk, Pathway, iin)).GetProperty("id").GetString();
        using var parent = await api.ClientForAsync("parent.p1");

        var kk = await NextStepAsync(parent, caseId!, null);
        var ru = await NextStepAsync(parent, caseId!, "ru-RU,ru;q=0.9,en;q=0.5");

        Assert.Equal("Психологтың қорытындысы", kk.GetProperty("label").GetString());
        Assert.Equal("Заключение психолога", ru.GetProperty("label").GetString());
        Assert.True(kk.GetProperty("dueAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(2));
        Assert.Equal(HttpStatusCode.OK, (await parent.GetAsync($"/api/cases/{caseId}")).StatusCode);

        using var other = await api.ClientForAsync("parent.p2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/cases/{caseId}")).StatusCode);
        var none = await other.GetFromJsonAsync<JsonElement>("/api/parents/me/cases");
        Assert.DoesNotContain(none.EnumerateArray().SelectMany(c => c.GetProperty("cases").EnumerateArray()), c => c.GetProperty("id").GetString() == caseId);
    }

    [Fact]
    public async Task A_completion_replayed_with_its_idempotency_key_returns_the_first_result_and_audits_once()
    {
        using var clerk = await api.ClientForAsync("clerk.s1");
        var caseId = (await Pathways.FileAsync(clerk, Pathway, await Pathways.FirstStudentOfAsync(api, "s1"))).GetProperty("id").GetString()!;
        using var psychologist = await api.ClientForAsync("psychologist.s1");
        var taskId = (await SingleTaskAsync(psychologist, caseId)).GetProperty("id").GetString();
        var data = new { data = new { recommendation = "inPerson", conclusion = "Очно" } };

        async Task<JsonElement> CompleteAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{taskId}/complete") { Content = Pathways.Json(data) };
            request.Headers.Add("Idempotency-Key", "complete-once");
            using var response = await psychologist.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        var first = await CompleteAsync();
        var replay = await CompleteAsync();

        Assert.Equal(first.GetProperty("openedTasks")[0].GetString(), replay.GetProperty("openedTasks")[0].GetString());
        var audit = await clerk.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/audit");
        Assert.Single(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "task.completed");
    }

    [Fact]
    public async Task A_case_whose_instance_a_timer_ends_takes_its_outcome_with_an_engine_audit_event()
    {
        await Pathways.PublishAsync(api, "timer-refusal", Pathways.RefusedAfterATimer("timer-refusal"));
        using var clerk = await api.ClientForAsync("clerk.s1");
        var caseId = (await Pathways.FileAsync(clerk, "timer-refusal", await Pathways.FirstStudentOfAsync(api, "s1"))).GetProperty("id").GetString()!;

        var status = "inProgress";
        for (var i = 0; i < 100 && status == "inProgress"; i++)
        {
            await Task.Delay(200);
            var list = await clerk.GetFromJsonAsync<JsonElement>("/api/cases?pathway=timer-refusal");
            status = list.GetProperty("items")[0].GetProperty("status").GetString()!;
        }

        Assert.Equal("refused", status);
        var audit = await clerk.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "case.status-followed" && e.GetProperty("actor").GetString() == "system");
    }

    [Fact]
    public async Task A_start_the_engine_refuses_leaves_no_case_and_no_audit_behind()
    {
        await Pathways.PublishAsync(api, "dead-end", Pathways.DeadEndAtStart("dead-end"));
        using var clerk = await api.ClientForAsync("clerk.s1");
        var iin = await Pathways.FirstStudentOfAsync(api, "s1");

        using var response = await clerk.PostAsync("/api/cases", Pathways.Json(new
        {
            pathway = "dead-end", studentIin = iin, ground = "g", filedOn = Pathways.Today,
        }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("gate", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var cases = await clerk.GetFromJsonAsync<JsonElement>("/api/cases?pathway=dead-end");
        Assert.Equal(0, cases.GetProperty("total").GetInt32());
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Qadam.Api.Persistence.QadamDbContext>();
        await AuditChain.PlaceAsync(db, default);
        Assert.False(await db.AuditEvents.AnyAsync(e => e.ProcessKey == "dead-end" && e.Action == "case.filed"));
        var workflows = scope.ServiceProvider.GetRequiredService<Qadam.Workflows.Persistence.WorkflowsDbContext>();
        Assert.False(await workflows.Instances.AnyAsync(i => i.DefinitionKey == "dead-end"));
    }

    private static async Task<JsonElement> NextStepAsync(HttpClient parent, string caseId, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/parents/me/cases");
        if (language is not null)
        {
            request.Headers.Add("Accept-Language", language);
        }

        using var response = await parent.SendAsync(request);
        var children = await response.Content.ReadFromJsonAsync<JsonElement>();
        var found = children.EnumerateArray().SelectMany(c => c.GetProperty("cases").EnumerateArray()).Single(c => c.GetProperty("id").GetString() == caseId);
        Assert.Equal("inProgress", found.GetProperty("status").GetString());
        return found.GetProperty("nextSteps")[0];
    }

    private static async Task<JsonElement> InboxAsync(HttpClient client, string caseId) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/tasks?caseId={caseId}");

    private static async Task<JsonElement> SingleTaskAsync(HttpClient client, string caseId)
    {
        var inbox = await InboxAsync(client, caseId);
        return Assert.Single(inbox.GetProperty("items").EnumerateArray());
    }
}
