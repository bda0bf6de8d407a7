using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Qadam.Api.Persistence;
using Qadam.Api.Persistence.CompiledModels;
using Qadam.Documents.Persistence;
using Qadam.Documents.Persistence.CompiledModels;
using Qadam.Workflows.Persistence;
using Qadam.Workflows.Persistence.CompiledModels;

namespace Qadam.Api.Tests.Persistence;

/// <summary>
/// The running app maps rows through the compiled models (Persistence/CompiledModels), generated from the entities and
/// their configurations by <c>scripts/ef-compiled-models</c>. An entity changed without regenerating would be read and
/// written through the old mapping while its migration says otherwise: each compiled model must give the schema the model
/// built from <c>OnModelCreating</c> gives, with the same entities, properties and columns.
/// </summary>
public sealed class CompiledModelsTests
{
    private const string Regenerate = "The compiled model is out of date with its entities: run scripts/ef-compiled-models and commit the result.";

    // Model building needs the provider, not a server: nothing here connects.
    private const string Unused = "Host=127.0.0.1;Database=compiled_models_unused";

    public static TheoryData<string> Contexts => [nameof(QadamDbContext), nameof(WorkflowsDbContext), nameof(DocumentsDbContext)];

    [Theory]
    [MemberData(nameof(Contexts))]
    public void The_compiled_model_maps_the_schema_the_entities_describe(string name)
    {
        using var context = Create(name);
        var compiled = context.Model;
        var built = context.GetService<IDesignTimeModel>().Model;
        Assert.NotSame(compiled, built);

        var differences = context.GetService<IMigrationsModelDiffer>().GetDifferences(compiled.GetRelationalModel(), built.GetRelationalModel());
        Assert.True(differences.Count == 0,
            $"{Regenerate} {name} differs in: {string.Join("; ", differences.Select(Describe))}");
        Assert.True(Shape(compiled).SequenceEqual(Shape(built)),
            $"{Regenerate} {name} differs in: {string.Join("; ", Shape(compiled).Except(Shape(built)).Concat(Shape(built).Except(Shape(compiled))))}");
    }

    private static DbContext Create(string name) => name switch
    {
        nameof(QadamDbContext) => new QadamDbContext(new DbContextOptionsBuilder<QadamDbContext>()
            .UseNpgsql(Unused).UseModel(QadamDbContextModel.Instance).Options),
        nameof(WorkflowsDbContext) => new WorkflowsDbContext(Configured<WorkflowsDbContext>(o => WorkflowsDbContext.Configure(o, Unused))),
        nameof(DocumentsDbContext) => new DocumentsDbContext(Configured<DocumentsDbContext>(o => o.UseDocumentsNpgsql(Unused))),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static DbContextOptions<T> Configured<T>(Action<DbContextOptionsBuilder> configure)
        where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        configure(builder);
        Assert.Contains(builder.Options.Extensions.OfType<CoreOptionsExtension>(), e => e.Model is not null);
        return builder.Options;
    }

    // What the relational diff does not see: which CLR member a column reads and what it converts to.
    private static IEnumerable<string> Shape(IModel model) =>
        model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal).SelectMany(e =>
            e.GetProperties().Select(p => $"{e.Name}.{p.Name}: {p.ClrType.Name} via {p.PropertyInfo?.Name ?? p.FieldInfo?.Name ?? "shadow"}"
                                          + $" as {p.FindTypeMapping()?.Converter?.ProviderClrType.Name ?? "-"}, nullable {p.IsNullable}")
                .Concat(e.GetNavigations().Select(n => $"{e.Name}.{n.Name} -> {n.TargetEntityType.Name}"))
                .Order(StringComparer.Ordinal));

    private static string Describe(MigrationOperation operation) => operation switch
    {
        AlterColumnOperation a => $"column {a.Table}.{a.Name}",
        AddColumnOperation a => $"new column {a.Table}.{a.Name}",
        DropColumnOperation d => $"dropped column {d.Table}.{d.Name}",
        CreateIndexOperation i => $"new index {i.Name}",
        DropIndexOperation i => $"dropped index {i.Name}",
        CreateTableOperation t => $"new table {t.Name}",
        DropTableOperation t => $"dropped table {t.Name}",
        _ => operation.GetType().Name,
    };
}
