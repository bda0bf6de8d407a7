using System.Net;
using Microsoft.AspNetCore.Http;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.Telemetry;

/// <summary>What an operator's Prometheus scrapes at <c>/metrics</c>: HTTP requests by route, engine commands, timer lag.</summary>
public sealed class MetricsTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    [Fact]
    public async Task After_a_filing_and_its_timer_the_scrape_shows_the_request_the_engine_command_and_the_timer_lag()
    {
        const string Pathway = "metrics-timer";
        await Pathways.PublishAsync(api, Pathway, Pathways.RefusedAfterATimer(Pathway));
        using var clerk = await api.ClientForAsync("clerk.s1");
        await Pathways.FileAsync(clerk, Pathway, await Pathways.FirstStudentOfAsync(api, "s1"));

        // The scrape must show: the filing's request by route, method and status; the engine's start command; command durations;
        // the timer's lag (the timer is due a second after the filing and the engine worker fires it on its next pass); the
        // outbox depth. Scraped until all are there: ASP.NET Core records a request's duration after the answer has gone.
        (string Name, Func<string, bool> Matches)[] expected =
        [
            ("POST /api/cases 201", l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal)
                                          && l.Contains("http_route=\"/api/cases", StringComparison.Ordinal)
                                          && l.Contains("http_request_method=\"POST\"", StringComparison.Ordinal)
                                          && l.Contains("http_response_status_code=\"201\"", StringComparison.Ordinal)),
            ("engine start", l => l.StartsWith("qadam_engine_commands_total{", StringComparison.Ordinal)
                                  && l.Contains("qadam_command=\"start\"", StringComparison.Ordinal)
                                  && l.Contains("qadam_outcome=\"ok\"", StringComparison.Ordinal)),
            ("command duration", l => l.StartsWith("qadam_engine_command_duration_seconds_bucket{", StringComparison.Ordinal)),
            ("timer lag", l => l.StartsWith("qadam_engine_timer_lag_seconds_count", StringComparison.Ordinal)),
            ("outbox depth", l => l.StartsWith("qadam_engine_outbox_depth", StringComparison.Ordinal)),
        ];
        var deadline = DateTime.UtcNow.AddSeconds(90);
        List<string> missing;
        do
        {
            var scrape = await ScrapeAsync(IPAddress.Loopback);
            Assert.Equal(StatusCodes.Status200OK, scrape.Response.StatusCode);
            Assert.StartsWith("text/plain", scrape.Response.ContentType, StringComparison.Ordinal);
            var lines = (await new StreamReader(scrape.Response.Body).ReadToEndAsync()).Split('\n');
            missing = [.. expected.Where(e => !lines.Any(e.Matches)).Select(e => e.Name)];
            if (missing.Count > 0)
            {
                await Task.Delay(250);
            }
        }
        while (missing.Count > 0 && DateTime.UtcNow < deadline);

        Assert.Empty(missing);
    }

    [Fact]
    public async Task A_scraper_outside_the_loopback_and_the_configured_networks_is_refused()
    {
        var outside = await ScrapeAsync(IPAddress.Parse("203.0.113.7"));

        Assert.Equal(StatusCodes.Status401Unauthorized, outside.Response.StatusCode);
    }

    /// <summary>GET /metrics as seen from <paramref name="from"/> (the test server has no sockets, so the address is set).</summary>
    private Task<HttpContext> ScrapeAsync(IPAddress from) => api.Server.SendAsync(context =>
    {
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = "/metrics";
        context.Connection.RemoteIpAddress = from;
    });
}
