using System.Net;
using System.Text.Json;

namespace Qadam.Api.Tests.Hosting;

public sealed class HealthTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    [Fact]
    public async Task Health_answers_200_with_the_database_checked()
    {
        using var client = api.CreateClient();

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("postgresql").GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApi_document_and_reference_page_are_served()
    {
        using var client = api.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");
        var page = await client.GetAsync("/scalar");

        Assert.Contains("/api/organisations", document, StringComparison.Ordinal);
        Assert.Contains("/api/rosters/import", document, StringComparison.Ordinal);
        Assert.Contains("/api/audit/verify", document, StringComparison.Ordinal);
        Assert.Contains("/api/parents/me/children", document, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
