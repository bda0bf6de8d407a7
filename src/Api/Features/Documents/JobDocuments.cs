using Microsoft.EntityFrameworkCore;
using Qadam.Documents.Persistence;
using Qadam.Workflows.Execution;

namespace Qadam.Api.Features.Documents;

/// <summary>
/// The documents context of a service task: on the job's own connection and enlisted in its transaction, so a failed
/// step keeps neither a document nor a used registry number.
/// </summary>
internal static class JobDocuments
{
    public static async Task<DocumentsDbContext> OpenAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var builder = new DbContextOptionsBuilder<DocumentsDbContext>().UseDocumentsNpgsql(context.Connection);
        var documents = new DocumentsDbContext((DbContextOptions<DocumentsDbContext>)builder.Options);
        if (context.Transaction is not null)
        {
            await documents.Database.UseTransactionAsync(context.Transaction, cancellationToken);
        }

        return documents;
    }
}
