using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Qadam.Api.Hosting;

namespace Qadam.Api.Features.Tasks;

/// <summary>
/// The form-js forms of the published pathways: <c>workflows/**/forms/&lt;formKey&gt;.form.json</c> (docs/architecture.md,
/// layout). Read from disk when asked, so a form added beside a pathway applies without a restart.
/// </summary>
public sealed partial class FormCatalog(IOptions<QadamOptions> options, IHostEnvironment environment, ILogger<FormCatalog> logger)
{
    private readonly string? _root = WorkflowsFolder.Resolve(options.Value.WorkflowsDirectory, environment.ContentRootPath);

    /// <summary>The form with that key, or null when none is known (the task's data is then taken as it is).</summary>
    public async Task<FormSchema?> FindAsync(string? formKey, CancellationToken cancellationToken)
    {
        // The key becomes a file name: letters, digits, dot, dash, underscore only, so it cannot leave the folder.
        if (formKey is null || _root is null || !FormKeyPattern().IsMatch(formKey))
        {
            return null;
        }

        var path = Directory.EnumerateFiles(_root, formKey + ".form.json", SearchOption.AllDirectories)
            .Where(p => string.Equals(Path.GetFileName(Path.GetDirectoryName(p)), "forms", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).FirstOrDefault();
        if (path is null)
        {
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken) is JsonObject form ? FormSchema.Parse(form) : null;
        }
        catch (System.Text.Json.JsonException ex)
        {
            LogUnreadableForm(logger, path, ex.Message);
            return null;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex FormKeyPattern();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The form {Path} is not JSON and is ignored: {Problem}")]
    private static partial void LogUnreadableForm(ILogger logger, string path, string problem);
}
