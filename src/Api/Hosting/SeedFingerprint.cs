using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Persistence;

namespace Qadam.Api.Hosting;

/// <summary>
/// What the start-up seeders last published from: a SHA-256 over every file of <c>workflows/</c> (relative path and content)
/// with <see cref="SeederVersion"/> and the build's module id, kept in <c>qadam.seed_fingerprints</c>. A restart whose folder and seeders are unchanged
/// skips the pathway, template and readiness seeders, which otherwise parse every BPMN and ask the database about every
/// edition, template and language: seconds of a node's start spent finding that there is nothing to do.
/// </summary>
internal static partial class SeedFingerprint
{
    /// <summary>Raise when the seeders store something new from the same files (a new kind of row, a new template language).</summary>
    public const int SeederVersion = 1;

    private const string Name = "workflows-folder";

    public static string Compute(string workflowsRoot)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // The build too: a new build may seed differently from the same files (deterministic builds keep the module id of
        // unchanged code, so a plain restart still skips).
        hash.AppendData(Encoding.UTF8.GetBytes($"seeder {SeederVersion} {typeof(SeedFingerprint).Assembly.ManifestModule.ModuleVersionId}\n"));
        var files = Directory.EnumerateFiles(workflowsRoot, "*", SearchOption.AllDirectories)
            .Select(path => (Path: path, Relative: Path.GetRelativePath(workflowsRoot, path).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        foreach (var (path, relative) in files)
        {
            var content = File.ReadAllBytes(path);
            // Name and length before the content, so moving bytes between files changes the hash.
            hash.AppendData(Encoding.UTF8.GetBytes($"{relative}\0{content.Length}\0"));
            hash.AppendData(content);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static async Task<bool> MatchesAsync(QadamDbContext db, string fingerprint, CancellationToken cancellationToken)
    {
        var stored = await db.Database
            .SqlQuery<string>($"SELECT sha256 AS \"Value\" FROM qadam.seed_fingerprints WHERE name = {Name}")
            .ToListAsync(cancellationToken);
        return stored is [var value] && string.Equals(value, fingerprint, StringComparison.Ordinal);
    }

    public static Task StoreAsync(QadamDbContext db, string fingerprint, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO qadam.seed_fingerprints (name, sha256, seeded_at) VALUES ({Name}, {fingerprint}, {now})
            ON CONFLICT (name) DO UPDATE SET sha256 = excluded.sha256, seeded_at = excluded.seeded_at
            """, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Pathways, templates and readiness editions not reseeded: {Folder:l} is unchanged since the last seed (fingerprint {Fingerprint:l})")]
    public static partial void LogSkipped(ILogger logger, string folder, string fingerprint);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Pathways, templates and readiness editions seeded from {Folder:l} (fingerprint {Fingerprint:l})")]
    public static partial void LogSeeded(ILogger logger, string folder, string fingerprint);
}
