using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Tests.Features.Definitions;
using Qadam.Workflows.Execution;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// One case driven over HTTP the way its people work it: each step is done by the demo user of the role the BPMN names,
/// from that user's own inbox, and the engine's service tasks (rendering, statuses) run as the API runs them.
/// </summary>
internal sealed class PathwayCase(QadamApiFactory api, string id, JsonElement filed) : IDisposable
{
    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    public string Id { get; } = id;

    public JsonElement Filed { get; } = filed;

    public string StudentName => Filed.GetProperty("studentName").GetString()!;

    /// <summary>Whom the case is about as its documents name it: the student, or an organisation's own case's programme.</summary>
    public string Subject => Filed.GetProperty("studentName").GetString() ?? Filed.GetProperty("programmeName").GetString()!;

    /// <summary>The programme the demo colleges file online learning for (tvet-online is an organisation's own case).</summary>
    public const string ProgrammeCode = "06130100";

    public const string ProgrammeName = "Бағдарламалық қамтамасыз ету / Программное обеспечение";

    /// <summary>Files an organisation's own case (tvet-online) as <paramref name="filer"/> for a programme of their college, no student.</summary>
    public static async Task<PathwayCase> FileForProgrammeAsync(
        QadamApiFactory api, string filer, string pathway, string language, DateOnly filedOn, string programmeCode = ProgrammeCode,
        string programmeName = ProgrammeName)
    {
        using var client = await api.ClientForAsync(filer);
        using var response = await client.PostAsync("/api/cases", Pathways.Json(new
        {
            pathway, programmeCode, programmeName, ground = Pathways.GroundOf(pathway), filedOn = filedOn.ToString("yyyy-MM-dd"), language,
            data = new { },
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"file {pathway}: {response.StatusCode} {body}");
        var filed = JsonDocument.Parse(body).RootElement.Clone();
        return new PathwayCase(api, filed.GetProperty("id").GetString()!, filed);
    }

    public static async Task<PathwayCase> FileAsync(
        QadamApiFactory api, string clerk, string pathway, string iin, string language, DateOnly filedOn, object? data = null)
    {
        using var client = await api.ClientForAsync(clerk);
        using var response = await client.PostAsync("/api/cases", Pathways.Json(new
        {
            pathway, studentIin = iin, ground = Pathways.GroundOf(pathway), filedOn = filedOn.ToString("yyyy-MM-dd"), language,
            data = data ?? new { },
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"file {pathway}: {response.StatusCode} {body}");
        var filed = JsonDocument.Parse(body).RootElement.Clone();
        return new PathwayCase(api, filed.GetProperty("id").GetString()!, filed);
    }

    public async Task<HttpClient> ClientAsync(string user)
    {
        if (!_clients.TryGetValue(user, out var client))
        {
            client = await api.ClientForAsync(user);
            _clients[user] = client;
        }

        return client;
    }

    /// <summary>The case's open tasks in <paramref name="user"/>'s inbox, after the engine's due jobs ran.</summary>
    public async Task<IReadOnlyList<string>> OpenTasksAsync(string user)
    {
        await RunJobsAsync();
        var client = await ClientAsync(user);
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/tasks?caseId={Id}");
        return [.. page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("elementId").GetString()!)];
    }

    /// <summary>
    /// The case's open tasks in <paramref name="user"/>'s inbox once there are any: the service tasks before a user task
    /// (rendering, statuses) are jobs the API's own worker may be holding when the test runs the due jobs.
    /// </summary>
    public async Task<IReadOnlyList<string>> OpenTasksSettledAsync(string user)
    {
        IReadOnlyList<string> open = [];
        for (var attempt = 0; attempt < 100 && open.Count == 0; attempt++)
        {
            open = await OpenTasksAsync(user);
            if (open.Count == 0)
            {
                await Task.Delay(100);
            }
        }

        return open;
    }

    /// <summary>
    /// Attaches a small PDF to the case as <paramref name="user"/> (the scan of a VKK conclusion or a letter) and answers
    /// its evidence id.
    /// </summary>
    public async Task<string> AttachEvidenceAsync(string user, string fileName = "vkk-conclusion.pdf")
    {
        var client = await ClientAsync(user);
        var file = new ByteArrayContent("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray());
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        using var content = new MultipartFormDataContent { { file, "file", fileName } };
        using var response = await client.PostAsync($"/api/cases/{Id}/evidence", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"evidence: {response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Waits until <paramref name="user"/> has the task <paramref name="elementId"/> of this case, then completes it with <paramref name="data"/>.</summary>
    public async Task CompleteAsync(string user, string elementId, object data)
    {
        var client = await ClientAsync(user);
        var task = await WaitForAsync(async () =>
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/tasks?caseId={Id}&element={elementId}");
            return page.GetProperty("items").EnumerateArray().Select(t => (JsonElement?)t).FirstOrDefault();
        }, $"{user} has no task {elementId}");
        using var response = await client.PostAsync($"/api/tasks/{task.GetProperty("id").GetString()}/complete", Pathways.Json(new { data }));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{user} completing {elementId}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// The signing step <paramref name="elementId"/> as <paramref name="signer"/> works it (<see cref="SignedDocuments.SignTheStepAsync"/>):
    /// refused before signing, 403 for <paramref name="outsider"/>, one signature for 20 requests, then completed with <paramref name="data"/>.
    /// </summary>
    public async Task<List<JsonElement>> SignStepAsync(string signer, string elementId, object data, string outsider)
    {
        var client = await ClientAsync(signer);
        var task = await WaitForAsync(async () =>
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/tasks?caseId={Id}&element={elementId}");
            return page.GetProperty("items").EnumerateArray().Select(t => (JsonElement?)t).FirstOrDefault();
        }, $"{signer} has no task {elementId}");
        return await SignedDocuments.SignTheStepAsync(api, client, await ClientAsync(outsider), task.GetProperty("id").GetString()!, data);
    }

    /// <summary>
    /// The head of a TVET organisation enters the list of disciplines and (or) modules allowed at a distance and signs the
    /// order approving it (349 Annex 2 para 16; 2025 Annex 1 para 6); answers the order signed.
    /// </summary>
    public async Task<JsonElement> ApproveDisciplinesAsync(string head, string outsider, string list = "Ағылшын тілі / Английский язык\nДерекқорлар / Базы данных")
    {
        await CompleteAsync(head, "approvedDisciplines", new { disciplinesProgramme = "06130100 Бағдарламалық қамтамасыз ету / Программное обеспечение", disciplinesList = list });
        return Assert.Single(await SignStepAsync(head, "signDisciplines", new { }, outsider));
    }

    /// <summary>Each member casts the same vote until the body's majority has decided and no ballot is left.</summary>
    public async Task VoteAsync(string elementId, string vote, params string[] members)
    {
        foreach (var member in members)
        {
            if ((await OpenTasksAsync(member)).Contains(elementId))
            {
                await CompleteAsync(member, elementId, new { vote, comment = member + ": " + vote });
            }
        }
    }

    /// <summary>The case's documents once every one of <paramref name="templateKeys"/> is registered, by template key (the latest of each).</summary>
    public async Task<IReadOnlyDictionary<string, JsonElement>> DocumentsAsync(string user, params string[] templateKeys)
    {
        var client = await ClientAsync(user);
        return await WaitForAsync(async () =>
        {
            var list = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{Id}/documents");
            var byKey = list.EnumerateArray().GroupBy(d => d.GetProperty("templateKey").GetString()!)
                .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
            return templateKeys.All(byKey.ContainsKey) ? byKey : null;
        }, $"the documents {string.Join(", ", templateKeys)} were not all rendered");
    }

    /// <summary>The head signs each document on the server (demo keys) and every signature verifies: signer, chain, content.</summary>
    public async Task SignAndVerifyAsync(string head, params JsonElement[] documents) =>
        await SignedDocuments.SignAndVerifyAsync(await ClientAsync(head), documents);

    /// <summary>LibreOffice opens the registered DOCX files (one soffice run for all), in the order given.</summary>
    public async Task<IReadOnlyList<string>> ReadAsPdfAsync(string user, params JsonElement[] documents) =>
        await SignedDocuments.ReadAsPdfAsync(await ClientAsync(user), documents);

    /// <summary>The case (its <c>case</c> member of <c>GET /api/cases/{id}</c>): status, definition version.</summary>
    public async Task<JsonElement> ReadAsync(string user) =>
        (await (await ClientAsync(user)).GetFromJsonAsync<JsonElement>($"/api/cases/{Id}")).GetProperty("case");

    /// <summary>
    /// What the API's engine worker does on its own, done now: due timers fired, due jobs run. A due job the API's own
    /// worker holds is skipped by this pass (FOR UPDATE SKIP LOCKED), so it waits, up to 10 s, until no due job is left:
    /// a service task before a user task (rendering a notice) is otherwise still running when the inbox is read.
    /// </summary>
    public async Task RunJobsAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await using var scope = api.Services.CreateAsyncScope();
            var engine = scope.ServiceProvider.GetRequiredService<ProcessEngine>();
            await engine.FireDueTimersAsync();
            await engine.RunDueJobsAsync();
            var now = DateTimeOffset.UtcNow;
            var jobs = scope.ServiceProvider.GetRequiredService<Qadam.Workflows.Persistence.WorkflowsDbContext>().Jobs;
            if (!await jobs.AnyAsync(j => !j.Stalled && j.DueAt <= now))
            {
                return;
            }

            await Task.Delay(100);
        }
    }

    private async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, string failure)
        where T : struct => (await WaitForAsync<object>(async () => await probe() is { } found ? found : null, failure) as T?)!.Value;

    private async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, string failure)
        where T : class
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            await RunJobsAsync();
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        await using var scope = api.Services.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<Qadam.Workflows.Persistence.WorkflowsDbContext>().Jobs;
        throw new TimeoutException($"{failure} within 15 s; job errors: " + string.Join("; ", jobs.Select(j => j.LastError).Where(e => e != null)));
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
