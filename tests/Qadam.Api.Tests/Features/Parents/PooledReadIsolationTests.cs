using System.Net.Http.Json;
using System.Text.Json;

namespace Qadam.Api.Tests.Features.Parents;

/// <summary>
/// The tracker, the notifications and the inbox only read, so their contexts are leased from a pool and handed from one
/// request to the next (Hosting/QadamContextOptions.Lease). Whatever one request's context read or tracked must not reach
/// another's answer: two families reading at once each see their own child, and an inbox read among them is the same
/// page as when read alone.
/// </summary>
public sealed class PooledReadIsolationTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    [Fact]
    public async Task Two_families_and_two_schools_reading_at_once_each_get_only_their_own_answer()
    {
        using var p1 = await api.ClientForAsync("parent.p1");
        using var p2 = await api.ClientForAsync("parent.p2");
        using var s1 = await api.ClientForAsync("psychologist.s1");
        using var s2 = await api.ClientForAsync("psychologist.s2");
        var (ofP1, ofP2) = await DemoChildren.OfParentsAsync(api);
        var (childOfP1, childOfP2) = (ofP1.Iin, ofP2.Iin);
        (await p2.PostAsJsonAsync("/api/parents/me/children", new { iin = childOfP2 })).EnsureSuccessStatusCode();
        var inboxOfS1 = await s1.GetStringAsync("/api/tasks");
        var inboxOfS2 = await s2.GetStringAsync("/api/tasks");

        var reads = Enumerable.Range(0, 60).Select(async i => (i % 4) switch
        {
            0 => ("p1", Children(await p1.GetStringAsync("/api/parents/me/cases"))),
            1 => ("p2", Children(await p2.GetStringAsync("/api/parents/me/cases"))),
            2 => ("s1", await s1.GetStringAsync("/api/tasks")),
            _ => ("s2", await s2.GetStringAsync("/api/tasks")),
        });

        foreach (var (reader, answer) in await Task.WhenAll(reads))
        {
            Assert.Equal(reader switch { "p1" => childOfP1, "p2" => childOfP2, "s1" => inboxOfS1, _ => inboxOfS2 }, answer);
        }
    }

    // The IINs of the children in a tracker's answer, in order.
    private static string Children(string tracker) =>
        string.Join(",", JsonDocument.Parse(tracker).RootElement.EnumerateArray().Select(c => c.GetProperty("iin").GetString()));
}
