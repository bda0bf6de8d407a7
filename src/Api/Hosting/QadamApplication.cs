using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Persistence;
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

        builder.Services.Configure<QadamOptions>(builder.Configuration.GetSection(QadamOptions.Section));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDbContext<QadamDbContext>(options =>
            options.UseNpgsql(builder.Configuration.GetConnectionString(ConnectionStringName)));

        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddDbContextCheck<QadamDbContext>("postgresql");

        var app = builder.Build();

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSerilogRequestLogging();

        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync })
            .WithTags("Health");
        app.MapOrganisationsApi();
        return app;
    }
}
