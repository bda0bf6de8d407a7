using System.Text.Json.Nodes;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Qadam.Api.Features.Tasks;
using Qadam.Api.Hosting;

namespace Qadam.Api.Tests.Features.Tasks;

/// <summary>
/// A task's form is found in the pathways folder without listing the whole tree at each completion, and a form written,
/// replaced or removed while the API runs (the form editor, a deployment) applies at the next lookup, as before.
/// </summary>
public sealed class FormCatalogTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("qadam-forms-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task An_unchanged_folder_is_listed_once_for_many_lookups()
    {
        Write("psych/forms/conclusion.form.json", Form("conclusion", "score"));
        Write("psych/bpmn/psych.bpmn", "<definitions/>");
        AgeFolders();
        var catalog = Catalog();

        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(["score"], (await catalog.FindAsync("conclusion", default))!.Keys);
            Assert.Null(await catalog.FindAsync("absent", default));
        }

        Assert.Equal(1, catalog.IndexBuilds);
    }

    [Fact]
    public async Task A_form_added_replaced_or_removed_while_running_applies_at_the_next_lookup()
    {
        Write("psych/forms/conclusion.form.json", Form("conclusion", "score"));
        AgeFolders();
        var catalog = Catalog();
        Assert.Null(await catalog.FindAsync("ballot", default));
        Assert.Equal(["score"], (await catalog.FindAsync("conclusion", default))!.Keys);

        // A new pathway deployed beside the others, with its forms folder.
        Write("council/forms/ballot.form.json", Form("ballot", "vote"));
        Assert.Equal(["vote"], (await catalog.FindAsync("ballot", default))!.Keys);

        // The form editor's way: a temporary file renamed over the form.
        var path = Path.Combine(_root.FullName, "psych/forms/conclusion.form.json");
        File.WriteAllText(path + ".tmp", Form("conclusion", "grade").ToJsonString());
        File.Move(path + ".tmp", path, overwrite: true);
        Assert.Equal(["grade"], (await catalog.FindAsync("conclusion", default))!.Keys);

        // Written in place: the folder does not change, the file is read again anyway.
        AgeFolders();
        File.WriteAllText(path, Form("conclusion", "mark").ToJsonString());
        Assert.Equal(["mark"], (await catalog.FindAsync("conclusion", default))!.Keys);

        File.Delete(Path.Combine(_root.FullName, "council/forms/ballot.form.json"));
        Assert.Null(await catalog.FindAsync("ballot", default));
    }

    [Fact]
    public async Task Of_two_forms_with_one_key_the_first_in_path_order_wins_and_a_file_outside_a_forms_folder_is_no_form()
    {
        Write("psych/forms/conclusion.form.json", Form("conclusion", "score"));
        Write("psych/conclusion.form.json", Form("conclusion", "stray"));
        AgeFolders();
        var catalog = Catalog();
        Assert.Equal(["score"], (await catalog.FindAsync("conclusion", default))!.Keys);

        Write("appeals/forms/conclusion.form.json", Form("conclusion", "appeal"));
        Assert.Equal(["appeal"], (await catalog.FindAsync("conclusion", default))!.Keys);

        Directory.Delete(Path.Combine(_root.FullName, "appeals"), recursive: true);
        Assert.Equal(["score"], (await catalog.FindAsync("conclusion", default))!.Keys);
    }

    private FormCatalog Catalog() => new(
        Options.Create(new QadamOptions { WorkflowsDirectory = _root.FullName }), new Environment(_root.FullName), NullLogger<FormCatalog>.Instance);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private void Write(string relative, JsonObject form) => Write(relative, form.ToJsonString());

    // Folders written a minute ago: the catalog does not trust a folder changed within the last seconds (coarse file times).
    private void AgeFolders()
    {
        var past = DateTime.UtcNow.AddMinutes(-1);
        foreach (var folder in _root.EnumerateDirectories("*", SearchOption.AllDirectories).Append(_root))
        {
            folder.LastWriteTimeUtc = past;
        }
    }

    private static JsonObject Form(string id, string field) => new()
    {
        ["id"] = id,
        ["components"] = new JsonArray(new JsonObject { ["key"] = field, ["type"] = "textfield" }),
    };

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "Qadam.Api.Tests";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
