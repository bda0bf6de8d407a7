using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Qadam.Api.Features.Audit;
using Qadam.Api.Persistence;
using Qadam.Api.Tests.Features.Rosters;

namespace Qadam.Api.Tests.Features.Audit;

public sealed class AuditTrailTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    [Fact]
    public async Task Commands_append_a_chain_the_database_will_not_change_and_verify_names_a_tampered_row()
    {
        using var clerk = await api.ClientForAsync("clerk.s1");
        for (var i = 0; i < 3; i++)
        {
            var csv = RosterFiles.Csv(RosterFiles.ValidRow("s1", new DateOnly(2013, 2, 1 + i), out _));
            using var imported = await clerk.PostAsync("/api/rosters/import", RosterFiles.Upload(csv));
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        using var auditor = await api.ClientForAsync("auditor.r1");
        var intact = await auditor.GetFromJsonAsync<AuditVerification>("/api/audit/verify");
        Assert.True(intact!.Intact);
        Assert.True(intact.EventsChecked >= 3);

        long target;
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
            await AuditChain.PlaceAsync(db, default);
            var events = await db.AuditEvents.OrderBy(e => e.Sequence).ToListAsync();
            Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
            Assert.Equal(AuditEvent.GenesisHash, events[0].PreviousHash);
            Assert.All(events.Skip(1), (e, i) => Assert.Equal(events[i].Hash, e.PreviousHash));
            Assert.All(events, e => Assert.Equal("roster.imported", e.Action));
            Assert.All(events, e => Assert.Equal(("clerk.s1", "clerk", "s1"), (e.Actor, e.Role, e.OrganisationCode)));
            target = events[1].Sequence;
        }

        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        var update = $"UPDATE qadam.audit_events SET actor = 'head.s1' WHERE sequence = {target}";
        var refusedUpdate = await Assert.ThrowsAsync<PostgresException>(() => Execute(connection, update));
        Assert.Contains("append-only", refusedUpdate.MessageText, StringComparison.Ordinal);
        await Assert.ThrowsAsync<PostgresException>(() => Execute(connection, $"DELETE FROM qadam.audit_events WHERE sequence = {target}"));
        await Assert.ThrowsAsync<PostgresException>(() => Execute(connection, "TRUNCATE qadam.audit_events"));

        // The table's owner (the test database's role) bypasses the trigger, as a superuser could.
        await Execute(connection, "ALTER TABLE qadam.audit_events DISABLE TRIGGER audit_events_no_update_or_delete");
        await Execute(connection, update);
        await Execute(connection, "ALTER TABLE qadam.audit_events ENABLE TRIGGER audit_events_no_update_or_delete");

        var broken = await auditor.GetFromJsonAsync<AuditVerification>("/api/audit/verify");
        Assert.False(broken!.Intact);
        Assert.Equal(target, broken.FirstBrokenSequence);
        Assert.Equal(target - 1, broken.EventsChecked);
        Assert.Contains("changed after it was written", broken.Problem, StringComparison.Ordinal);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
