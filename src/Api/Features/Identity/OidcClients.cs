using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;
using OpenIddict.Abstractions;
using Qadam.Api.Hosting;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qadam.Api.Features.Identity;

/// <summary>
/// The OpenIddict applications Qadam knows at start: <c>qadam-web</c> (the browser front-end, public, code + PKCE)
/// always; in the Demo profile also <c>demo-cli</c> (password grant) and <c>region-r1-integration</c>
/// (client credentials, its secret made here once and written to the state directory, never to the repository).
/// </summary>
internal static partial class OidcClients
{
    public const string Web = "qadam-web";
    public const string DemoCli = "demo-cli";
    public const string RegionIntegration = "region-r1-integration";
    public const string CallbackPath = "/signin-callback";

    public static async Task SeedAsync(
        IOpenIddictApplicationManager applications, QadamOptions options, string connectionString, ILogger logger,
        CancellationToken cancellationToken)
    {
        await UpsertWebAsync(applications, options, cancellationToken);

        var demoCli = await applications.FindByClientIdAsync(DemoCli, cancellationToken);
        if (options.Demo && demoCli is null)
        {
            await applications.CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = DemoCli,
                ClientType = ClientTypes.Public,
                DisplayName = "Qadam demo command line",
                Permissions =
                {
                    Permissions.Endpoints.Token,
                    Permissions.GrantTypes.Password,
                    Permissions.GrantTypes.RefreshToken,
                    Permissions.Scopes.Profile,
                    Permissions.Scopes.Roles,
                },
            }, cancellationToken);
        }
        else if (!options.Demo && demoCli is not null)
        {
            // A database that once ran the Demo profile keeps no password-grant client outside it.
            await applications.DeleteAsync(demoCli, cancellationToken);
        }

        if (options.Demo && await applications.FindByClientIdAsync(RegionIntegration, cancellationToken) is null)
        {
            var secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = RegionIntegration,
                ClientSecret = secret,
                ClientType = ClientTypes.Confidential,
                DisplayName = "Astana education department system",
                Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
            };
            descriptor.Properties[Token.OrganisationProperty] = JsonSerializer.SerializeToElement("r1");
            await applications.CreateAsync(descriptor, cancellationToken);
            var path = WriteSecret(SecretPath(options.ResolveStateDirectory(), connectionString, RegionIntegration), secret);
            LogSecretWritten(logger, RegionIntegration, path);
        }
    }

    /// <summary>
    /// Where a generated client secret is kept: <c>{state}/clients/{host}_{port}_{database}/{clientId}.secret</c>. The secret
    /// belongs to the database that holds its hash, so two instances on different databases sharing one state directory
    /// (the default, <c>~/.local/state/qadam</c>) never overwrite each other's.
    /// </summary>
    public static string SecretPath(string stateDirectory, string connectionString, string clientId)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString);
        var folder = $"{database.Host}_{database.Port}_{database.Database}";
        folder = string.Concat(folder.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c == ',' ? '_' : c));
        return Path.Combine(stateDirectory, "clients", folder, clientId + ".secret");
    }

    private static async Task UpsertWebAsync(IOpenIddictApplicationManager applications, QadamOptions options, CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = Web,
            ClientType = ClientTypes.Public,
            ApplicationType = ApplicationTypes.Web,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Qadam",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Roles,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var origin in options.PublicOrigins)
        {
            descriptor.RedirectUris.Add(new Uri(origin.TrimEnd('/') + CallbackPath));
            descriptor.PostLogoutRedirectUris.Add(new Uri(origin.TrimEnd('/') + "/"));
        }

        // Redirect URIs follow the configured origins on every start, so moving the site needs no manual step. A restart
        // with the same origins writes nothing (an UPDATE and its change tracking on every start, bench/Http "Cold start").
        var existing = await applications.FindByClientIdAsync(Web, cancellationToken);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
            return;
        }

        var stored = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(stored, existing, cancellationToken);
        if (!SameRegistration(stored, descriptor))
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }

    private static bool SameRegistration(OpenIddictApplicationDescriptor stored, OpenIddictApplicationDescriptor wanted) =>
        stored.ClientType == wanted.ClientType
        && stored.ApplicationType == wanted.ApplicationType
        && stored.ConsentType == wanted.ConsentType
        && stored.DisplayName == wanted.DisplayName
        && stored.RedirectUris.SetEquals(wanted.RedirectUris)
        && stored.PostLogoutRedirectUris.SetEquals(wanted.PostLogoutRedirectUris)
        && stored.Permissions.SetEquals(wanted.Permissions)
        && stored.Requirements.SetEquals(wanted.Requirements);

    private static string WriteSecret(string path, string secret)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, secret);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Registered the client {ClientId:l}; its secret, shown nowhere else, is in {Path:l}")]
    private static partial void LogSecretWritten(ILogger logger, string clientId, string path);
}
