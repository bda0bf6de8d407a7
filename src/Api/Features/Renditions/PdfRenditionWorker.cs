using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Persistence;
using Qadam.Documents.Persistence;

namespace Qadam.Api.Features.Renditions;

/// <summary>
/// Renders the PDFs asked for, one at a time in the background (LibreOffice takes a second or two and much memory; a
/// request never waits for it). A document asked for twice is rendered once; the rendition is stored with the document,
/// so every node serves it afterwards.
/// </summary>
public sealed class PdfRenditionWorker(
    IServiceScopeFactory scopes, PdfConverter converter, TimeProvider time, ILogger<PdfRenditionWorker> logger) : BackgroundService
{
    private readonly Channel<Guid> _requests = Channel.CreateBounded<Guid>(new BoundedChannelOptions(1000)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private readonly HashSet<Guid> _queued = [];

    /// <summary>Asks for the document's PDF; false when it is already asked for.</summary>
    public bool Request(Guid documentId)
    {
        lock (_queued)
        {
            if (!_queued.Add(documentId))
            {
                return false;
            }
        }

        if (!_requests.Writer.TryWrite(documentId))
        {
            lock (_queued)
            {
                _queued.Remove(documentId);
            }
        }

        return true;
    }

    /// <summary>The DOCX a reader should see: the copy with the Office signatures when signed, else the registered one.</summary>
    public static async Task<byte[]?> SourceAsync(Guid documentId, DocumentsDbContext documents, CancellationToken cancellationToken)
    {
        var signed = await documents.Signatures.AsNoTracking()
            .Where(s => s.DocumentId == documentId && s.SignedPackage != null)
            .OrderByDescending(s => s.Position).Select(s => s.SignedPackage).FirstOrDefaultAsync(cancellationToken);
        return signed ?? await documents.Documents.AsNoTracking().Where(d => d.Id == documentId).Select(d => d.Content)
            .SingleOrDefaultAsync(cancellationToken);
    }

    public static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in _requests.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RenderAsync(id, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "The PDF of document {DocumentId} was not rendered", id);
            }
            finally
            {
                lock (_queued)
                {
                    _queued.Remove(id);
                }
            }
        }
    }

    private async Task RenderAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        var documents = scope.ServiceProvider.GetRequiredService<DocumentsDbContext>();
        var source = await SourceAsync(id, documents, cancellationToken);
        if (source is null)
        {
            return;
        }

        var hash = Hash(source);
        if (await db.Set<PdfRendition>().AnyAsync(r => r.DocumentId == id && r.SourceSha256 == hash, cancellationToken))
        {
            return;
        }

        var pdf = await converter.ConvertAsync(source, cancellationToken);
        // Another node may have rendered it meanwhile: the newest rendering wins, both came from the same bytes or newer.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO qadam.document_pdf_renditions (document_id, source_sha256, pdf, rendered_at)
            VALUES ({id}, {hash}, {pdf}, {time.GetUtcNow()})
            ON CONFLICT (document_id) DO UPDATE SET source_sha256 = EXCLUDED.source_sha256, pdf = EXCLUDED.pdf,
                rendered_at = EXCLUDED.rendered_at
            """, cancellationToken);
    }
}
