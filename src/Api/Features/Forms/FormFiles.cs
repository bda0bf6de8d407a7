using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Qadam.Api.Hosting;

namespace Qadam.Api.Features.Forms;

/// <summary>
/// Where a form's file lives and how it is written. Forms stay files in the pathways' folders
/// (<c>workflows/&lt;pathway&gt;/forms/&lt;formKey&gt;.form.json</c>), the one place <see cref="Tasks.FormCatalog"/> reads them
/// from, so an edited form applies to the tasks at once and the folder stays the reviewable source (no table
/// for forms: a form is reviewed in the repository like the BPMN that names it). On several API nodes the folder must be shared.
/// </summary>
public sealed partial class FormFiles(IOptions<QadamOptions> options, IHostEnvironment environment)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string? _root = WorkflowsFolder.Resolve(options.Value.WorkflowsDirectory, environment.ContentRootPath);

    /// <summary>False when the API has no pathways folder to keep forms in.</summary>
    public bool Available => _root is not null;

    public static bool IsValidKey(string formKey) => FormKeyPattern().IsMatch(formKey);

    /// <summary>The existing file of a form key (the first in name order, as the catalog reads it), or null.</summary>
    public string? Find(string formKey) =>
        _root is null || !IsValidKey(formKey)
            ? null
            : Directory.EnumerateFiles(_root, formKey + ".form.json", SearchOption.AllDirectories)
                .Where(p => string.Equals(Path.GetFileName(Path.GetDirectoryName(p)), "forms", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).FirstOrDefault();

    /// <summary>
    /// Writes the form: over its existing file, else into the forms folder of the pathway whose manifest names the
    /// definition key, else into <c>&lt;key&gt;/forms/</c>. Written to a temporary file first, so a reader never sees half a form.
    /// </summary>
    public async Task SaveAsync(string definitionKey, string formKey, JsonObject form, CancellationToken cancellationToken)
    {
        if (_root is null || !IsValidKey(formKey))
        {
            throw new InvalidOperationException("No pathways folder, or an invalid form key.");
        }

        var path = Find(formKey) ?? Path.Combine(await PathwayFolderAsync(definitionKey, cancellationToken), "forms", formKey + ".form.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        await File.WriteAllTextAsync(temporary, form.ToJsonString(Indented) + "\n", cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    private async Task<string> PathwayFolderAsync(string definitionKey, CancellationToken cancellationToken)
    {
        foreach (var manifest in Directory.EnumerateFiles(_root!, "pathway.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                await using var stream = File.OpenRead(manifest);
                if (await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken) is JsonObject json
                    && (json["key"] as JsonValue)?.TryGetValue<string>(out var key) == true && string.Equals(key, definitionKey, StringComparison.Ordinal))
                {
                    return Path.GetDirectoryName(manifest)!;
                }
            }
            catch (JsonException)
            {
                // A broken manifest is the seeder's to report; it just does not name this key.
            }
        }

        return Path.Combine(_root!, definitionKey);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex FormKeyPattern();
}
