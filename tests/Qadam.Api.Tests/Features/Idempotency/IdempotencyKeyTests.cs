using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Features.Idempotency;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.Idempotency;

/// <summary>
/// An Idempotency-Key replays a completion with the same data and refuses (422, naming the key, in the caller's language)
/// the same key with other data, instead of silently answering the first result; every endpoint that says it honours the
/// key checks it so.
/// </summary>
public sealed class IdempotencyKeyTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>, IAsyncLifetime
{
    private const string Pathway = "idempotent-tasks";

    private const string Form = """
        {"id":"idem-conclusion","type":"default","components":[
          {"key":"recommendation","type":"select","label":"Рекомендация","validate":{"required":true},
           "values":[{"label":"Дистанционно","value":"distance"},{"label":"Очно","value":"inPerson"}]},
          {"key":"conclusion","type":"textarea","label":"Заключение","validate":{"required":true,"maxLength":2000}}]}
        """;

    public async Task InitializeAsync()
    {
        var forms = Directory.CreateDirectory(Path.Combine(api.WorkflowsDirectory, Pathway, "forms"));
        await File.WriteAllTextAsync(Path.Combine(forms.FullName, "idem-conclusion.form.json"), Form);
        using var legal = await api.ClientForAsync("legal.r1");
        var existing = await legal.GetFromJsonAsync<JsonElement>("/api/definitions");
        if (!existing.EnumerateArray().Any(d => d.GetProperty("key").GetString() == Pathway))
        {
            await Pathways.PublishAsync(api, Pathway, Pathways.PsychologistThenHead(Pathway, "idem-conclusion"));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_completion_key_reused_with_other_data_is_422_naming_the_key_in_kazakh_and_russian()
    {
        var (psychologist, taskId) = await PsychologistTaskAsync();
        using var _ = psychologist;
        var distance = new { data = new { recommendation = "distance", conclusion = "Рекомендовано" } };
        var inPerson = new { data = new { recommendation = "inPerson", conclusion = "Очно" } };

        using var first = await CompleteAsync(psychologist, taskId, distance, "visit-7");
        using var replay = await CompleteAsync(psychologist, taskId, distance, "visit-7");
        using var changedKk = await CompleteAsync(psychologist, taskId, inPerson, "visit-7", "kk");
        using var changedRu = await CompleteAsync(psychologist, taskId, inPerson, "visit-7", "ru");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        var firstBody = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(firstBody.GetProperty("openedTasks")[0].GetString(),
            (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("openedTasks")[0].GetString());
        foreach (var (changed, words) in new[] { (changedKk, "басқа сұрауға"), (changedRu, "уже использован") })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
            Assert.Equal("application/problem+json", changed.Content.Headers.ContentType?.MediaType);
            var problem = await changed.Content.ReadFromJsonAsync<JsonElement>();
            var message = problem.GetProperty("errors").GetProperty("Idempotency-Key")[0].GetString()!;
            Assert.Contains("visit-7", message, StringComparison.Ordinal);
            Assert.Contains(words, message, StringComparison.Ordinal);
        }

        // The first data stands: the decision recorded is the first completion's.
        using var clerk = await api.ClientForAsync("clerk.s1");
        var caseId = firstBody.GetProperty("caseId").GetString();
        var detail = await clerk.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal("distance", detail.GetProperty("decisions")[0].GetProperty("data").GetProperty("recommendation").GetString());
    }

    [Fact]
    public async Task A_refused_completion_leaves_its_key_free_for_the_corrected_data()
    {
        var (psychologist, taskId) = await PsychologistTaskAsync();
        using var _ = psychologist;

        using var refused = await CompleteAsync(psychologist, taskId, new { data = new { recommendation = "homeschool" } }, "fix-me");
        using var corrected = await CompleteAsync(psychologist, taskId,
            new { data = new { recommendation = "distance", conclusion = "Рекомендовано" } }, "fix-me");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
    }

    [Fact]
    public async Task Twins_sent_at_the_same_moment_with_one_key_complete_the_task_once_and_all_get_its_result()
    {
        // A phone on a bad connection sends the same completion several times at once. The key's record is written in the
        // completion's own transaction, so each twin waits on the key until the first has committed, then replays it.
        var (psychologist, taskId) = await PsychologistTaskAsync();
        using var _ = psychologist;
        var body = new { data = new { recommendation = "distance", conclusion = "Рекомендовано" } };

        var twins = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => CompleteAsync(psychologist, taskId, body, "bad-network")));

        var results = new List<JsonElement>();
        foreach (var twin in twins)
        {
            using (twin)
            {
                Assert.Equal(HttpStatusCode.OK, twin.StatusCode);
                results.Add(await twin.Content.ReadFromJsonAsync<JsonElement>());
            }
        }

        Assert.Single(results.Select(r => r.GetProperty("openedTasks")[0].GetString()).Distinct());
        using var clerk = await api.ClientForAsync("clerk.s1");
        var history = await clerk.GetFromJsonAsync<JsonElement[]>($"/api/cases/{results[0].GetProperty("caseId").GetString()}/audit");
        Assert.Single(history!, e => e.GetProperty("action").GetString() == "task.completed");
    }

    [Fact]
    public void Every_endpoint_that_documents_an_Idempotency_Key_checks_the_body_it_came_with()
    {
        _ = api.Server;
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var documented = endpoints.Where(e => e.Metadata.GetMetadata<IEndpointDescriptionMetadata>()?.Description
            .Contains("Idempotency-Key", StringComparison.Ordinal) == true).ToList();

        Assert.Contains(documented, e => e.RoutePattern.RawText == "/api/weather-decisions");
        Assert.Contains(documented, e => e.RoutePattern.RawText == "/api/tasks/{id:guid}/complete");
        Assert.All(documented, e => Assert.True(e.Metadata.GetMetadata<HonoursIdempotencyKey>() is not null,
            $"{e.RoutePattern.RawText} documents Idempotency-Key without checking the body"));
    }

    private async Task<(HttpClient Psychologist, string TaskId)> PsychologistTaskAsync()
    {
        using var clerk = await api.ClientForAsync("clerk.s1");
        var caseId = (await Pathways.FileAsync(clerk, Pathway, await Pathways.FirstStudentOfAsync(api, "s1"))).GetProperty("id").GetString();
        var psychologist = await api.ClientForAsync("psychologist.s1");
        var inbox = await psychologist.GetFromJsonAsync<JsonElement>($"/api/tasks?caseId={caseId}");
        return (psychologist, Assert.Single(inbox.GetProperty("items").EnumerateArray()).GetProperty("id").GetString()!);
    }

    private static async Task<HttpResponseMessage> CompleteAsync(HttpClient client, string taskId, object body, string key, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{taskId}/complete") { Content = Pathways.Json(body) };
        request.Headers.Add("Idempotency-Key", key);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.Clear();
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return await client.SendAsync(request);
    }
}
