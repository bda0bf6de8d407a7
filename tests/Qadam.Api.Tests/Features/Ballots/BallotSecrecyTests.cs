using System.Net.Http.Json;
using System.Text.Json;
using Qadam.Api.Tests.Features.Cases;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.Ballots;

/// <summary>
/// Council votes are secret outside the protocol: the case page shows the secretary, the chair (head) and the auditor how
/// each member voted; the parent, the clerk and the members themselves see that ballots were cast, and the tally.
/// </summary>
public sealed class BallotSecrecyTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    [Fact]
    public async Task The_case_page_shows_individual_votes_only_to_the_secretary_the_chair_and_the_auditor()
    {
        await Pathways.PublishAsync(api, CouncilVoteTests.Pathway, CouncilVoteTests.Bpmn);
        using var clerk = await api.ClientForAsync("clerk.s1");
        var caseId = (await Pathways.FileAsync(clerk, CouncilVoteTests.Pathway, await Pathways.ChildOfParentP1Async(api)))
            .GetProperty("id").GetString()!;
        for (var i = 1; i <= 3; i++)
        {
            using var member = await api.ClientForAsync($"council{i}.s1");
            var ballot = (await member.GetFromJsonAsync<JsonElement>($"/api/tasks?caseId={caseId}")).GetProperty("items")[0];
            using var cast = await member.PostAsync($"/api/tasks/{ballot.GetProperty("id").GetString()}/complete",
                Pathways.Json(new { data = new { vote = i == 3 ? "no" : "yes", comment = $"мнение члена совета {i}" } }));
            cast.EnsureSuccessStatusCode();
        }

        foreach (var reader in new[] { "secretary.s1", "head.s1", "auditor.r1" })
        {
            var ballots = await BallotDecisionsAsync(reader, caseId);
            Assert.Equal(3, ballots.Count);
            Assert.Equal(["no", "yes", "yes"], ballots.Select(d => d.GetProperty("data").GetProperty("vote").GetString()).Order(StringComparer.Ordinal));
        }

        foreach (var other in new[] { "parent.p1", "clerk.s1", "council1.s1", "teacher.s1" })
        {
            var ballots = await BallotDecisionsAsync(other, caseId);
            Assert.Equal(3, ballots.Count);
            Assert.All(ballots, d => Assert.Equal(JsonValueKind.Null, d.GetProperty("data").ValueKind));
            using var client = await api.ClientForAsync(other);
            var page = await client.GetStringAsync($"/api/cases/{caseId}");
            Assert.DoesNotContain("мнение члена совета", page, StringComparison.Ordinal);
            Assert.DoesNotContain("\"vote\"", page, StringComparison.Ordinal);
        }

        // The tally and the result stay readable to the staff who may not read the ballots.
        using var teacher = await api.ClientForAsync("teacher.s1");
        var tally = (await teacher.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/ballots"))[0];
        Assert.Equal(2, tally.GetProperty("yes").GetInt32());
        Assert.Equal(1, tally.GetProperty("no").GetInt32());
    }

    private async Task<List<JsonElement>> BallotDecisionsAsync(string user, string caseId)
    {
        using var client = await api.ClientForAsync(user);
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        return [.. page.GetProperty("decisions").EnumerateArray().Where(d => d.GetProperty("elementId").GetString() == "ballot")];
    }
}
