using System.Net;
using System.Text.Json;
using Qadam.Api.Tests.Features.Definitions;
using Xunit.Abstractions;

namespace Qadam.Api.Tests.Features.Parents;

/// <summary>
/// The parent's tracker and notices are the morning crowd's reads (10,000 parents at 07:00): each round trip to PostgreSQL
/// is CPU on both sides for every one of them. A parent without a case costs one round trip per read; with a case, the
/// tracker costs three (the children with their cases, the engine's outcomes, tasks and timers, the documents with who
/// signed them). Counted with Npgsql's own tracing, one activity per command or batch a request sends, as
/// CommandRoundTripTests counts a filing's.
/// </summary>
public sealed class ParentReadRoundTripTests(QadamApiFactory api, ITestOutputHelper output) : IClassFixture<QadamApiFactory>, IAsyncLifetime
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
    public async Task A_parent_reads_the_tracker_and_the_notices_in_the_fewest_round_trips_with_and_without_a_case()
    {
        using var parent = await api.ClientForAsync("parent.p1");
        // A first read of each warms what is remembered (prepared statements, compiled queries).
        await GetAsync(parent, "/api/parents/me/cases");
        await GetAsync(parent, "/api/parents/me/notifications");

        var (withoutCase, tracked) = await CountAsync(() => GetAsync(parent, "/api/parents/me/cases"));
        Assert.Empty(Assert.Single(tracked.EnumerateArray()).GetProperty("cases").EnumerateArray());
        Report("GET /api/parents/me/cases, no case", withoutCase);
        Assert.Single(withoutCase);
        var (notices, _) = await CountAsync(() => GetAsync(parent, "/api/parents/me/notifications"));
        Report("GET /api/parents/me/notifications", notices);
        Assert.Single(notices);

        using var clerk = await api.ClientForAsync("clerk.s1");
        var filed = await Pathways.FileAsync(clerk, Pathway, await Pathways.ChildOfParentP1Async(api));
        await GetAsync(parent, "/api/parents/me/cases");

        var (withCase, answer) = await CountAsync(() => GetAsync(parent, "/api/parents/me/cases"));
        var @case = Assert.Single(Assert.Single(answer.EnumerateArray()).GetProperty("cases").EnumerateArray());
        Assert.Equal(filed.GetProperty("id").GetString(), @case.GetProperty("id").GetString());
        Assert.NotEmpty(@case.GetProperty("nextSteps").EnumerateArray());
        Report("GET /api/parents/me/cases, one case", withCase);
        Assert.Equal(3, withCase.Count);
        Assert.Single(withCase, s => s.Contains("FROM workflows.tasks", StringComparison.Ordinal));
    }

    private void Report(string walk, List<string> sent)
    {
        output.WriteLine($"{walk}: {sent.Count} round trips");
        foreach (var statement in sent)
        {
            output.WriteLine("  " + statement.ReplaceLineEndings(" ")[..Math.Min(160, statement.Length)]);
        }
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string uri)
    {
        using var response = await client.GetAsync(uri);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{uri}: {response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private Task<(List<string> Sent, T Result)> CountAsync<T>(Func<Task<T>> request) =>
        RequestRoundTrips.CountAsync(api.ConnectionString, request);
}
