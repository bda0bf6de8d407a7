namespace Qadam.Api.Features.Tasks;

/// <summary>
/// Where each form's file is in the pathways folder (<c>**/forms/&lt;formKey&gt;.form.json</c>, the first in path order when
/// two pathways have one of the same key), and the last write time of every folder of the tree when it was listed: the
/// listing stands while none of them has changed (<see cref="IsCurrent"/>).
/// </summary>
internal sealed class FormFileIndex
{
    private const string Suffix = ".form.json";

    // A file system that keeps coarse times (a second, two on FAT) gives a folder changed twice within that span the same
    // time: a folder changed this recently when the tree was listed is not trusted, and the tree is listed again next time.
    private static readonly TimeSpan CoarseTimes = TimeSpan.FromSeconds(3);

    // File names match as the platform's file names do (as Directory.EnumerateFiles matched a form's name before).
    private static readonly StringComparer Names = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private readonly Dictionary<string, string> _paths;
    private readonly (string Folder, DateTime Written)[] _folders;
    private readonly bool _recent;

    private FormFileIndex(Dictionary<string, string> paths, (string Folder, DateTime Written)[] folders, bool recent)
    {
        _paths = paths;
        _folders = folders;
        _recent = recent;
    }

    /// <summary>Lists the tree under <paramref name="root"/>.</summary>
    public static FormFileIndex Build(string root)
    {
        var listed = DateTime.UtcNow;
        // The folders' times first, then the files: a change after a folder's time was read changes that time again, so the
        // index is listed anew at the next lookup whatever the listing below saw of it.
        string[] folders = [root, .. Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories)];
        var written = folders.Select(f => (f, Directory.GetLastWriteTimeUtc(f))).ToArray();
        var paths = new Dictionary<string, string>(Names);
        foreach (var path in Directory.EnumerateFiles(root, "*" + Suffix, SearchOption.AllDirectories)
                     .Where(p => string.Equals(Path.GetFileName(Path.GetDirectoryName(p)), "forms", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name.Length > Suffix.Length && name.EndsWith(Suffix, Names == StringComparer.Ordinal ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
            {
                paths.TryAdd(name[..^Suffix.Length], path);
            }
        }

        return new FormFileIndex(paths, written, written.Any(w => w.Item2 > listed - CoarseTimes));
    }

    /// <summary>Whether the tree is as it was listed: no folder added, removed or renamed, no entry of one changed.</summary>
    public bool IsCurrent()
    {
        if (_recent)
        {
            return false;
        }

        foreach (var (folder, written) in _folders)
        {
            // A folder that is gone reads as 1601-01-01: changed.
            if (Directory.GetLastWriteTimeUtc(folder) != written)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The file of the form with that key, or null.</summary>
    public string? PathOf(string formKey) => _paths.GetValueOrDefault(formKey);
}
