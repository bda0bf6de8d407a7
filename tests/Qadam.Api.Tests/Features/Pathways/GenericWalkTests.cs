using Xunit.Abstractions;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// Every fileable pathway, walked by a client that reads only the published contract (<see cref="GenericWalker"/>), as every
/// role offered it, to its end on both branches: the approving walk ends transferred, admitted or registered with the order
/// signed, the refusing walk at an outcome. Where it cannot go on, or the API refuses a value its own schema allows, the test
/// names the pathway, the task and the field.
/// </summary>
public sealed class GenericWalkTests(WorkflowsApiFactory api, ITestOutputHelper output) : IClassFixture<WorkflowsApiFactory>
{
    [Fact]
    public async Task Every_fileable_pathway_is_approved_with_its_order_signed_as_every_role_offered_it() =>
        EveryRoleWalked(await WalkAsync(api, output, approve: true, GenericWalker.Filers));

    [Fact]
    public async Task Every_fileable_pathway_walks_to_an_outcome_on_the_refusing_branch_as_every_role_offered_it() =>
        EveryRoleWalked(await WalkAsync(api, output, approve: false, GenericWalker.Filers));

    internal static async Task<List<WalkOutcome>> WalkAsync(WorkflowsApiFactory api, ITestOutputHelper output, bool approve, IReadOnlyList<string> filers)
    {
        var outcomes = new List<WalkOutcome>();
        var problems = await new GenericWalker(api, output).WalkEverythingAsync(approve, outcomes, filers);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        var pathways = outcomes.Select(o => o.Pathway).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("parent-application", pathways);
        Assert.Contains("university-distance", pathways);
        Assert.Contains("university-online", pathways);
        return outcomes;
    }

    /// <summary>The parents' pathways are offered to the school's clerk and head and to the region; the university's to its registrar and the student.</summary>
    private static void EveryRoleWalked(List<WalkOutcome> outcomes)
    {
        Assert.Equal(["clerk.c1", "clerk.s1", "head.c1", "head.s1", "regional.r1"],
            outcomes.Where(o => o.Pathway == "parent-application").Select(o => o.Filer).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["registrar.u1", "student.u1"],
            outcomes.Where(o => o.Pathway == "university-distance").Select(o => o.Filer).Distinct().Order(StringComparer.Ordinal));
    }
}

/// <summary>
/// The same walk on a clock at 1 June 2025, so the filing window holds the last days of the 2023 editions and the first of
/// the 2025 ones (order 103, in force 13 May 2025): every edition in force is walked, by the clerk of a school and of a
/// college, the registrar and a student (the demo college has too few students for every role on two editions).
/// </summary>
public sealed class GenericWalkEditionTests(June2025ApiFactory api, ITestOutputHelper output) : IClassFixture<June2025ApiFactory>
{
    private static readonly string[] Filers = ["clerk.s1", "clerk.c1", "registrar.u1", "student.u1"];

    [Fact]
    public async Task Both_editions_of_the_amended_pathways_are_approved_with_their_orders_signed()
    {
        var outcomes = await GenericWalkTests.WalkAsync(api, output, approve: true, Filers);
        Assert.True(outcomes.Where(o => o.Pathway == "parent-application").Select(o => o.Version).Distinct().Count() >= 2,
            "parent-application: the 2023 and 2025 editions were not both walked");
    }

    [Fact]
    public async Task Both_editions_of_the_amended_pathways_walk_to_an_outcome_on_the_refusing_branch()
    {
        var outcomes = await GenericWalkTests.WalkAsync(api, output, approve: false, Filers);
        Assert.True(outcomes.Where(o => o.Pathway == "parent-application").Select(o => o.Version).Distinct().Count() >= 2,
            "parent-application: the 2023 and 2025 editions were not both walked");
    }
}
