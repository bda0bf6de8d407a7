using System.Net;
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

        using var scraper = api.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string text;
        do
        {
            // The timer is due a second after the filing; the engine worker fires it on its next pass.
            using var scrape = await scraper.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
            Assert.StartsWith("text/plain", scrape.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            text = await scrape.Content.ReadAsStringAsync();
            if (text.Contains("qadam_engine_timer_lag_seconds_count", StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        var lines = text.Split('\n');
        // The route as the endpoint is mapped (a group "/api/cases" with "/"), with the method and status.
        Assert.Contains(lines, l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal)
                                    && l.Contains("http_route=\"/api/cases/\"", StringComparison.Ordinal)
                                    && l.Contains("http_request_method=\"POST\"", StringComparison.Ordinal)
                                    && l.Contains("http_response_status_code=\"201\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("qadam_engine_commands_total{", StringComparison.Ordinal)
                                    && l.Contains("qadam_command=\"start\"", StringComparison.Ordinal)
                                    && l.Contains("qadam_outcome=\"ok\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("qadam_engine_command_duration_seconds_bucket{", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("qadam_engine_timer_lag_seconds_count", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("qadam_engine_outbox_depth", StringComparison.Ordinal));
    }
}
