using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Qadam.Api.Hosting;

namespace Qadam.Api.Features.Tasks;

/// <summary>
/// The form-js forms of the published pathways: <c>workflows/**/forms/&lt;formKey&gt;.form.json</c> (docs/architecture.md,
/// layout). Read from disk when asked, so a form added beside a pathway applies without a restart; where each form's file
/// is comes from an index of the folder (<see cref="FormFileIndex"/>), checked against the folder at every lookup.
/// </summary>
public sealed partial class FormCatalog(IOptions<QadamOptions> options, IHostEnvironment environment, ILogger<FormCatalog> logger)
{
    private readonly string? _root = WorkflowsFolder.Resolve(options.Value.WorkflowsDirectory, environment.ContentRootPath);

    private FormFileIndex? _index;

    /// <summary>How many times the folder's forms were listed again (a test counts them).</summary>
    internal int IndexBuilds => _indexBuilds;

    private int _indexBuilds;

    /// <summary>The form with that key, or null when none is known (the task's data is then taken as it is).</summary>
    public async Task<FormSchema?> FindAsync(string? formKey, CancellationToken cancellationToken)
    {
        // The key becomes a file name: letters, digits, dot, dash, underscore only, so it cannot leave the folder.
        if (formKey is null || _root is null || !FormKeyPattern().IsMatch(formKey))
        {
            return null;
        }

        var path = PathOf(_root, formKey);
        if (path is null)
        {
            return null;
        }

        // The file itself is read each time: the form editor writes over it (FormFiles.SaveAsync), and the index holds paths only.
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

    /// <summary>
    /// The form's file: the first in path order of that name in a <c>forms</c> folder. Listing the whole tree for each task
    /// completion was 5 % of its CPU, so the listing is kept and used while no folder of the tree has changed: forms reach it
    /// at run time through the form editor (FormFiles.SaveAsync: a temporary file renamed over the form, on this node or
    /// another sharing the folder), a deployment copying a pathway in, or a test writing one, and each adds, removes or
    /// renames an entry of a folder, which changes that folder's last write time (POSIX: a directory's mtime changes with
    /// its entries). A FileSystemWatcher would miss another node's writes on a shared folder, and a lifetime would let a
    /// form written a moment ago be missed; the folders' times are read each lookup (one stat per folder, no listing).
    /// </summary>
    private string? PathOf(string root, string formKey)
    {
        var index = Volatile.Read(ref _index);
        if (index is null || !index.IsCurrent())
        {
            index = FormFileIndex.Build(root);
            Interlocked.Increment(ref _indexBuilds);
            Volatile.Write(ref _index, index);
        }

        return index.PathOf(formKey);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex FormKeyPattern();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The form {Path} is not JSON and is ignored: {Problem}")]
    private static partial void LogUnreadableForm(ILogger logger, string path, string problem);
}
