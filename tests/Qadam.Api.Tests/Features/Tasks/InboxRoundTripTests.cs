using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Tests.Features.Definitions;
using Xunit.Abstractions;

namespace Qadam.Api.Tests.Features.Tasks;

/// <summary>
/// The inbox is what staff open all day (issue #18: 2,000 requests/s): each round trip to PostgreSQL is CPU on both sides.
/// A page of it is two: the tasks with their total (one statement), and the cases with their students and study plans.
/// The caller's organisations and their codes come from the cached tree, and nobody is looked up when no task on the page
/// is assigned. Counted with Npgsql's own tracing, as CommandRoundTripTests counts a filing's.
/// </summary>
public sealed class InboxRoundTripTests(QadamApiFactory api, ITestOutputHelper output) : IClassFixture<QadamApiFactory>, IAsyncLifetime
{
    private const string Pathway = "psych-inbox";

    private const string Form = """
        {"id":"psych-conclusion","type":"default","components":[
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
    public async Task A_page_of_the_inbox_is_two_round_trips()
    {
        var iin = await Pathways.ChildOfParentP1Async(api);
        using var clerk = await api.ClientForAsync("clerk.s1");
        using var psychologist = await api.ClientForAsync("psychologist.s1");
        var filed = await Pathways.FileAsync(clerk, Pathway, iin);
        var caseId = filed.GetProperty("id").GetString();
        await ListeningAsync();
        // A first page warms what is remembered (the organisation tree, the prepared statements).
        using (var warm = await psychologist.GetAsync("/api/tasks"))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        var (sent, page) = await CountAsync(async () =>
        {
            using var response = await psychologist.GetAsync("/api/tasks");
            return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
        });

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var mine = Assert.Single(page.Item2.GetProperty("items").EnumerateArray(), t => t.GetProperty("caseId").GetString() == caseId);
        Assert.False(string.IsNullOrEmpty(mine.GetProperty("caseNumber").GetString()));
        Assert.False(string.IsNullOrEmpty(mine.GetProperty("studentName").GetString()));
        Assert.True(page.Item2.GetProperty("total").GetInt32() >= 1);
        output.WriteLine($"GET /api/tasks: {sent.Count} round trips");
        foreach (var statement in sent)
        {
            output.WriteLine("  " + statement.ReplaceLineEndings(" ")[..Math.Min(200, statement.Length)]);
        }

        Assert.Equal(2, sent.Count);
        // The page carries its total; the role and organisation tests stay on the indexed columns.
        Assert.Contains("count(*)", sent[0], StringComparison.Ordinal);
        Assert.Contains("candidate_roles &&", sent[0], StringComparison.Ordinal);
        Assert.Contains("organisation = ANY", sent[0], StringComparison.Ordinal);
        Assert.Contains("FROM qadam.cases", sent[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_past_the_end_still_says_how_many_tasks_there_are()
    {
        using var psychologist = await api.ClientForAsync("psychologist.s1");
        using var first = await psychologist.GetAsync("/api/tasks?pageSize=1");
        var total = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32();

        using var past = await psychologist.GetAsync($"/api/tasks?page={total + 1}&pageSize=1");
        var body = JsonDocument.Parse(await past.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, past.StatusCode);
        Assert.Empty(body.GetProperty("items").EnumerateArray());
        Assert.Equal(total, body.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_unfiltered_inbox_pages_the_same_tasks_in_the_same_order_as_the_filtered_one()
    {
        // The unfiltered inbox is the engine's compiled query; a filter takes the composable one. They must agree.
        using var clerk = await api.ClientForAsync("clerk.s1");
        using var psychologist = await api.ClientForAsync("psychologist.s1");
        using var other = await api.ClientForAsync("psychologist.s2");
        var cases = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            cases.Add((await Pathways.FileAsync(clerk, Pathway, await Pathways.ChildOfParentP1Async(api))).GetProperty("id").GetString()!);
        }

        var all = await PageAsync(psychologist, "/api/tasks?pageSize=500");
        var ids = all.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Count, all.GetProperty("total").GetInt32());
        foreach (var caseId in cases)
        {
            var filtered = await PageAsync(psychologist, $"/api/tasks?caseId={caseId}");
            var expected = all.GetProperty("items").EnumerateArray().Where(t => t.GetProperty("caseId").GetString() == caseId)
                .Select(t => t.GetProperty("id").GetString()).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, filtered.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()).ToList());
        }

        // Page by page, one task each, the same order and total.
        for (var page = 1; page <= Math.Min(ids.Count, 4); page++)
        {
            var one = await PageAsync(psychologist, $"/api/tasks?page={page}&pageSize=1");
            Assert.Equal(ids[page - 1], Assert.Single(one.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
            Assert.Equal(ids.Count, one.GetProperty("total").GetInt32());
        }

        // Another school's psychologist sees none of them, filtered or not.
        var theirs = await PageAsync(other, "/api/tasks?pageSize=500");
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), t => cases.Contains(t.GetProperty("caseId").GetString()!));
        Assert.Empty((await PageAsync(other, $"/api/tasks?caseId={cases[0]}")).GetProperty("items").EnumerateArray());
    }

    private static async Task<JsonElement> PageAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The tree is cached only while its change listener listens; it connects in the background at start-up.</summary>
    private async Task ListeningAsync()
    {
        var tree = api.Services.GetRequiredService<OrganisationTree>();
        for (var i = 0; i < 100 && !tree.Listening; i++)
        {
            await Task.Delay(100);
        }

        Assert.True(tree.Listening);
    }

    private Task<(List<string> Sent, T Result)> CountAsync<T>(Func<Task<T>> request) =>
        RequestRoundTrips.CountAsync(api.ConnectionString, request);
}
