using System.Diagnostics.Metrics;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Qadam.Workflows.Execution;

namespace Qadam.Api.Hosting;

/// <summary>
/// OpenTelemetry for operators: metrics always (HTTP server, engine commands, timer and job lag, outbox depth, mass-transfer
/// students, Npgsql), scraped by Prometheus at <c>/metrics</c>; traces (ASP.NET Core, Npgsql, engine commands, timers and
/// jobs) and an OTLP copy of the metrics only when an OTLP endpoint is configured (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, see
/// https://opentelemetry.io/docs/specs/otel/protocol/exporter/), so a server without a collector spends nothing on spans.
/// </summary>
internal static class QadamTelemetry
{
    public const string Name = "Qadam.Api";
    public const string MetricsPath = "/metrics";

    /// <summary>The policy of <see cref="MetricsPath"/>: the scraper's address, not a token (Prometheus has none to give).</summary>
    public const string ScrapePolicy = "telemetry.scrape";

    private static readonly Meter Meter = new(Name);

    /// <summary>Students written by mass transfers; its rate is the students per second of a running transfer.</summary>
    public static readonly Counter<long> MassTransferStudents = Meter.CreateCounter<long>(
        "qadam.mass_transfer.students", "{student}", "Students moved (or moved back) by emergency orders and weather decisions.");

    public static void AddQadamTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("qadam-api", serviceInstanceId: Environment.MachineName + "-" + Environment.ProcessId))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddMeter(EngineTelemetry.Name, Name, "Npgsql")
                    .AddPrometheusExporter();
                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    metrics.AddOtlpExporter();
                }
            });
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments(MetricsPath))
                .AddNpgsql()
                .AddSource(EngineTelemetry.Name, Name)
                .AddOtlpExporter());
        }

        // Loopback always; other scrapers by network (CIDR, e.g. "10.0.5.0/24") in Qadam:Telemetry:ScrapeNetworks. Behind a reverse
        // proxy every request comes from the proxy, so the proxy must not forward /metrics (README, "Metrics and traces").
        var networks = builder.Configuration.GetSection("Qadam:Telemetry:ScrapeNetworks").Get<string[]>() ?? [];
        var allowed = networks.Select(System.Net.IPNetwork.Parse).ToArray();
        builder.Services.AddAuthorizationBuilder().AddPolicy(ScrapePolicy, policy => policy.RequireAssertion(context =>
            context.Resource is HttpContext http && http.Connection.RemoteIpAddress is { } address
            && (System.Net.IPAddress.IsLoopback(address) || allowed.Any(n => n.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)))));

        builder.Services.AddSingleton<OutboxDepth>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OutboxDepth>());
    }

    /// <summary>
    /// The number of outbox messages not yet delivered, read every 15 seconds (not at each scrape: a scrape must not load the
    /// database) and reported as the gauge <c>qadam.engine.outbox.depth</c>.
    /// </summary>
    internal sealed class OutboxDepth(IConfiguration configuration, ServingGate gate) : BackgroundService
    {
        private long depth = -1;

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            Meter.CreateObservableGauge("qadam.engine.outbox.depth", () => Interlocked.Read(ref depth), "{message}",
                "Outbox messages waiting for delivery (-1 until first read).");
            if (!await gate.WaitAsync(stoppingToken))
            {
                return;
            }

            var connectionString = configuration.GetConnectionString(QadamApplication.ConnectionStringName);
            while (!stoppingToken.IsCancellationRequested && !string.IsNullOrWhiteSpace(connectionString))
            {
                try
                {
                    await using var connection = new NpgsqlConnection(connectionString);
                    await connection.OpenAsync(stoppingToken);
                    await using var count = new NpgsqlCommand("SELECT count(*) FROM workflows.outbox WHERE processed_at IS NULL", connection);
                    Interlocked.Exchange(ref depth, (long)(await count.ExecuteScalarAsync(stoppingToken))!);
                }
                catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
                {
                    // Unknown while the database is away; the health check says so in words.
                    Interlocked.Exchange(ref depth, -1);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }

                await Task.Delay(TimeSpan.FromSeconds(15), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
