using Microsoft.EntityFrameworkCore;
using Qadam.Documents.Rendering;
using Qadam.Documents.Templates;
using Qadam.Documents.Tests.Samples;
using Qadam.Testing;

namespace Qadam.Documents.Tests.Templates;

public sealed class TemplateCatalogTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    public Task InitializeAsync() => DocumentsDatabase.MigrateAsync(database);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task UploadAsync_StoresNothing_WhenTheTemplateHasProblems()
    {
        await using var db = DocumentsDatabase.Context(database);
        var catalog = new TemplateCatalog(db, TimeProvider.System);
        var template = new TemplateBuilder().Text("{{student.fulName}}").Build();

        var result = await catalog.UploadAsync(
            new TemplateUpload("bad-order", DocumentLanguage.Ru, "ORDER", "transfer", "1", template, ["student.fullName"]), default);

        Assert.False(result.Succeeded);
        Assert.Equal("Unknown variable 'student.fulName'.", Assert.Single(result.Problems).Message);
        Assert.False(await db.Templates.AnyAsync(t => t.Key == "bad-order"));
    }

    [Fact]
    public async Task UploadAsync_NumbersEditions_AndEachProcessVersionKeepsItsOwn()
    {
        await using var db = DocumentsDatabase.Context(database);
        var catalog = new TemplateCatalog(db, TimeProvider.System);
        var first = new TemplateBuilder().Text("Бұйрық, бірінші редакция: {{student.fullName}}").Build();
        var second = new TemplateBuilder().Text("Бұйрық, екінші редакция: {{student.fullName}}").Build();

        var v1 = await catalog.UploadAsync(new TemplateUpload("order", DocumentLanguage.Kk, "ORDER", "transfer", "1", first, ["student.fullName"]), default);
        var v2 = await catalog.UploadAsync(new TemplateUpload("order", DocumentLanguage.Kk, "ORDER", "transfer", "2", second, ["student.fullName"]), default);

        Assert.Equal(1, v1.Template!.Version);
        Assert.Equal(2, v2.Template!.Version);
        var forOldCases = await catalog.FindForProcessAsync("order", DocumentLanguage.Kk, "transfer", "1", default);
        var forNewCases = await catalog.FindForProcessAsync("order", DocumentLanguage.Kk, "transfer", "2", default);
        Assert.Equal(first, forOldCases!.Content);
        Assert.Equal(second, forNewCases!.Content);
    }

    [Fact]
    public async Task StoredTemplates_CannotBeOverwritten()
    {
        await using var db = DocumentsDatabase.Context(database);
        var catalog = new TemplateCatalog(db, TimeProvider.System);
        var stored = await catalog.UploadAsync(new TemplateUpload(
            "notice", DocumentLanguage.Kk, "NOTICE", "transfer", "1", new TemplateBuilder().Text("хабарлама").Build(), []), default);

        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"UPDATE documents.templates SET content = '\\x00' WHERE id = {stored.Template!.Id}"));

        Assert.Contains("immutable", error.MessageText, StringComparison.Ordinal);
    }
}
