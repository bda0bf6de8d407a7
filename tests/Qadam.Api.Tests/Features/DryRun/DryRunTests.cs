using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Tests.Features.Definitions;
using Qadam.Workflows.Persistence;

namespace Qadam.Api.Tests.Features.DryRun;

/// <summary>
/// Dry run: the legal department steps the parent application's draft through a branch with sample data before
/// publishing it, and nothing of the run (instance, tasks, journal, outbox, jobs) is left in the database.
/// </summary>
public sealed class DryRunTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>, IAsyncLifetime
{
    private const string Key = "parent-application";

    private static string Repository([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", ".."));

    private int _draft;

    public async Task InitializeAsync()
    {
        using var legal = await api.ClientForAsync("legal.r1");
        // The condition tables the edition evaluates are published first: a draft may only name tables that exist.
        foreach (var (key, file) in new[] { ("tvet-programme-exclusion", "tvet-programme-exclusion.2025.table.json"), ("tvet-distance-cap", "tvet-distance-cap.2025.table.json") })
        {
            var versions = await legal.GetFromJsonAsync<JsonElement>("/api/definitions");
            if (versions.EnumerateArray().Any(k => k.GetProperty("key").GetString() == key))
            {
                continue;
            }

            using var table = await legal.PostAsync($"/api/definitions/{key}/drafts", Pathways.Json(new
            {
                content = await File.ReadAllTextAsync(Path.Combine(Repository(), "workflows", "limits", file)), kind = "conditionTable",
            }));
            Assert.True(table.StatusCode == HttpStatusCode.Created, await table.Content.ReadAsStringAsync());
            using var publish = await legal.PostAsync($"/api/definitions/{key}/versions/1/publish", Pathways.Json(new
            {
                effectiveFrom = "2020-01-01", legalBasis = new { act = Pathways.Act, edition = "2025", paragraph = "п. 3" },
            }));
            Assert.True(publish.StatusCode == HttpStatusCode.OK, await publish.Content.ReadAsStringAsync());
        }

        using var draft = await legal.PostAsync($"/api/definitions/{Key}/drafts",
            Pathways.Xml(await File.ReadAllTextAsync(Path.Combine(Repository(), "workflows", Key, "2025.bpmn"))));
        Assert.True(draft.StatusCode == HttpStatusCode.Created, await draft.Content.ReadAsStringAsync());
        _draft = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Sample case data as FileCase gives a process: a secondary-school pupil of s1 and the school's bodies.</summary>
    private static JsonObject Variables() => new()
    {
        ["student"] = new JsonObject
        {
            ["iin"] = "150101500017", ["fullName"] = "Айгерім Серікқызы", ["birthDate"] = "2015-01-01", ["class"] = "5А", ["level"] = "Secondary",
            ["organisation"] = "s1",
        },
        ["organisation"] = "s1",
        ["filedOn"] = Pathways.Today.ToString("yyyy-MM-dd"),
        ["ground"] = "Заявление родителя",
        ["language"] = "kk",
        ["applicant"] = new JsonObject { ["id"] = "p1", ["name"] = "parent.p1" },
        ["data"] = new JsonObject(),
        ["council"] = new JsonObject { ["members"] = Members("council", 5) },
        ["trustees"] = new JsonObject { ["members"] = Members("trustee", 3) },
    };

    private static JsonArray Members(string prefix, int count) =>
        [.. Enumerable.Range(1, count).Select(i => (JsonNode)new JsonObject { ["user"] = $"{prefix}{i}", ["name"] = $"{prefix}{i}.s1", ["organisation"] = "s1" })];

    private async Task<(long Instances, long Tasks, long Journal, long Outbox, long Jobs)> CountsAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        return (await db.Instances.LongCountAsync(), await db.Tasks.LongCountAsync(), await db.Journal.LongCountAsync(),
            await db.Outbox.LongCountAsync(), await db.Jobs.LongCountAsync());
    }

    [Fact]
    public async Task The_draft_runs_through_the_departure_branch_to_refusal_and_nothing_is_stored()
    {
        using var legal = await api.ClientForAsync("legal.r1");
        var before = await CountsAsync();

        // the pupil departs abroad: the exclusion check sends the case to the refusal reasons, whose notices are service tasks
        using var response = await legal.PostAsync($"/api/definitions/{Key}/versions/{_draft}/dry-run", Pathways.Json(new
        {
            variables = Variables(),
            steps = new object[]
            {
                new { elementId = "exclusionCheck", output = new { departsAbroad = true } },
                new { elementId = "refusalReasons", output = new { reasons = "Выезд за пределы Республики Казахстан" } },
                new { elementId = "signRefusal", output = new { } }, // the head signs the reasoned refusal
            },
        }));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var run = JsonDocument.Parse(body).RootElement;
        Assert.True(run.GetProperty("ended").GetBoolean(), body);
        Assert.Equal(JsonValueKind.Null, run.GetProperty("error").ValueKind);
        Assert.Empty(run.GetProperty("waiting").EnumerateArray());
        var path = run.GetProperty("path").EnumerateArray().Select(p => (p.GetProperty("elementId").GetString(), p.GetProperty("event").GetString())).ToList();
        Assert.Contains(("exclusionCheck", "task-completed"), path);
        Assert.Contains(("refusalReasons", "task-completed"), path);
        Assert.Contains(("renderRefusalNotice", "service-task-skipped"), path);
        Assert.Contains(path, p => p.Item1 == "refused");
        Assert.DoesNotContain(path, p => p.Item1 == "psychologistConclusion");
        Assert.True(path.IndexOf(("exclusionCheck", "task-completed")) < path.IndexOf(("refusalReasons", "task-completed")));
        Assert.Equal("Бас тарту себептері", run.GetProperty("path").EnumerateArray()
            .First(p => p.GetProperty("elementId").GetString() == "refusalReasons").GetProperty("labelKk").GetString());

        // and nothing of the run was kept
        Assert.Equal(before, await CountsAsync());
        await using var scope = api.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Instances.AnyAsync(i => i.DefinitionKey == Key));
    }

    [Fact]
    public async Task The_other_branch_waits_at_the_evidence_steps_and_a_step_without_its_task_is_reported_not_applied()
    {
        using var legal = await api.ClientForAsync("legal.r1");
        var before = await CountsAsync();

        using var response = await legal.PostAsync($"/api/definitions/{Key}/versions/{_draft}/dry-run", Pathways.Json(new
        {
            variables = Variables(),
            steps = new object[]
            {
                new { elementId = "exclusionCheck", output = new { departsAbroad = false } },
                new { elementId = "councilVote", output = new { vote = "yes" } },
            },
        }));

        var run = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(run.GetProperty("ended").GetBoolean());
        Assert.Contains("councilVote", run.GetProperty("error").GetString(), StringComparison.Ordinal);
        var waiting = run.GetProperty("waiting").EnumerateArray().Select(w => w.GetProperty("elementId").GetString()).ToList();
        Assert.Contains("psychologistConclusion", waiting);
        Assert.Contains("academicIndicators", waiting);
        Assert.Equal("psychologist-conclusion", run.GetProperty("waiting").EnumerateArray()
            .First(w => w.GetProperty("elementId").GetString() == "psychologistConclusion").GetProperty("formKey").GetString());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Unknown_versions_are_404_malformed_steps_422_and_only_the_legal_department_may_run()
    {
        using var legal = await api.ClientForAsync("legal.r1");
        using (var unknown = await legal.PostAsync($"/api/definitions/{Key}/versions/999/dry-run", Pathways.Json(new { variables = new { } })))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        using (var malformed = await legal.PostAsync($"/api/definitions/{Key}/versions/{_draft}/dry-run",
                   Pathways.Json(new { steps = new[] { new { elementId = "" } } })))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, malformed.StatusCode);
            Assert.True((await malformed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("steps[0].elementId", out _));
        }

        using var clerk = await api.ClientForAsync("clerk.s1");
        using var forbidden = await clerk.PostAsync($"/api/definitions/{Key}/versions/{_draft}/dry-run", Pathways.Json(new { variables = new { } }));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
