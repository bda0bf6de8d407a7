using System.Net;
using System.Net.Http.Json;
using Qadam.Api.Features.Audit;
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
}
