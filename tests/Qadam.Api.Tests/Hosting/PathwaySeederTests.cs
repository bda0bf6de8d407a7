using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Qadam.Api.Hosting;
using Qadam.Documents.Persistence;
using Qadam.Documents.Rendering;
using Qadam.Documents.Templates;
using Qadam.Testing;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Persistence;
using Qadam.Workflows.Reads;
using Qadam.Workflows.Versions;

namespace Qadam.Api.Tests.Hosting;

public sealed class PathwaySeederTests(TestDatabase database) : IClassFixture<TestDatabase>, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("qadam-workflows-").FullName;

    private readonly CollectingLogger _log = new();

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

    private async Task<DocumentsDbContext> DocumentsAsync()
    {
        var options = new DbContextOptionsBuilder<DocumentsDbContext>();
        options.UseDocumentsNpgsql(database.ConnectionString);
        var documents = new DocumentsDbContext(options.Options);
        await documents.Database.MigrateAsync();
        return documents;
    }

    private Task SeedAsync() => SeedAsync(_root);

    private async Task SeedAsync(string root)
    {
        await using var db = await ContextAsync();
        await using var documents = await DocumentsAsync();
        // The workflows folder's activities by name only: publishing checks that they exist, nothing runs here.
        var activities = new ActivityRegistry(new[] { "render-document", "render-school-orders", "notify", "set-case-status", "mass-transfer" }.Select(n => new NamedActivity(n)));
        var store = new DefinitionStore(db, activities, TimeProvider.System);
        var reads = new EngineReads(db, new DefinitionCache());
        await new PathwaySeeder(store, db, reads, new TemplateCatalog(documents, TimeProvider.System), _log).SeedAsync(root, CancellationToken.None);
    }

    private static string Rendering(string key, string templateKey) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:qadam="http://qadam.kz/schema/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="sign" qadam:candidateRoles="head" qadam:templateKey="{templateKey}" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="sign" />
            <bpmn:sequenceFlow id="f2" sourceRef="sign" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private async Task WriteRenderingPathwayAsync(string key, string templateKey, bool withSource)
    {
        var folder = Path.Combine(_root, key);
        Directory.CreateDirectory(Path.Combine(folder, "templates"));
        await File.WriteAllTextAsync(Path.Combine(folder, "2025.bpmn"), Rendering(key, templateKey));
        await File.WriteAllTextAsync(Path.Combine(folder, "pathway.json"), $$"""
            { "key": "{{key}}", "editions": [ { "file": "2025.bpmn", "effectiveFrom": "2025-05-13", "legalBasis": { "act": "Приказ № 349", "edition": "2025", "paragraph": "п. 22" } } ] }
            """);
        if (withSource)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "templates", templateKey + ".ru.txt"), "# ПРИКАЗ\n{{student.fullName}}, ИИН {{student.iin}}\n");
            await File.WriteAllTextAsync(Path.Combine(folder, "templates", templateKey + ".kk.txt"), "# БҰЙРЫҚ\n{{student.fullName}}, ЖСН {{student.iin}}\n");
        }
    }

    [Fact]
    public async Task Each_edition_gets_its_templates_in_kk_and_ru_once_and_a_reference_without_a_template_is_refused()
    {
        await WriteRenderingPathwayAsync("with-order", "school-order", withSource: true);
        await WriteRenderingPathwayAsync("without-order", "missing-order", withSource: false);

        await SeedAsync();
        await SeedAsync();

        await using var documents = await DocumentsAsync();
        var stored = await documents.Templates.AsNoTracking().OrderBy(t => t.Language).ToListAsync();
        Assert.Equal([DocumentLanguage.Kk, DocumentLanguage.Ru], stored.Select(t => t.Language));
        Assert.All(stored, t => Assert.Equal(("school-order", "with-order", "1", 1), (t.Key, t.ProcessKey, t.ProcessVersion, t.Version)));
        await using var db = await ContextAsync();
        Assert.False(await db.Definitions.AnyAsync(d => d.Key == "without-order"));
    }

    [Fact]
    public async Task Every_edition_of_the_workflows_folder_gets_a_kk_and_a_ru_template_for_each_key_it_renders()
    {
        var root = Path.Combine(RepositoryRoot(), "workflows");

        await SeedAsync(root);

        await using var db = await ContextAsync();
        await using var documents = await DocumentsAsync();
        var definitions = await db.Definitions.AsNoTracking().Where(d => d.Kind == DefinitionKind.Bpmn).ToListAsync();
        Assert.True(definitions.Count >= 11, $"only {definitions.Count} editions were published");
        var templates = await documents.Templates.AsNoTracking().Select(t => new { t.Key, t.Language, t.ProcessKey, t.ProcessVersion }).ToListAsync();
        foreach (var definition in definitions)
        {
            var keys = Qadam.Workflows.Definitions.BpmnParser.Parse(definition.Content).Model!.Nodes
                .Select(n => n.Extension.TemplateKey).OfType<string>().Distinct();
            foreach (var key in keys)
            {
                foreach (var language in new[] { DocumentLanguage.Kk, DocumentLanguage.Ru })
                {
                    Assert.True(templates.Any(t => t.Key == key && t.Language == language && t.ProcessKey == definition.Key
                                                   && t.ProcessVersion == definition.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        $"{definition.Key} v{definition.Version} has no {language} template '{key}': {string.Join(" | ", _log.Warnings)}");
                }
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Qadam.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Qadam.slnx) is not above the test's output folder.");
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

    private sealed class NamedActivity(string name) : IProcessActivity
    {
        public string Name => name;

        public Task ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Keeps the seeder's warnings and errors, so a refused template names its problems in the failure.</summary>
    private sealed class CollectingLogger : ILogger<PathwaySeeder>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lock (Warnings)
                {
                    Warnings.Add(formatter(state, exception));
                }
            }
        }
    }
}
