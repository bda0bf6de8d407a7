using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Features.Documents;
using Qadam.Api.Persistence;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Execution;
using Qadam.Api.Features.Audit;

namespace Qadam.Api.Tests.Features.Audit;

/// <summary>
/// The audit trail cites the legal basis as one line, and a basis that names no edition or no paragraph is cited without
/// empty parts: an auditor reads "Приказ № 349, п. 9", not "Приказ № 349, , п. 9".
/// </summary>
public sealed class EngineAuditCitationTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    [Fact]
    public async Task A_timer_the_engine_fires_on_a_step_citing_no_edition_is_audited_without_an_empty_part()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        var observer = scope.ServiceProvider.GetRequiredService<IEngineCommandObserver>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var instance = Guid.NewGuid();

        await observer.RecordAsync(
            new EngineCommandRecord("timer-fired", instance, null, "transfer", 1, "Wait", new LegalBasis("Приказ № 349", null, "п. 9"), null),
            transaction.GetDbTransaction(), CancellationToken.None);
        await observer.RecordAsync(
            new EngineCommandRecord("timer-fired", instance, null, "transfer", 1, "Wait", new LegalBasis("Приказ № 349", "2025", " "), null),
            transaction.GetDbTransaction(), CancellationToken.None);

        // The events are placed in the chain at COMMIT; this transaction is rolled back, so they are placed now to be read.
        await AuditChain.PlaceAsync(db, default);
        var cited = await db.AuditEvents.Where(e => e.Action == "engine.timer-fired").OrderBy(e => e.Sequence)
            .Select(e => e.LegalBasis).ToListAsync();
        Assert.Equal(["Приказ № 349, п. 9", "Приказ № 349, 2025"], cited);
        await transaction.RollbackAsync();
    }

    [Fact]
    public void A_citation_keeps_the_parts_a_basis_names_and_reads_the_same_in_kazakh_and_russian_when_the_table_lacks_the_act()
    {
        var basis = new LegalBasis("Приказ № 349", null, "п. 9");

        Assert.Equal("Приказ № 349, п. 9", LegalCitation.Line(basis));
        Assert.Equal("Приказ № 349", LegalCitation.Reference(basis with { Paragraph = "" }));
        Assert.Null(LegalCitation.Line(null));
        var cited = LegalCitation.Of(basis, Qadam.Documents.Citations.CitationTable.Empty);
        Assert.Equal(("Приказ № 349, п. 9", "Приказ № 349, п. 9"), (cited!.Kk, cited.Ru));
    }
}
