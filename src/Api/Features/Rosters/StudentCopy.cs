using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Qadam.Api.Features.Students;
using Qadam.Api.Persistence;

namespace Qadam.Api.Features.Rosters;

/// <summary>
/// Writes new students with one binary COPY in the caller's transaction. Through EF's change tracker a region's roster
/// of 100,000 new students cost most of the import; COPY writes them in one stream. The table, the column names, the
/// value converters and the store types all come from the EF model, so the statement follows the model's mapping
/// (a renamed column or a new property needs no change here).
/// </summary>
internal static class StudentCopy
{
    public static async Task WriteAsync(QadamDbContext db, IReadOnlyList<Student> students, CancellationToken cancellationToken)
    {
        if (students.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(Student)) ?? throw new InvalidOperationException("Student is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => Column.For(p, table)).ToList();
        var target = table.Schema is null ? Quote(table.Name) : Quote(table.Schema) + "." + Quote(table.Name);
        var sql = $"COPY {target} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var import = await connection.BeginBinaryImportAsync(sql, cancellationToken);

        // The importer's synchronous calls only fill its buffer; awaiting each value costs more than the COPY itself.
        foreach (var student in students)
        {
            import.StartRow();
            foreach (var column in columns)
            {
                if (column.Value(student) is { } value)
                {
                    column.Write(import, value);
                }
                else
                {
                    import.WriteNull();
                }
            }
        }

        await import.CompleteAsync(cancellationToken);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>One column of the students table as the model maps it.</summary>
    /// <param name="Name">The column's name in the table.</param>
    /// <param name="Value">The value written for a student, after the property's value converter.</param>
    /// <param name="Write">Writes a value as its provider type and the column's PostgreSQL type, so the importer resolves the
    /// type once per column instead of once per value.</param>
    private sealed record Column(string Name, Func<Student, object?> Value, Action<NpgsqlBinaryImporter, object> Write)
    {
        public static Column For(IProperty property, StoreObjectIdentifier table)
        {
            if (property.IsShadowProperty())
            {
                throw new InvalidOperationException($"Student.{property.Name} is a shadow property; COPY writes CLR properties only.");
            }

            var mapping = property.GetRelationalTypeMapping();
            var getter = property.GetGetter();
            var converter = mapping.Converter;
            var providerType = converter?.ProviderClrType ?? property.ClrType;
            providerType = Nullable.GetUnderlyingType(providerType) ?? providerType;
            var write = (Action<NpgsqlBinaryImporter, object>)typeof(Column).GetMethod(nameof(Writer), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(providerType).Invoke(null, [mapping.StoreTypeNameBase])!;
            return new Column(property.GetColumnName(table)!, student =>
            {
                var value = getter.GetClrValue(student);
                return value is null || converter is null ? value : converter.ConvertToProvider(value);
            }, write);
        }

        /// <param name="dataTypeName">The PostgreSQL type's name without its modifiers (<c>character varying</c>, not <c>(300)</c>).</param>
        private static Action<NpgsqlBinaryImporter, object> Writer<T>(string dataTypeName) =>
            (import, value) => import.Write((T)value, dataTypeName);
    }
}
