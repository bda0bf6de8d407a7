using Microsoft.EntityFrameworkCore;
using Qadam.Documents.Persistence;
using Qadam.Documents.Rendering;

namespace Qadam.Documents.Templates;

/// <summary>
/// Stores template editions and finds the one a case's process version uses (templates are
/// versioned with the process version that uses them).
/// </summary>
public sealed class TemplateCatalog(DocumentsDbContext db, TimeProvider time)
{
    private readonly TemplateValidator _validator = new();

    /// <summary>
    /// Validates and, when valid, stores the template as the next edition of its key and language.
    /// When invalid nothing is stored and the problems are returned.
    /// </summary>
    public async Task<TemplateUploadResult> UploadAsync(TemplateUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var problems = new List<TemplateProblem>();
        if (string.IsNullOrWhiteSpace(upload.Key) || string.IsNullOrWhiteSpace(upload.DocumentType)
            || string.IsNullOrWhiteSpace(upload.ProcessKey) || string.IsNullOrWhiteSpace(upload.ProcessVersion))
        {
            problems.Add(new TemplateProblem("upload", "Template key, document type, process key and process version are all required."));
        }

        problems.AddRange(_validator.Validate(upload.Content, upload.KnownVariables));
        if (problems.Count > 0)
        {
            return new TemplateUploadResult(null, problems);
        }

        var latest = await db.Templates
            .Where(t => t.Key == upload.Key && t.Language == upload.Language)
            .MaxAsync(t => (int?)t.Version, cancellationToken);
        var template = new DocumentTemplate(
            upload.Key, (latest ?? 0) + 1, upload.Language, upload.DocumentType,
            upload.ProcessKey, upload.ProcessVersion, upload.Content, time.GetUtcNow());
        db.Templates.Add(template);
        await db.SaveChangesAsync(cancellationToken);
        return new TemplateUploadResult(template, []);
    }

    /// <summary>
    /// Gives a new process version the templates of the version it was made from: for each of <paramref name="keys"/> (the
    /// templates the new version renders) and each language, the latest edition bound to <paramref name="fromVersion"/> is
    /// stored again, byte for byte, as the next edition bound to <paramref name="toVersion"/>, unless that version already has
    /// one. A new edition of a pathway then renders what its predecessor did until the legal department replaces a template.
    /// </summary>
    /// <returns>The templates stored.</returns>
    public async Task<IReadOnlyList<DocumentTemplate>> CarryOverAsync(
        string processKey, string fromVersion, string toVersion, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var sources = (await db.Templates.AsNoTracking()
                .Where(t => t.ProcessKey == processKey && t.ProcessVersion == fromVersion && keys.Contains(t.Key))
                .ToListAsync(cancellationToken))
            .GroupBy(t => (t.Key, t.Language)).Select(g => g.MaxBy(t => t.Version)!).ToList();
        var present = (await db.Templates.AsNoTracking().Where(t => t.ProcessKey == processKey && t.ProcessVersion == toVersion)
                .Select(t => new { t.Key, t.Language }).ToListAsync(cancellationToken))
            .Select(t => (t.Key, t.Language)).ToHashSet();
        var stored = new List<DocumentTemplate>();
        foreach (var source in sources.Where(s => !present.Contains((s.Key, s.Language))))
        {
            var latest = await db.Templates.Where(t => t.Key == source.Key && t.Language == source.Language)
                .MaxAsync(t => (int?)t.Version, cancellationToken);
            var copy = new DocumentTemplate(source.Key, (latest ?? 0) + 1, source.Language, source.DocumentType, processKey, toVersion,
                source.Content, time.GetUtcNow());
            db.Templates.Add(copy);
            await db.SaveChangesAsync(cancellationToken);
            stored.Add(copy);
        }

        return stored;
    }

    /// <summary>The given edition of a template.</summary>
    public Task<DocumentTemplate?> FindAsync(string key, DocumentLanguage language, int version, CancellationToken cancellationToken) =>
        db.Templates.AsNoTracking().SingleOrDefaultAsync(
            t => t.Key == key && t.Language == language && t.Version == version, cancellationToken);

    /// <summary>
    /// The edition a case on <paramref name="processKey"/> version <paramref name="processVersion"/> renders
    /// with: the latest edition uploaded for that process version, so later editions for newer
    /// process versions leave running cases' documents as they were.
    /// </summary>
    public Task<DocumentTemplate?> FindForProcessAsync(
        string key, DocumentLanguage language, string processKey, string processVersion, CancellationToken cancellationToken) =>
        db.Templates.AsNoTracking()
            .Where(t => t.Key == key && t.Language == language && t.ProcessKey == processKey && t.ProcessVersion == processVersion)
            .OrderByDescending(t => t.Version)
            .FirstOrDefaultAsync(cancellationToken);
}
