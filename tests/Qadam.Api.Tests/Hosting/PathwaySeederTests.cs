using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Qadam.Api.Hosting;
using Qadam.Testing;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Persistence;
using Qadam.Workflows.Versions;

namespace Qadam.Api.Tests.Hosting;

public sealed class PathwaySeederTests(TestDatabase database) : IClassFixture<TestDatabase>, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("qadam-workflows-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Edition(string task) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:qadam="http://qadam.kz/schema/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="demo" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="{task}" qadam:candidateRoles="clerk" qadam:formKey="application" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="{task}" />
            <bpmn:sequenceFlow id="f2" sourceRef="{task}" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private async Task<WorkflowsDbContext> ContextAsync()
    {
        var options = new DbContextOptionsBuilder<WorkflowsDbContext>();
        WorkflowsDbContext.Configure(options, database.ConnectionString);
        var db = new WorkflowsDbContext(options.Options);
        await db.Database.MigrateAsync();
        return db;
    }

    private async Task SeedAsync()
    {
        await using var db = await ContextAsync();
        var store = new DefinitionStore(db, new ActivityRegistry([]), TimeProvider.System);
        await new PathwaySeeder(store, db, NullLogger<PathwaySeeder>.Instance).SeedAsync(_root, CancellationToken.None);
    }

    [Fact]
    public async Task Editions_are_published_once_with_their_effective_dates_and_a_broken_file_does_not_stop_the_rest()
    {
        Directory.CreateDirectory(Path.Combine(_root, "demo", "forms"));
        await File.WriteAllTextAsync(Path.Combine(_root, "demo", "forms", "application.form.json"), """{"components": []}""");
        await File.WriteAllTextAsync(Path.Combine(_root, "demo", "2023.bpmn"), Edition("apply"));
        await File.WriteAllTextAsync(Path.Combine(_root, "demo", "2025.bpmn"), Edition("applyAgain"));
        await File.WriteAllTextAsync(Path.Combine(_root, "demo", "pathway.json"), """
            {
              "key": "demo",
              "editions": [
                { "file": "2025.bpmn", "effectiveFrom": "2025-05-13", "legalBasis": { "act": "Приказ № 103", "edition": "2025", "paragraph": "п. 28" } },
                { "file": "2023.bpmn", "effectiveFrom": "2023-12-08", "legalBasis": { "act": "Приказ № 349", "edition": "2023", "paragraph": "п. 11" } }
              ]
            }
            """);
        Directory.CreateDirectory(Path.Combine(_root, "broken"));
        await File.WriteAllTextAsync(Path.Combine(_root, "broken", "2025.bpmn"), "<not-bpmn/>");
        await File.WriteAllTextAsync(Path.Combine(_root, "broken", "pathway.json"), """
            { "key": "broken", "editions": [ { "file": "2025.bpmn", "effectiveFrom": "2025-05-13", "legalBasis": { "act": "x", "edition": null, "paragraph": null } } ] }
            """);

        await SeedAsync();
        await SeedAsync();

        await using var db = await ContextAsync();
        var versions = await db.Definitions.AsNoTracking().Where(d => d.Key == "demo").OrderBy(d => d.Version).ToListAsync();
        Assert.Equal([new DateOnly(2023, 12, 8), new DateOnly(2025, 5, 13)], versions.Select(v => v.EffectiveFrom!.Value));
        Assert.All(versions, v => Assert.Equal(DefinitionStatus.Published, v.Status));
        Assert.Equal("п. 28", versions[1].LegalBasis!.Paragraph);
        Assert.False(await db.Definitions.AnyAsync(d => d.Key == "broken"));
    }
}
