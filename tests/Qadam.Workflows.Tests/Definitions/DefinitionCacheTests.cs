using Microsoft.Extensions.Caching.Memory;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Versions;

namespace Qadam.Workflows.Tests.Definitions;

/// <summary>
/// Parsed definitions live in a cache the host owns (one per engine process, registered by AddQadamWorkflows), bounded by
/// size: nothing is shared through statics between two processes or two databases, and a version published on this node is
/// in force for the next command at once.
/// </summary>
public sealed class DefinitionCacheTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static string TwoSteps(string key) => Bpmn.Process(key, $"""
        <bpmn:startEvent id="start" />
        {Bpmn.UserTask("first")}{Bpmn.Ends("first")}
        {Bpmn.Flow("f0", "start", "first")}
        """);

    [Fact]
    public async Task Two_engine_processes_do_not_share_their_parsed_models()
    {
        var published = await fixture.PublishAsync("cached", TwoSteps("cached"));
        var other = new DefinitionCache();

        Assert.NotNull(fixture.Definitions.CachedModel(published.Id));
        Assert.Null(other.CachedModel(published.Id));
    }

    [Fact]
    public async Task The_cache_holds_no_more_entries_than_its_size_limit()
    {
        using var memory = new MemoryCache(new MemoryCacheOptions { SizeLimit = 2 });
        var cache = new DefinitionCache(memory);
        var versions = new List<ProcessDefinition>();
        foreach (var key in new[] { "bounded-a", "bounded-b", "bounded-c" })
        {
            versions.Add(await fixture.PublishAsync(key, TwoSteps(key)));
        }

        foreach (var version in versions)
        {
            cache.Model(version);
        }

        Assert.InRange(memory.Count, 0, 2);
    }

    [Fact]
    public async Task A_second_version_published_on_this_node_is_the_one_the_next_start_runs()
    {
        await fixture.PublishAsync("republished", TwoSteps("republished"));
        await using (var host = fixture.NewHost())
        {
            var first = await host.Engine.StartAsync(new Qadam.Workflows.Execution.StartProcess(
                "republished", new DateOnly(2025, 9, 1), new Qadam.Workflows.Execution.Actor("clerk.s1", "clerk", "s1"), null));
            Assert.Equal(1, first.DefinitionVersion);
        }

        await fixture.PublishAsync("republished", TwoSteps("republished"));
        await using var again = fixture.NewHost();
        var second = await again.Engine.StartAsync(new Qadam.Workflows.Execution.StartProcess(
            "republished", new DateOnly(2025, 9, 1), new Qadam.Workflows.Execution.Actor("clerk.s1", "clerk", "s1"), null));

        Assert.Equal(2, second.DefinitionVersion);
    }
}
