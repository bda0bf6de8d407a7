using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qadam.Workflows.Definitions.Model;

namespace Qadam.Workflows.Persistence;

/// <summary>
/// A definition's or a task's legal basis as one <c>jsonb</c> value, <c>{"Act": …, "Edition": …, "Paragraph": …}</c>, the
/// very text the owned JSON mapping (<c>OwnsOne(…, ToJson())</c>) wrote before, through a value converter. EF Core's shaper
/// for an owned JSON entity builds its reader delegates again for every row (<c>DynamicMethod.CreateDelegate</c> from the
/// shaper's inlined lambdas, https://github.com/dotnet/efcore/issues/35212): 4.6 % of a staff inbox request's CPU in the
/// profile of 2026-12-07 (bench/Http/README.md); a converter is compiled once. The engine's own writer and reader of task rows
/// (CommandWriter, CommandReader) use the same System.Text.Json text.
/// </summary>
internal static class LegalBasisJson
{
    public static PropertyBuilder<LegalBasis?> StoredAsJson(this PropertyBuilder<LegalBasis?> property) =>
        property.HasColumnType("jsonb").HasConversion(
            v => v == null ? null : JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
            v => v == null ? null : JsonSerializer.Deserialize<LegalBasis>(v, (JsonSerializerOptions?)null));
}
