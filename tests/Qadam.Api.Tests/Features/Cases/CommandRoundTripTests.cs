using System.Net;
using System.Text.Json;
using Qadam.Api.Tests.Features.Definitions;
using Xunit.Abstractions;

namespace Qadam.Api.Tests.Features.Cases;

/// <summary>
/// Filing a case and completing a task are what staff wait on: each round trip to PostgreSQL is latency a clerk notices. The
/// two walks make the round trips they need and no more (the version in force read once, the instance the engine wrote not
/// read back, the case not re-read for the answer, the engine's idempotency record looked up once). Counted with Npgsql's
/// own tracing, one activity per command or batch a request sends, as the engine's CommandWriterTests count a command's.
/// </summary>
public sealed class CommandRoundTripTests(QadamApiFactory api, ITestOutputHelper output) : IClassFixture<QadamApiFactory>, IAsyncLifetime
{
    private const string Pathway = "psych-head";

    private const string Form = """
        {"id":"psych-conclusion","type":"default","components":[
          {"key":"recommendation","type":"select","label":"Рекомендация","validate":{"required":true},
           "values":[{"label":"Дистанционно","value":"distance"},{"label":"Очно","value":"inPerson"}]},
          {"key":"conclusion","type":"textarea","label":"Заключение","validate":{"required":true,"maxLength":2000}}]}
        """;

    public async Task InitializeAsync()
    {
        var forms = Directory.CreateDirectory(Path.Combine(api.WorkflowsDirectory, Pathway, "forms"));
        await File.WriteAllTextAsync(Path.Combine(forms.FullName, "psych-conclusion.form.json"), Form);
        await Pathways.PublishAsync(api, Pathway, Pathways.PsychologistThenHead(Pathway));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Filing_a_case_and_completing_its_task_make_the_round_trips_they_need()
    {
        var iin = await Pathways.ChildOfParentP1Async(api);
        using var clerk = await api.ClientForAsync("clerk.s1");
        using var psychologist = await api.ClientForAsync("psychologist.s1");
        // A first filing warms what is remembered (the version in force, the parsed model, the prepared statements).
        await Pathways.FileAsync(clerk, Pathway, iin);

        var (filing, filed) = await CountAsync(() => SendAsync(clerk, HttpMethod.Post, "/api/cases", new
        {
            pathway = Pathway, studentIin = iin, ground = Pathways.GroundOf(Pathway), filedOn = Pathways.Today.ToString("yyyy-MM-dd"),
        }, "filing-round-trips"));
        Assert.Equal(HttpStatusCode.Created, filed.Status);
        Report("POST /api/cases", filing);
        // The version in force is remembered for a second; on a slow machine the engine may look it up again (one read, no content).
        // The audit event is one insert, placed in the chain by the database at COMMIT (it was three round trips, then one with the lock).
        // The case's row, the audit event and the engine's rows other than the instance go in one batch; the ground's table
        // comes from the published tables the engine remembers.
        // The voting bodies' members come with the student, in the same statement.
        Assert.InRange(filing.Count(s => !RememberedVersionRead(s)), 1, 5);
        Assert.Single(filing, s => s.Contains("qadam.user_roles", StringComparison.Ordinal) && s.Contains("FROM qadam.students", StringComparison.Ordinal));
        // The case number's row lock holds the school's other filers until the commit, so it is taken after every read.
        var numbered = filing.FindIndex(s => s.Contains("INSERT INTO qadam.case_counters", StringComparison.Ordinal));
        Assert.True(numbered > filing.FindLastIndex(s => s.TrimStart().StartsWith("SELECT", StringComparison.Ordinal)),
            "the case is numbered after the filing's last read");
        // The instance the engine just wrote is not read back, nor the case re-read for the answer.
        Assert.DoesNotContain(filing, s => s.Contains("FROM workflows.instances", StringComparison.Ordinal));
        Assert.Single(filing, s => s.Contains("INSERT INTO workflows.instances", StringComparison.Ordinal));

        var caseId = filed.Body.GetProperty("id").GetString();
        using var inbox = await psychologist.GetAsync($"/api/tasks?caseId={caseId}");
        var taskId = JsonDocument.Parse(await inbox.Content.ReadAsStringAsync()).RootElement.GetProperty("items")[0].GetProperty("id").GetString();
        var (completion, completed) = await CountAsync(() => SendAsync(psychologist, HttpMethod.Post, $"/api/tasks/{taskId}/complete",
            new { data = new { recommendation = "distance", conclusion = "Рекомендовано" } }, "completion-round-trips"));
        Assert.Equal(HttpStatusCode.OK, completed.Status);
        Assert.Equal("inProgress", completed.Body.GetProperty("caseStatus").GetString());
        Report("POST /api/tasks/{id}/complete", completion);
        Assert.InRange(completion.Count, 1, 5);
        // The audit event is one insert; the database places it in the chain at COMMIT, so no statement of the command takes the chain's lock.
        Assert.Single(completion, s => s.Contains("INSERT INTO qadam.audit_pending", StringComparison.Ordinal));
        Assert.DoesNotContain(completion, s => s.Contains("pg_advisory_xact_lock", StringComparison.Ordinal));
        // The engine's record of the key is looked up once (by the engine), the instance read once (locked, with the task), and
        // the task too: the host checks the rows the engine then completes.
        Assert.Single(completion, s => s.Contains("FROM workflows.tasks", StringComparison.Ordinal));
        Assert.Single(completion, s => s.Contains("FROM workflows.commands", StringComparison.Ordinal));
        // ... in the round trip that locks the task and its instance.
        Assert.Single(completion, s => s.Contains("FROM workflows.commands", StringComparison.Ordinal) && s.Contains("FOR UPDATE", StringComparison.Ordinal));
        Assert.Single(completion, s => s.Contains("FROM workflows.instances", StringComparison.Ordinal));
    }

    // The version in force and the published condition tables are remembered for a second; on a slow machine the engine may
    // read either again (the first without content, the second all tables of the kind).
    private static bool RememberedVersionRead(string statement) =>
        statement.Contains("FROM workflows.definitions", StringComparison.Ordinal)
        && ((statement.Contains("legal_basis", StringComparison.Ordinal) && !statement.Contains("content", StringComparison.Ordinal))
            || statement.Contains("ConditionTable", StringComparison.Ordinal));

    private void Report(string walk, List<string> sent)
    {
        output.WriteLine($"{walk}: {sent.Count} round trips");
        foreach (var statement in sent)
        {
            output.WriteLine("  " + statement.ReplaceLineEndings(" ")[..Math.Min(160, statement.Length)]);
        }
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(
        HttpClient client, HttpMethod method, string uri, object body, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = Pathways.Json(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private Task<(List<string> Sent, T Result)> CountAsync<T>(Func<Task<T>> request) =>
        RequestRoundTrips.CountAsync(api.ConnectionString, request);
}
