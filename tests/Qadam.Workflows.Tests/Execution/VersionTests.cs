using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Versions;
using static Qadam.Workflows.Tests.Bpmn;

namespace Qadam.Workflows.Tests.Execution;

/// <summary>Editions of an order: a case binds to the version in force on its filing date and keeps it.</summary>
public sealed class VersionTests(EngineFixture fixture) : EngineTestBase(fixture), IClassFixture<EngineFixture>
{
    private static string Edition(string key, string secondTask) => Process(key, $"""
        <bpmn:startEvent id="start" />
        {UserTask("apply")}{UserTask(secondTask)}
        <bpmn:endEvent id="end" />
        {Flow("f0", "start", "apply")}{Flow("f1", "apply", secondTask)}{Flow("f2", secondTask, "end")}
        """);

    [Fact]
    public async Task Cases_filed_on_either_side_of_the_effective_date_bind_to_their_edition_and_keep_it()
    {
        var v2023 = await Fixture.PublishAsync("parent-application", Edition("parent-application", "combatZoneCheck"), new DateOnly(2023, 11, 27));
        var running = await StartAsync("parent-application", filed: new DateOnly(2025, 3, 1));
        var v2025 = await Fixture.PublishAsync("parent-application", Edition("parent-application", "abroadCheck"), new DateOnly(2025, 4, 10));

        var before = await StartAsync("parent-application", filed: new DateOnly(2025, 4, 9));
        var after = await StartAsync("parent-application", filed: new DateOnly(2025, 4, 10));
        await CompleteAsync(running.InstanceId, "apply");
        await CompleteAsync(before.InstanceId, "apply");
        await CompleteAsync(after.InstanceId, "apply");

        Assert.Equal((1, 2), (v2023.Version, v2025.Version));
        Assert.Equal(1, before.DefinitionVersion);
        Assert.Equal(2, after.DefinitionVersion);
        Assert.Equal(["combatZoneCheck"], await OpenTaskIdsAsync(running.InstanceId));
        Assert.Equal(["combatZoneCheck"], await OpenTaskIdsAsync(before.InstanceId));
        Assert.Equal(["abroadCheck"], await OpenTaskIdsAsync(after.InstanceId));
        await Assert.ThrowsAsync<NoVersionInForceException>(() => StartAsync("parent-application", filed: new DateOnly(2023, 11, 26)));
    }

    [Fact]
    public async Task A_published_version_never_changes_and_a_new_draft_gets_the_next_number()
    {
        var published = await Fixture.PublishAsync("immutable", Edition("immutable", "a"));
        await using var host = Fixture.NewHost();
        var tracked = await host.Db.Definitions.SingleAsync(d => d.Id == published.Id);

        Assert.Throws<DefinitionImmutableException>(() => tracked.Publish(new DateOnly(2030, 1, 1), new LegalBasis("x", null, null), [], "x", DateTimeOffset.UtcNow));
        var draft = await host.Definitions.SaveDraftAsync(DefinitionKind.Bpmn, "immutable", Edition("immutable", "b"), "legal.r1");
        var redraft = await host.Definitions.SaveDraftAsync(DefinitionKind.Bpmn, "immutable", Edition("immutable", "c"), "legal.r1");

        Assert.Equal(2, draft.Version);
        Assert.Equal(draft.Id, redraft.Id);
        Assert.Equal(published.ContentSha256, (await host.Db.Definitions.AsNoTracking().SingleAsync(d => d.Id == published.Id)).ContentSha256);
    }

    [Fact]
    public async Task An_invalid_definition_is_refused_at_upload_with_its_problems_and_nothing_is_stored()
    {
        await using var host = Fixture.NewHost();
        var invalid = Process("broken", $"""
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="mystery" qadam:activity="no-such-activity" />
            <bpmn:complexGateway id="complex" />
            {Flow("f0", "start", "mystery")}{Flow("f1", "mystery", "complex")}
            """);

        var error = await Assert.ThrowsAsync<DefinitionRejectedException>(() =>
            host.Definitions.SaveDraftAsync(DefinitionKind.Bpmn, "broken", invalid, "legal.r1"));

        Assert.Contains(error.Problems, p => p.ElementId == "mystery");
        Assert.Contains(error.Problems, p => p.ElementId == "complex");
        Assert.False(await host.Db.Definitions.AnyAsync(d => d.Key == "broken"));
    }

    [Fact]
    public async Task A_migration_dry_run_lists_moves_and_blockers_and_the_real_run_moves_the_waiting_task()
    {
        var v1 = await Fixture.PublishAsync("migrate", Edition("migrate", "review"), new DateOnly(2024, 1, 1));
        var instance = await StartAsync("migrate", filed: new DateOnly(2024, 6, 1));
        var v2 = await Fixture.PublishAsync("migrate", Process("migrate", $"""
            <bpmn:startEvent id="start" />
            {UserTask("application")}{UserTask("review")}
            <bpmn:endEvent id="end" />
            {Flow("f0", "start", "application")}{Flow("f1", "application", "review")}{Flow("f2", "review", "end")}
            """), new DateOnly(2025, 1, 1));
        await using var host = Fixture.NewHost();
        var admin = new Actor("legal.r1", "legalEditor");

        var blocked = await host.Engine.MigrateAsync(new MigrateInstances(v1.Id, v2.Id, new Dictionary<string, string>(), admin, DryRun: true));
        var dryRun = await host.Engine.MigrateAsync(new MigrateInstances(v1.Id, v2.Id,
            new Dictionary<string, string> { ["apply"] = "application" }, admin, DryRun: true));
        Assert.Equal(1, (await InstanceAsync(instance.InstanceId)).DefinitionVersion);
        var real = await host.Engine.MigrateAsync(new MigrateInstances(v1.Id, v2.Id,
            new Dictionary<string, string> { ["apply"] = "application" }, admin, DryRun: false));

        var problem = Assert.Single(blocked.Problems);
        Assert.Equal("apply", problem.ElementId);
        Assert.False(blocked.Applied);
        Assert.Equal(new MigrationMove(instance.InstanceId, "apply", "application"), Assert.Single(dryRun.Moves));
        Assert.False(dryRun.Applied);
        Assert.True(real.Applied);
        Assert.Equal(2, (await InstanceAsync(instance.InstanceId)).DefinitionVersion);
        await CompleteAsync(instance.InstanceId, "application");
        Assert.Equal(["review"], await OpenTaskIdsAsync(instance.InstanceId));
        Assert.True(await host.Db.Journal.AnyAsync(j => j.InstanceId == instance.InstanceId && j.Event == "migrated" && j.DefinitionVersion == 2));
    }
}
