using Microsoft.EntityFrameworkCore;
using Qadam.Api.Tests.Features.MassTransfers;
using Qadam.Testing;
using Qadam.Workflows.Persistence;

namespace Qadam.Api.Tests.Hosting;

/// <summary>
/// A node restarted on an unchanged <c>workflows/</c> folder does not reseed it (the start an operator waits for is shorter);
/// a changed folder is published on the next start.
/// </summary>
public sealed class SeedFingerprintTests(TestDatabase database) : IClassFixture<TestDatabase>, IDisposable
{
    private readonly string _workflows = Directory.CreateTempSubdirectory("qadam-fingerprint-workflows-").FullName;

    private readonly string _state = Directory.CreateTempSubdirectory("qadam-fingerprint-state-").FullName;

    public void Dispose()
    {
        Directory.Delete(_workflows, recursive: true);
        Directory.Delete(_state, recursive: true);
    }

    [Fact]
    public async Task A_restart_on_unchanged_workflows_skips_the_seeders_and_a_changed_folder_is_published_next_start()
    {
        Copy(Path.Combine(Features.EndToEnd.WorkflowsApiFactory.RepositoryRoot(), "workflows"), _workflows);
        var settings = new Dictionary<string, string> { ["Qadam__WorkflowsDirectory"] = _workflows };

        var first = await StartAndStopAsync(settings);
        Assert.Contains("Pathways, templates and readiness editions seeded from", first, StringComparison.Ordinal);
        var definitionsAfterFirst = await DefinitionsAsync();
        Assert.NotEmpty(definitionsAfterFirst);

        var second = await StartAndStopAsync(settings);
        Assert.Contains("not reseeded", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Published ", second, StringComparison.Ordinal);
        Assert.Equal(definitionsAfterFirst, await DefinitionsAsync());

        // A new pathway in the folder: the fingerprint differs, so the next start publishes it.
        var folder = Path.Combine(_workflows, "zz-fingerprint-probe");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "2025.bpmn"), """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:qadam="http://qadam.kz/schema/bpmn" id="d" targetNamespace="t">
              <bpmn:process id="zz-fingerprint-probe" isExecutable="true">
                <bpmn:startEvent id="start" />
                <bpmn:userTask id="review" qadam:candidateRoles="clerk" />
                <bpmn:endEvent id="end" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
                <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
              </bpmn:process>
            </bpmn:definitions>
            """);
        await File.WriteAllTextAsync(Path.Combine(folder, "pathway.json"), """
            { "key": "zz-fingerprint-probe", "editions": [ { "file": "2025.bpmn", "effectiveFrom": "2025-05-13", "legalBasis": { "act": "Приказ № 349", "edition": "2025", "paragraph": "п. 22" } } ] }
            """);

        var third = await StartAndStopAsync(settings);
        Assert.Contains("seeded from", third, StringComparison.Ordinal);
        Assert.Contains("zz-fingerprint-probe 1 Published", await DefinitionsAsync());
    }

    private async Task<string> StartAndStopAsync(IReadOnlyDictionary<string, string> settings)
    {
        await using var api = await ApiProcess.StartAsync(database.ConnectionString, _state, settings);
        // The start-up lines are read from the process's output asynchronously.
        await Task.Delay(500);
        return api.Output;
    }

    private async Task<List<string>> DefinitionsAsync()
    {
        var options = new DbContextOptionsBuilder<WorkflowsDbContext>();
        WorkflowsDbContext.Configure(options, database.ConnectionString);
        await using var db = new WorkflowsDbContext(options.Options);
        return await db.Definitions.AsNoTracking().OrderBy(d => d.Key).ThenBy(d => d.Version)
            .Select(d => d.Key + " " + d.Version + " " + d.Status).ToListAsync();
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
