using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Audit;
using Qadam.Api.Persistence;

namespace Qadam.Api.Features.Readiness;

/// <summary>
/// Publishes the editions of <c>workflows/readiness/*.json</c> at start, like the pathways' condition tables: a file
/// whose content is published already is skipped, so a restart adds nothing; a file dated like an edition the legal
/// department published through the API is left out (theirs stands) and logged.
/// </summary>
internal sealed partial class ReadinessEditionSeeder(QadamDbContext db, AuditTrail audit, TimeProvider time, ILogger<ReadinessEditionSeeder> logger)
{
    public const string Folder = "readiness";

    private static readonly AuditActor Actor = new("system:workflows-folder", "system", null);

    public async Task SeedAsync(string workflowsRoot, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(workflowsRoot, Folder);
        if (!Directory.Exists(folder))
        {
            return;
        }

        var files = new List<(string Path, ReadinessEditionRequest Request, string Sha)>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var content = await File.ReadAllBytesAsync(path, cancellationToken);
            var request = JsonSerializer.Deserialize<ReadinessEditionRequest>(content, PublishReadinessEdition.Json)
                          ?? throw new InvalidDataException($"{path} is empty.");
            files.Add((path, request, PublishReadinessEdition.Sha(content)));
        }

        foreach (var (path, request, sha) in files.OrderBy(f => f.Request.EffectiveFrom))
        {
            if (await db.ReadinessEditions.AnyAsync(e => e.ContentSha256 == sha, cancellationToken))
            {
                continue;
            }

            var errors = PublishReadinessEdition.Validate(request, russian: true);
            if (errors.Count > 0 || await db.ReadinessEditions.AnyAsync(e => e.EffectiveFrom == request.EffectiveFrom, cancellationToken))
            {
                LogSkipped(logger, path, string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}").DefaultIfEmpty("an edition of that date exists")));
                continue;
            }

            var edition = await PublishReadinessEdition.PublishAsync(db, audit, request, sha, Actor, time.GetUtcNow(), cancellationToken);
            LogPublished(logger, path, edition.Version, request.EffectiveFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published readiness requirements {File} as edition {Version}, effective from {EffectiveFrom}.")]
    private static partial void LogPublished(ILogger logger, string file, int version, string effectiveFrom);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness requirements {File} not published: {Problems}.")]
    private static partial void LogSkipped(ILogger logger, string file, string problems);
}
