using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Persistence;

namespace Qadam.Api.Features.Cases;

/// <summary>
/// The last case sequence handed out per organisation and year. A filing takes the next one with
/// <c>INSERT ... ON CONFLICT DO UPDATE ... RETURNING</c> in its own transaction, as the document registry numbers its
/// documents (<c>documents.number_counters</c>): the row lock queues concurrent filers (no twins) and a filing that rolls
/// back takes its number back with it (no gaps).
/// </summary>
internal sealed class CaseCounter
{
    private CaseCounter()
    {
    }

    public Guid OrganisationId { get; private set; }

    public int Year { get; private set; }

    public int LastSequence { get; private set; }

    /// <summary>The next sequence of (organisation, year), in the caller's transaction.</summary>
    /// <remarks>
    /// One Npgsql command on the context's connection, not EF's <c>SqlQuery</c>: that composes, caches and looks up a LINQ
    /// query around the SQL on every filing, for one integer (bench/Http/README.md, "Session 11").
    /// </remarks>
    public static async Task<int> NextAsync(QadamDbContext db, Guid organisationId, int year, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                          ?? throw new InvalidOperationException("A case is numbered inside the transaction that files it.");
        await using var command = new NpgsqlCommand("""
            INSERT INTO qadam.case_counters AS c (organisation_id, year, last_sequence)
            VALUES ($1, $2, 1)
            ON CONFLICT (organisation_id, year)
            DO UPDATE SET last_sequence = c.last_sequence + 1
            RETURNING c.last_sequence
            """, (NpgsqlConnection)transaction.Connection!, (NpgsqlTransaction)transaction)
        {
            Parameters = { new() { Value = organisationId }, new() { Value = year } },
        };
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

internal sealed class CaseCounterConfiguration : IEntityTypeConfiguration<CaseCounter>
{
    public void Configure(EntityTypeBuilder<CaseCounter> builder)
    {
        builder.ToTable("case_counters");
        builder.HasKey(c => new { c.OrganisationId, c.Year });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
