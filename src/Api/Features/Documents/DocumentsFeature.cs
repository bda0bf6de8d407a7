using Microsoft.EntityFrameworkCore;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;
using Qadam.Documents;
using Qadam.Documents.Persistence;
using Qadam.Documents.Pki;
using Qadam.Workflows;

namespace Qadam.Api.Features.Documents;

/// <summary>Wires the documents module into the host: its context, the demo PKI, and the engine activities that render.</summary>
internal static class DocumentsFeature
{
    // Hosts built in parallel in one process (tests) must not both create the same PKI files.
    private static readonly Lock PkiGate = new();

    public static void AddQadamDocumentsFeature(this WebApplicationBuilder builder)
    {
        // On the scope's QadamDbContext connection, like the engine's context: a command that signs a
        // document and writes its audit event does both in one transaction.
        // Its options are built once (DocumentsDbContextOptionsExtensions.OptionsWithoutConnection), not for every request.
        var documentsOptions = DocumentsDbContextOptionsExtensions.OptionsWithoutConnection();
        builder.Services.AddScoped(services =>
        {
            var documents = new DocumentsDbContext(documentsOptions);
            documents.Database.SetDbConnection(services.GetRequiredService<QadamDbContext>().Database.GetDbConnection());
            return documents;
        });

        // The demo PKI is made at first start outside the repository (nothing secret is committed); a real deployment
        // trusts the national CA's roots from Qadam:Signatures:TrustedRoots instead (SignatureTrustGuard).
        var options = builder.Configuration.GetSection(QadamOptions.Section).Get<QadamOptions>() ?? new QadamOptions();
        DemoPki pki;
        lock (PkiGate)
        {
            pki = DemoPki.LoadOrCreate(Path.Combine(options.ResolveStateDirectory(), "pki"));
        }

        builder.Services.AddSingleton(pki);
        var trust = ConfiguredSignatureTrust.Build(options, pki);
        builder.Services.AddSingleton(trust);
        builder.Services.AddQadamDocuments(trust.Trust);
        builder.Services.AddProcessActivity<RenderDocumentActivity>();
    }

    public static async Task MigrateDocumentsAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        await services.GetRequiredService<DocumentsDbContext>().MigrateQuietlyAsync(cancellationToken);
}
