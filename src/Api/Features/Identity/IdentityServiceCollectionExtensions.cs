using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qadam.Api.Features.Identity;

/// <summary>Registers ASP.NET Core Identity, the OpenIddict server and validation, and the role policies.</summary>
internal static class IdentityServiceCollectionExtensions
{
    public static IServiceCollection AddQadamIdentity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(QadamOptions.Section).Get<QadamOptions>() ?? new QadamOptions();
        var developmentKeys = options.Demo || environment.IsDevelopment();

        services.AddIdentityCore<QadamUser>(o =>
            {
                o.User.RequireUniqueEmail = false;
                o.Password.RequiredLength = 12;
                o.Lockout.MaxFailedAccessAttempts = 10;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                o.ClaimsIdentity.UserIdClaimType = Claims.Subject;
                o.ClaimsIdentity.UserNameClaimType = Claims.Name;
                o.ClaimsIdentity.RoleClaimType = Claims.Role;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<QadamDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // Bearer tokens for the API; the Identity cookie only carries the session of the sign-in page.
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(c =>
            {
                c.LoginPath = SignIn.Path;
                c.Cookie.Name = "qadam.session";
                c.Cookie.SameSite = SameSiteMode.Lax;
                c.Cookie.HttpOnly = true;
                c.ExpireTimeSpan = TimeSpan.FromHours(8);
            }));

        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<QadamDbContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris(IdentityApi.AuthorizePath.TrimStart('/'))
                    .SetTokenEndpointUris(IdentityApi.TokenPath.TrimStart('/'))
                    .SetEndSessionEndpointUris(IdentityApi.EndSessionPath.TrimStart('/'))
                    .SetUserInfoEndpointUris(IdentityApi.UserInfoPath.TrimStart('/'));
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                // RFC 9700 2.1.1: PKCE with S256 only; "plain" gives nothing against a stolen authorization request.
                o.Configure(server => server.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                // RFC 9700 4.14.2: a rotated refresh token presented again revokes the whole grant at once, no grace period.
                o.SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                o.AllowClientCredentialsFlow();
                o.AllowRefreshTokenFlow();
                if (options.Demo)
                {
                    // The resource-owner password grant (deprecated by RFC 9700 §2.4) exists only in the Demo profile.
                    o.AllowPasswordFlow();
                }

                o.RegisterScopes([.. TokenPrincipals.KnownScopes]);
                o.SetAccessTokenLifetime(TimeSpan.FromMinutes(30));
                // Access tokens are signed JWTs for one audience (RFC 9068), not JWE: decrypting an RSA-OAEP key on every
                // request cost more CPU than the request's own work. They carry nothing the identity token does not
                // show the front-end already; refresh tokens and codes stay encrypted.
                o.DisableAccessTokenEncryption();
                o.SetRefreshTokenLifetime(TimeSpan.FromDays(7));

                if (developmentKeys)
                {
                    o.AddDevelopmentEncryptionCertificate().AddDevelopmentSigningCertificate();
                }

                var aspNetCore = o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough();
                if (environment.IsDevelopment() || options.Demo)
                {
                    // scripts/run serves plain HTTP on the loopback; outside Demo/Development TLS is required.
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.AddAudiences(TokenPrincipals.ApiAudience);
                o.AddEventHandler(VerifiedAccessTokens.Restore);
                o.AddEventHandler(VerifiedAccessTokens.Keep);
                o.AddEventHandler(SignedOutAccessTokens.Descriptor);
                o.UseAspNetCore();
            });

        if (!developmentKeys)
        {
            services.AddOptions<OpenIddictServerOptions>().Configure<ILoggerFactory, IOptions<QadamOptions>>((server, loggers, qadam) =>
            {
                var logger = loggers.CreateLogger("Qadam.Identity");
                var directory = Path.Combine(qadam.Value.ResolveStateDirectory(), "keys");
                server.SigningCredentials.Add(new SigningCredentials(
                    ServerKeys.LoadOrCreate(directory, "signing", logger), SecurityAlgorithms.RsaSha256));
                server.EncryptionCredentials.Add(new EncryptingCredentials(
                    ServerKeys.LoadOrCreate(directory, "encryption", logger), SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
            });
        }

        // The sign-in cookie and the anti-forgery tokens are protected by Data Protection; its key ring lives in the
        // state directory (not the repository), and nodes sharing that directory accept each other's cookies.
        services.AddDataProtection()
            .SetApplicationName("Qadam")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.ResolveStateDirectory(), "data-protection")));

        // The sign-in cookie is checked against the user's security stamp on every use, so a sign-out or a locked
        // account ends every copy of it at once (the cookie only serves the authorize endpoint: one query per sign-in).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddMemoryCache();
        services.AddSingleton<SessionStamps>();
        services.AddSingleton<VerifiedAccessTokens>();
        services.AddSingleton<SignInThrottle>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            SignInThrottle.AddPolicy(o);
        });
        services.AddAuthorizationBuilder().AddQadamPolicies();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ForbiddenProblems>();
        services.AddAntiforgery();
        return services;
    }

    private static AuthorizationBuilder AddQadamPolicies(this AuthorizationBuilder authorization)
    {
        foreach (var role in QadamRoles.UserRoles)
        {
            authorization.AddPolicy(role, p => p.RequireRole(role));
        }

        // Every endpoint names its permission (OWASP ASVS V4.1.3); the legal editor is not case staff (QadamRoles.CaseStaff).
        authorization.AddPolicy(QadamPolicies.ReadRosters, p => p.RequireRole([.. QadamRoles.CaseStaff, QadamRoles.Auditor]));
        authorization.AddPolicy(QadamPolicies.ImportRosters, p => p.RequireRole(QadamRoles.Clerk, QadamRoles.RegionalOfficer));
        authorization.AddPolicy(QadamPolicies.VerifyAudit, p => p.RequireRole(QadamRoles.Auditor, QadamRoles.Administrator));
        authorization.AddPolicy(QadamPolicies.Parent, p => p.RequireRole(QadamRoles.Parent));
        authorization.AddPolicy(QadamPolicies.ReadDefinitions, p => p.RequireRole([.. QadamRoles.Staff, QadamRoles.Auditor]));
        authorization.AddPolicy(QadamPolicies.EditDefinitions, p => p.RequireRole(QadamRoles.LegalEditor));
        authorization.AddPolicy(QadamPolicies.ReadCases, p => p.RequireRole([.. QadamRoles.CaseStaff, QadamRoles.Auditor, .. QadamRoles.SelfService]));
        authorization.AddPolicy(QadamPolicies.FileCases, p => p.RequireRole(
            QadamRoles.Clerk, QadamRoles.Head, QadamRoles.RegionalOfficer, QadamRoles.Registrar, QadamRoles.Student));
        authorization.AddPolicy(QadamPolicies.RegisterUniversityEmergency, p => p.RequireRole(QadamRoles.Registrar, QadamRoles.Rector));
        authorization.AddPolicy(QadamPolicies.UploadEvidence, p => p.RequireRole([.. QadamRoles.CaseStaff, .. QadamRoles.SelfService]));
        authorization.AddPolicy(QadamPolicies.WorkTasks, p => p.RequireRole([.. QadamRoles.CaseStaff]));
        authorization.AddPolicy(QadamPolicies.PostEmergencyOrders, p => p.RequireRole(QadamRoles.Integration, QadamRoles.RegionalOfficer));
        authorization.AddPolicy(QadamPolicies.BroadcastSignals, p => p.RequireRole(QadamRoles.Administrator, QadamRoles.RegionalOfficer));
        authorization.AddPolicy(QadamPolicies.ReadCaseWork, p => p.RequireRole([.. QadamRoles.CaseStaff, QadamRoles.Auditor]));
        authorization.AddPolicy(QadamPolicies.ReadStudent, p => p.RequireRole([.. QadamRoles.CaseStaff, QadamRoles.Auditor, .. QadamRoles.SelfService]));
        authorization.AddPolicy(QadamPolicies.ReadDocuments, p => p.RequireRole([.. QadamRoles.CaseStaff, QadamRoles.Auditor, .. QadamRoles.SelfService]));
        authorization.AddPolicy(QadamPolicies.SignDocuments, p => p.RequireRole([.. QadamRoles.CaseStaff]));
        authorization.AddPolicy(QadamPolicies.ReadEmergencyOrders,
            p => p.RequireRole([.. QadamRoles.CaseStaff, QadamRoles.Auditor, .. QadamRoles.SelfService, QadamRoles.Integration]));
        authorization.AddPolicy(QadamPolicies.ReadSelf, p => p.RequireRole([.. QadamRoles.UserRoles, QadamRoles.Integration]));
        authorization.AddPolicy(QadamPolicies.ReadReadiness, p => p.RequireRole([.. QadamRoles.Staff, QadamRoles.Auditor]));
        authorization.AddPolicy(QadamPolicies.AttestReadiness, p => p.RequireRole(QadamRoles.Head));
        authorization.AddPolicy(QadamPolicies.PublishReadiness, p => p.RequireRole(QadamRoles.LegalEditor));
        return authorization;
    }
}
