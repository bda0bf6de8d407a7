using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
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

        // Not EF's migrations differ: it asks the compiled (read-optimized) model for design-time facets it does not keep.
        var stale = Shape(compiled).Except(Shape(built)).Concat(Shape(built).Except(Shape(compiled))).ToList();
        Assert.True(stale.Count == 0, $"{Regenerate} {name} differs in: {string.Join("; ", stale)}");
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

    // What a row is read and written through: tables, columns with their store types, keys, indexes and relationships.
    private static List<string> Shape(IModel model) =>
    [
        .. model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal).SelectMany(e =>
            new[] { $"{e.Name} in {e.GetSchema()}.{e.GetTableName()}" }
                .Concat(e.GetProperties().Select(p =>
                    $"{e.Name}.{p.Name}: {p.ClrType.Name} via {p.PropertyInfo?.Name ?? p.FieldInfo?.Name ?? "shadow"} as column {p.GetColumnName()} "
                    + $"{p.FindRelationalTypeMapping()?.StoreType} (max length {p.GetMaxLength()}, converted to {p.FindTypeMapping()?.Converter?.ProviderClrType.Name ?? "-"}), nullable {p.IsNullable}"))
                .Concat(e.GetKeys().Select(k => $"{e.Name} key {k.GetName()} ({string.Join(", ", k.Properties.Select(p => p.Name))})"))
                .Concat(e.GetIndexes().Select(i => $"{e.Name} index {i.GetDatabaseName()} ({string.Join(", ", i.Properties.Select(p => p.Name))}), unique {i.IsUnique}"))
                .Concat(e.GetForeignKeys().Select(f => $"{e.Name} foreign key {f.GetConstraintName()} ({string.Join(", ", f.Properties.Select(p => p.Name))}) to {f.PrincipalEntityType.Name}, {f.DeleteBehavior}"))
                .Concat(e.GetNavigations().Select(n => $"{e.Name}.{n.Name} -> {n.TargetEntityType.Name}"))
                .Order(StringComparer.Ordinal)),
    ];
}
