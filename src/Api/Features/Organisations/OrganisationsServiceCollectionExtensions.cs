namespace Qadam.Api.Features.Organisations;

/// <summary>Registers the cached organisation tree and the listener that keeps it current.</summary>
internal static class OrganisationsServiceCollectionExtensions
{
    public static IServiceCollection AddQadamOrganisations(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<OrganisationTree>();
        services.AddHostedService<OrganisationChangeListener>();
        return services;
    }
}
