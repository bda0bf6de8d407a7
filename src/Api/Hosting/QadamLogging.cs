using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Qadam.Api.Hosting;

/// <summary>Serilog set-up: readable lines in Development, compact JSON elsewhere, the request id on every line.</summary>
internal static class QadamLogging
{
    private const string ReadableTemplate =
        "[{Timestamp:HH:mm:ss} {Level:u3}] {RequestId} {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static Serilog.ILogger CreateBootstrapLogger() =>
        new LoggerConfiguration()
            .MinimumLevel.Information()
            .Enrich.With<IinRedaction>()
            .WriteTo.Console(outputTemplate: ReadableTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateBootstrapLogger();

    public static void Configure(WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSerilog((services, configuration) =>
        {
            configuration
                .ReadFrom.Configuration(builder.Configuration)
                .MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                // OpenIddict logs every request and response document at Information; its warnings are what matter.
                .MinimumLevel.Override("OpenIddict", LogEventLevel.Warning)
                // A refused connection is reported once, in words, by StartupChecks and /health.
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database.Connection", LogEventLevel.Fatal)
                // A request's failure is logged once, by the request log line that carries the exception (QadamRequestLogging);
                // the exception handler and EF Core would each log it again.
                .MinimumLevel.Override("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", LogEventLevel.Fatal)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database.Command", LogEventLevel.Fatal)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Query", LogEventLevel.Fatal)
                .Enrich.FromLogContext()
                .Enrich.With<IinRedaction>();
            if (development)
            {
                configuration.WriteTo.Console(
                    outputTemplate: ReadableTemplate,
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                // Request lines in batches off the request's thread (BatchedStandardOutput); warnings and errors at once.
                configuration
                    .WriteTo.Logger(lines => lines.Filter.ByIncludingOnly(e => e.Level < LogEventLevel.Warning)
                        .WriteTo.Sink(new BatchedStandardOutput(new RenderedCompactJsonFormatter()), BatchedStandardOutput.Options))
                    .WriteTo.Console(new RenderedCompactJsonFormatter(), restrictedToMinimumLevel: LogEventLevel.Warning);
            }
        },
        // Each host gets its own logger rather than freezing the static bootstrap one: hosts built in parallel
        // in one process (the tests) would otherwise race to freeze it, and one of them fail to start.
        preserveStaticLogger: true);
        LoggersByCategory.Decorate(builder.Services);
    }
}
