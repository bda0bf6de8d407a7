using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Qadam.Documents.Registry;
using Qadam.Documents.Signatures;
using Qadam.Documents.Templates;

namespace Qadam.Documents;

/// <summary>Registers the documents module in a host's service collection.</summary>
public static class DocumentsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="TemplateCatalog"/>, <see cref="DocumentRegistry"/> and <see cref="DocumentSigning"/>
    /// (scoped, over the scoped <see cref="Persistence.DocumentsDbContext"/> the host registers with
    /// <c>AddDbContext&lt;DocumentsDbContext&gt;(o =&gt; o.UseDocumentsNpgsql(...))</c>), and a
    /// <see cref="SignatureVerifier"/> trusting <paramref name="trust"/>. A <see cref="TimeProvider"/>
    /// is added when the host has none.
    /// </summary>
    public static IServiceCollection AddQadamDocuments(
        this IServiceCollection services, SignatureTrust trust, Action<DocumentRegistryOptions>? configure = null)
    {
        var options = new DocumentRegistryOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(trust);
        services.AddSingleton<ISignatureAlgorithmVerifier, Signatures.Gost.GostSignatureVerifier>();
        services.AddSingleton(sp => new SignatureVerifier(sp.GetRequiredService<SignatureTrust>(), sp.GetServices<ISignatureAlgorithmVerifier>()));
        services.AddScoped<TemplateCatalog>();
        services.AddScoped<DocumentRegistry>();
        services.AddScoped<DocumentSigning>();
        return services;
    }
}
