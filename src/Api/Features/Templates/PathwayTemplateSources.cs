using Qadam.Documents.Rendering;

namespace Qadam.Api.Features.Templates;

/// <summary>
/// The template sources a pathway folder ships (workflows/README.md, templates): <c>templates/&lt;key&gt;.&lt;kk|ru&gt;.txt</c>
/// in <see cref="Qadam.Documents.Templates.TemplateMarkup"/>, shared by the folder's editions, and
/// <c>templates/&lt;edition&gt;/&lt;key&gt;.&lt;kk|ru&gt;.txt</c> for an edition whose document differs (the 2023 act of
/// housing conditions is not the 2025 act of material and living conditions).
/// </summary>
internal static class PathwayTemplateSources
{
    private const string Folder = "templates";

    public static readonly DocumentLanguage[] Languages = [DocumentLanguage.Kk, DocumentLanguage.Ru];

    /// <summary>Every template key with a source in the folder, for any edition.</summary>
    public static IReadOnlySet<string> Keys(string pathwayFolder)
    {
        var root = Path.Combine(pathwayFolder, Folder);
        return Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*.txt", SearchOption.AllDirectories)
                .Select(p => Path.GetFileName(p).Split('.')[0]).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
    }

    /// <summary>The source of <paramref name="key"/> in <paramref name="language"/> for the edition in <paramref name="editionFile"/>, or null.</summary>
    public static string? Find(string pathwayFolder, string editionFile, string key, DocumentLanguage language)
    {
        var name = $"{key}.{language.ToCode()}.txt";
        var own = Path.Combine(pathwayFolder, Folder, Path.GetFileNameWithoutExtension(editionFile), name);
        var shared = Path.Combine(pathwayFolder, Folder, name);
        return File.Exists(own) ? own : File.Exists(shared) ? shared : null;
    }
}
