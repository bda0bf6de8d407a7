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
        foreach (var clerk in clerks)
        {
            clerk.Dispose();
        }
    }
}
