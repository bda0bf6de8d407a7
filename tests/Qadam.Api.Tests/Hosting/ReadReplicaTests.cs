using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Hosting;

/// <summary>
/// With <c>ConnectionStrings:Replica</c> set, the parent's tracker reads from a hot standby: a case filed on the primary
/// reaches the tracker within seconds through streaming replication, and with the standby stopped the tracker, the
/// notifications and the dashboard answer a clean 503 problem while the endpoints that use the primary go on working
/// (which shows those reads went to the standby).
/// </summary>
public sealed class ReadReplicaTests
{
    private const string Pathway = "replica-psych-head";

    [SkippableFact]
    public async Task The_parents_tracker_reads_a_case_filed_on_the_primary_from_the_standby()
    {
        Skip.IfNot(ScratchReplication.Available, $"PostgreSQL 15 binaries (initdb, pg_basebackup) not found in {ScratchReplication.Binaries}");
        await using var clusters = await ScratchReplication.StartAsync();
        var api = new ReplicaApiFactory(clusters.PrimaryConnectionString, clusters.StandbyConnectionString);
        try
        {
            await Pathways.PublishAsync(api, Pathway, Pathways.PsychologistThenHead(Pathway));
            using var clerk = await api.ClientForAsync("clerk.s1");
            var caseId = (await Pathways.FileAsync(clerk, Pathway, await Pathways.ChildOfParentP1Async(api))).GetProperty("id").GetString()!;
            using var parent = await api.ClientForAsync("parent.p1");

            var waited = Stopwatch.StartNew();
            while (!await TrackerShowsAsync(parent, caseId))
            {
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "the case filed on the primary did not reach the tracker on the standby in 10 s");
                await Task.Delay(200);
            }

            Assert.Equal(HttpStatusCode.OK, (await parent.GetAsync("/api/parents/me/notifications")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/api/dashboard")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/api/dashboard/remote")).StatusCode);

            await clusters.StopStandbyAsync();
            NpgsqlConnection.ClearAllPools();

            using var tracker = await parent.GetAsync("/api/parents/me/cases");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, tracker.StatusCode);
            Assert.Equal("application/problem+json", tracker.Content.Headers.ContentType?.MediaType);
            Assert.True(tracker.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await parent.GetAsync("/api/parents/me/notifications")).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await clerk.GetAsync("/api/dashboard")).StatusCode);
            // The primary still serves everything not marked as a replica read: the parent's children, the case itself.
            Assert.Equal(HttpStatusCode.OK, (await parent.GetAsync("/api/parents/me/children")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await parent.GetAsync($"/api/cases/{caseId}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/api/cases/{caseId}")).StatusCode);
        }
        finally
        {
            await ((IAsyncLifetime)api).DisposeAsync();
        }
    }

    private static async Task<bool> TrackerShowsAsync(HttpClient parent, string caseId)
    {
        using var response = await parent.GetAsync("/api/parents/me/cases");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var children = await response.Content.ReadFromJsonAsync<JsonElement>();
        return children.EnumerateArray().SelectMany(c => c.GetProperty("cases").EnumerateArray())
            .Any(c => c.GetProperty("id").GetString() == caseId);
    }

    /// <summary>The API on the scratch primary, with the standby as its replica.</summary>
    private sealed class ReplicaApiFactory(string primary, string replica) : QadamApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Qadam", primary);
            builder.UseSetting("ConnectionStrings:Replica", replica);
        }
    }
}
