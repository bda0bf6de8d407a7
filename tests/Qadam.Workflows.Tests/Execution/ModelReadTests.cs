using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;
using Qadam.Workflows.Persistence;
using Qadam.Workflows.Reads;
using Qadam.Workflows.Versions;
using static Qadam.Workflows.Tests.Bpmn;

namespace Qadam.Workflows.Tests.Execution;

/// <summary>
/// Every task completion asks for the model of the task's version by key and number (the signing-step check): a published
/// version never changes, so once seen it is answered from memory, without a round trip; a draft is never a model here.
/// Counted with Npgsql's own tracing, one activity per command sent.
/// </summary>
public sealed class ModelReadTests(EngineFixture fixture) : EngineTestBase(fixture), IClassFixture<EngineFixture>
{
    private static readonly string OneStep = Process("model-read", $"""
        <bpmn:startEvent id="start" />
        {UserTask("first")}{Ends("first")}
        {Flow("f0", "start", "first")}
        """);

    [Fact]
    public async Task A_published_versions_model_is_read_from_the_database_once_then_from_memory()
    {
        var published = await Fixture.PublishAsync("model-read", OneStep);
        var definitions = new DefinitionCache();

        var (first, firstModel) = await CountAsync(reads => reads.ModelAsync("model-read", published.Version), definitions);
        var (second, secondModel) = await CountAsync(reads => reads.ModelAsync("model-read", published.Version), definitions);

        Assert.NotEmpty(first);
        Assert.Empty(second);
        Assert.NotNull(firstModel);
        Assert.Same(firstModel, secondModel);
        Assert.Contains(secondModel!.Nodes, n => n.Id == "first");
    }

    [Fact]
    public async Task A_draft_or_an_unknown_version_has_no_model_by_key_and_number()
    {
        await using var host = Fixture.NewHost();
        var draft = await host.Definitions.SaveDraftAsync(DefinitionKind.Bpmn, "model-draft", OneStep.Replace("model-read", "model-draft", StringComparison.Ordinal), "editor");

        var reads = new EngineReads(host.Db, Fixture.Definitions);

        Assert.Null(await reads.ModelAsync("model-draft", draft.Version));
        Assert.Null(await reads.ModelAsync("model-draft", draft.Version + 1));
        Assert.Null(await reads.ModelAsync("model-draft", draft.Version));
    }

    private async Task<(List<string> Sent, T Result)> CountAsync<T>(Func<EngineReads, Task<T>> read, DefinitionCache definitions)
    {
        var database = new NpgsqlConnectionStringBuilder(Fixture.ConnectionString).Database;
        var sent = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("db.namespace") ?? activity.GetTagItem("db.name"), database))
                {
                    sent.Enqueue((activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement"))?.ToString() ?? activity.DisplayName);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using WorkflowsDbContext db = Fixture.NewContext();
        var result = await read(new EngineReads(db, definitions));
        return ([.. sent], result);
    }
}
