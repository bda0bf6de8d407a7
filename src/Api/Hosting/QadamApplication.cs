using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.Cases;
using Qadam.Api.Features.Definitions;
using Qadam.Api.Features.Activities;
using Qadam.Api.Features.Ballots;
using Qadam.Api.Features.Dashboard;
using Qadam.Api.Features.Documents;
using Qadam.Api.Features.DryRun;
using Qadam.Api.Features.EmergencyOrders;
using Qadam.Api.Features.Evidence;
using Qadam.Api.Features.Forms;
using Qadam.Api.Features.Identity;
using Qadam.Api.Features.MassTransfers;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Features.Parents;
using Qadam.Api.Features.Readiness;
using Qadam.Api.Features.Renditions;
using Qadam.Api.Features.Rosters;
using Qadam.Api.Features.Signals;
using Qadam.Api.Features.Students;
using Qadam.Api.Features.Tasks;
using Qadam.Api.Features.Templates;
using Qadam.Api.Features.Universities;
using Qadam.Api.Features.Weather;
using Qadam.Api.Persistence;
using Qadam.Workflows;
using Qadam.Workflows.Reads;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Persistence;
using Scalar.AspNetCore;
using Serilog;

namespace Qadam.Api.Hosting;

/// <summary>Builds the web application: services, middleware and endpoints.</summary>
internal static class QadamApplication
{
    public const string ConnectionStringName = "Qadam";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        QadamLogging.Configure(builder);
        builder.AddQadamTelemetry();

        builder.Services.Configure<QadamOptions>(builder.Configuration.GetSection(QadamOptions.Section));
        builder.Services.AddSingleton(TimeProvider.System);
        // The API's context, its options built once per node (QadamContextOptions).
        // A request to an endpoint that only reads (ReadReplica) gets a pooled context, on ConnectionStrings:Replica when set.
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<QadamContextOptions>();
        builder.Services.AddScoped(services =>
        {
            var http = services.GetRequiredService<IHttpContextAccessor>().HttpContext;
            var contexts = services.GetRequiredService<QadamContextOptions>();
            return ReadReplica.OnlyReads(http) ? contexts.Lease(ReadReplica.Serves(http)) : contexts.Create();
        });
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.AddScoped<CommandTransaction>();
        builder.Services.AddScoped<IEngineCommandObserver, EngineAudit>();
        builder.Services.AddExpressionFunctions(Qadam.Identifiers.KazakhstanExpressionFunctions.All);
        // A command on a case writes the engine's rows, the case row and the audit event in one transaction: no change without its trail.
        // UseTransaction needs the very same connection, so in the API the engine's context borrows the connection of
        // the scope's QadamDbContext (same database, same connection string).
        builder.Services.AddQadamWorkflows(services => services.GetRequiredService<QadamDbContext>().Database.GetDbConnection());
        // A read that needs the engine only for some callers (the parent tracker: a parent with a case) takes it lazily: making
        // the engine's context and its EF services was a seventh of a parent's read (bench/Http/README.md, "Session 11").
        builder.Services.AddScoped(services => new Lazy<EngineReads>(services.GetRequiredService<EngineReads>));
        // The engine's limits (multi-instance count, tokens, steps and expression budget of a command): defaults in EngineLimits.
        builder.Services.AddSingleton(services =>
            services.GetRequiredService<IConfiguration>().GetSection(EngineLimits.Section).Get<EngineLimits>() ?? EngineLimits.Default);
        builder.Services.AddSingleton<ServingGate>();
        builder.Services.AddHostedService<EngineWorker>();
        builder.Services.AddSingleton<PdfConverter>();
        builder.Services.AddSingleton<PdfRenditionWorker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PdfRenditionWorker>());
        builder.Services.AddScoped<PathwaySeeder>();
        builder.Services.AddScoped<ReadinessEditionSeeder>();
        builder.AddQadamDocumentsFeature();
        builder.Services.AddQadamActivities();
        builder.Services.AddQadamMassTransfers();
        builder.Services.AddQadamIdentity(builder.Configuration, builder.Environment);
        builder.Services.AddQadamOrganisations();

        // Unknown or missing JSON members are errors (a misspelt field is never dropped), reported as 400 problems naming the path.
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.RespectNullableAnnotations = true;
            o.SerializerOptions.RespectRequiredConstructorParameters = true;
            // RFC 8259 section 4: names within an object SHOULD be unique; a second "iin" must not silently win (400).
            o.SerializerOptions.AllowDuplicateProperties = false;
        });
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<BadRequestProblems>();
        builder.Services.AddExceptionHandler<EngineProblems>();
        builder.Services.AddExceptionHandler<DatabaseUnavailableProblems>();
        builder.Services.AddSingleton<FormCatalog>();
        builder.Services.AddSingleton<FormFiles>();
        builder.Services.AddSingleton<Features.Documents.Citations>();

        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemLanguage.Apply);
        builder.Services.AddOpenApi(o => o.AddOperationTransformer<OpenApiExamples>());
        builder.Services.AddHealthChecks().AddDbContextCheck<QadamDbContext>("postgresql");

        var app = builder.Build();

        app.UseServingGate();
        app.UseQadamSecurityHeaders();
        app.UseQadamRequestLogging();
        app.UseExceptionHandler();
        app.UseQadamFrontEnd();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseMiddleware<UnsafeTextGuard>();

        // Public on purpose: the API's description and the load balancer's probe (every other endpoint names a policy).
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync })
            .WithTags("Health").AllowAnonymous();
        app.MapPrometheusScrapingEndpoint(QadamTelemetry.MetricsPath).RequireAuthorization(QadamTelemetry.ScrapePolicy);
        app.MapIdentityApi();
        app.MapOrganisationsApi();
        app.MapStudentsApi();
        app.MapRostersApi();
        app.MapParentsApi();
        app.MapAuditApi();
        app.MapDefinitionsApi();
        app.MapTemplatesApi();
        app.MapCasesApi();
        app.MapTasksApi();
        app.MapEvidenceApi();
        app.MapEmergencyOrdersApi();
        app.MapUniversitiesApi();
        app.MapSignalsApi();
        app.MapWeatherApi();
        app.MapDocumentsApi();
        app.MapPdfRenditionsApi();
        app.MapDryRunApi();
        app.MapFormsApi();
        app.MapBallotsApi();
        app.MapDashboardApi();
        app.MapReadinessApi();
        return app;
    }
}
