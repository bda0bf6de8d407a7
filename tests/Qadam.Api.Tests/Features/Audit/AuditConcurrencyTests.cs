using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Features.Audit;
using Qadam.Api.Persistence;
using Qadam.Api.Tests.Features.Definitions;
using Qadam.Api.Tests.Features.Rosters;

namespace Qadam.Api.Tests.Features.Audit;

/// <summary>On its own database: the tamper test of <see cref="AuditTrailTests"/> breaks its chain on purpose.</summary>
public sealed class AuditConcurrencyTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    [Fact]
    public async Task Concurrent_commands_keep_one_chain()
    {
        var clients = await Task.WhenAll(new[] { "clerk.s1", "clerk.s2", "clerk.c1", "regional.r1" }.Select(api.ClientForAsync));
        var organisations = new[] { "s1", "s2", "c1", "s3" };
        var tasks = clients.SelectMany((client, i) => Enumerable.Range(0, 3).Select(async j =>
        {
            var className = organisations[i] == "c1" ? "ИС-25" : "5А";
            var level = organisations[i] == "c1" ? "tvet" : "basic_secondary";
            var csv = RosterFiles.Csv(RosterFiles.ValidRow(organisations[i], new DateOnly(2010, 1 + i, 1 + j), out _, className, level));
            using var response = await client.PostAsync("/api/rosters/import", RosterFiles.Upload(csv));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }));
        await Task.WhenAll(tasks);

        using var admin = await api.ClientForAsync("admin.mon");
        var result = await admin.GetFromJsonAsync<AuditVerification>("/api/audit/verify");
        Assert.True(result!.Intact, result.Problem);
        Assert.True(result.EventsChecked >= 12);
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task Concurrent_filings_extend_the_chain_placed_and_hashed_by_the_database()
    {
        // Filings append their event as the command's last statement: PostgreSQL reads the head and hashes the link, and the
        // verifier's own hash must agree with it, event for event, with no twin or gap under concurrency.
        await Pathways.PublishAsync(api, "audit-race", Pathways.PsychologistThenHead("audit-race"));
        var clerks = await Task.WhenAll(new[] { "clerk.s1", "clerk.s2" }.Select(api.ClientForAsync));
        var students = await Task.WhenAll(new[] { "s1", "s2" }.SelectMany(o => Enumerable.Range(0, 3).Select(j => Pathways.StudentOfAsync(api, o, j))));
        await Task.WhenAll(students.Select((iin, i) => Pathways.FileAsync(clerks[i / 3], "audit-race", iin)));

        using var admin = await api.ClientForAsync("admin.mon");
        var result = await admin.GetFromJsonAsync<AuditVerification>("/api/audit/verify");
        Assert.True(result!.Intact, result.Problem);
        await using var scope = api.Services.CreateAsyncScope();
        var filed = await scope.ServiceProvider.GetRequiredService<QadamDbContext>().AuditEvents
            .Where(e => e.Action == "case.filed" && e.ProcessKey == "audit-race").ToListAsync();
        Assert.Equal(students.Length, filed.Count);
        Assert.All(filed, e => Assert.Equal(e.ComputeHash(), e.Hash));
        // Every event was placed, at its command's commit or by the verification: nothing waits in the pending table.
        Assert.Equal(0, await PendingAsync());
        foreach (var clerk in clerks)
        {
            clerk.Dispose();
        }
    }

    [Fact]
    public async Task A_filing_whose_commit_finds_the_chain_busy_does_not_wait_and_its_event_is_chained_for_the_next_reader()
    {
        // Another holder of the chain's lock (a commit placing events, a node paused in the middle of one) is held here on
        // purpose. The filing does not wait for it: its event commits with the case and waits in the pending table. Before
        // migration Audit_ChainWithoutWaiting every commit queued on this lock.
        await Pathways.PublishAsync(api, "audit-busy", Pathways.PsychologistThenHead("audit-busy"));
        var iin = await Pathways.StudentOfAsync(api, "s2", 5);
        using var clerk = await api.ClientForAsync("clerk.s2");
        await using var holder = new Npgsql.NpgsqlConnection(api.ConnectionString);
        await holder.OpenAsync();
        await using (var take = new Npgsql.NpgsqlCommand("SELECT pg_advisory_lock(8169921568636499300)", holder))
        {
            await take.ExecuteNonQueryAsync();
        }

        string caseId;
        try
        {
            var filing = Pathways.FileAsync(clerk, "audit-busy", iin);
            Assert.Same(filing, await Task.WhenAny(filing, Task.Delay(TimeSpan.FromSeconds(30))));
            caseId = (await filing).GetProperty("id").GetString()!;
            Assert.True(await PendingAsync() >= 1, "the filing's event waits for the chain, committed with its case");
        }
        finally
        {
            await using var release = new Npgsql.NpgsqlCommand("SELECT pg_advisory_unlock(8169921568636499300)", holder);
            await release.ExecuteNonQueryAsync();
        }

        // The case's history places what waits before it reads: the filing is there, hashed as the verifier hashes.
        using var history = await clerk.GetAsync($"/api/cases/{caseId}/audit");
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        var events = await history.Content.ReadFromJsonAsync<System.Text.Json.JsonElement[]>();
        Assert.Contains(events!, e => e.GetProperty("action").GetString() == "case.filed");
        using var admin = await api.ClientForAsync("admin.mon");
        var result = await admin.GetFromJsonAsync<AuditVerification>("/api/audit/verify");
        Assert.True(result!.Intact, result.Problem);
        Assert.Equal(0, await PendingAsync());
    }

    [Fact]
    public async Task A_command_that_has_appended_but_not_committed_holds_up_no_other()
    {
        // The chain is extended at COMMIT: a command between its event and its commit (here held open on purpose, as a slow
        // request or a paused node would) holds no lock, so a clerk's filing goes through meanwhile. When the event took the
        // chain's lock in one of the command's statements, this filing waited for that commit.
        await Pathways.PublishAsync(api, "audit-open", Pathways.PsychologistThenHead("audit-open"));
        string iin;
        await using (var lookup = api.Services.CreateAsyncScope())
        {
            // A student of s1 with no case yet (the other tests of this class file for the first ones).
            var db = lookup.ServiceProvider.GetRequiredService<QadamDbContext>();
            iin = await db.Students.Where(s => db.Organisations.Any(o => o.Id == s.OrganisationId && o.Code == "s1") && !db.Cases.Any(c => c.StudentId == s.Id))
                .OrderBy(s => s.Iin).Select(s => s.Iin).FirstAsync();
        }

        using var clerk = await api.ClientForAsync("clerk.s1");
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
            await using var open = await db.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<AuditTrail>()
                .AppendAsync(new AuditActor("test.open", "test", "s1"), new AuditEntry("test.held-open", [1, 2, 3]), CancellationToken.None);

            var filing = Pathways.FileAsync(clerk, "audit-open", iin);
            Assert.Same(filing, await Task.WhenAny(filing, Task.Delay(TimeSpan.FromSeconds(30))));
            await filing;
            await open.CommitAsync();
        }

        using var admin = await api.ClientForAsync("admin.mon");
        var result = await admin.GetFromJsonAsync<AuditVerification>("/api/audit/verify");
        Assert.True(result!.Intact, result.Problem);
        await using var read = api.Services.CreateAsyncScope();
        var events = await read.ServiceProvider.GetRequiredService<QadamDbContext>().AuditEvents
            .Where(e => e.Action == "test.held-open" || (e.Action == "case.filed" && e.ProcessKey == "audit-open")).OrderBy(e => e.Sequence).ToListAsync();
        // The filing committed first, so it was placed first; the held event after it, each hashed as the verifier hashes.
        Assert.Equal(["case.filed", "test.held-open"], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal(e.ComputeHash(), e.Hash));
        Assert.Equal(0, await PendingAsync());
    }

    [Fact]
    public async Task A_command_rolled_back_leaves_no_event()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await scope.ServiceProvider.GetRequiredService<AuditTrail>()
                .AppendAsync(new AuditActor("test.rollback", "test", null), new AuditEntry("test.rolled-back", [4]), CancellationToken.None);
            await transaction.RollbackAsync();
        }

        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == "test.rolled-back"));
        Assert.Equal(0, await PendingAsync());
    }

    private async Task<long> PendingAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<QadamDbContext>().Database
            .SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM qadam.audit_pending").SingleAsync();
    }
}
