using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.EmergencyOrders;

/// <summary>An emergency order posted with client credentials starts the mass-transfer pathway, once per order.</summary>
public sealed class EmergencyOrderTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    [Fact]
    public async Task The_integration_client_posts_an_order_that_starts_the_pathway_once()
    {
        using var integration = await Pathways.IntegrationClientAsync(api);
        var today = Pathways.Today;
        object Order(string number, object? territory = null, object? organisations = null) => new
        {
            issuingBody = "r1", number, date = today, territory, organisations,
            period = new { from = today, to = today.AddDays(6) }, ground = "Морозы ниже -30 °C",
        };

        // No emergency-transfer version in force yet: 422 naming the pathway.
        using (var early = await integration.PostAsync("/api/emergency-orders", Pathways.Json(Order("ЧС-0", "d1"))))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
            Assert.True((await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("pathway", out _));
        }

        await Pathways.PublishAsync(api, "emergency-transfer", Pathways.EmergencyTransfer);
        using var first = await integration.PostAsync("/api/emergency-orders", Pathways.Json(Order("ЧС-17", "d1")));
        using var repeat = await integration.PostAsync("/api/emergency-orders", Pathways.Json(Order("ЧС-17", "d1")));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var order = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["s1", "s2"], order.GetProperty("organisations").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(1, order.GetProperty("definitionVersion").GetInt32());
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal(order.GetProperty("id").GetString(), (await repeat.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());

        // The process waits for the regional officer.
        using var regional = await api.ClientForAsync("regional.r1");
        var inbox = await regional.GetFromJsonAsync<JsonElement>("/api/tasks?element=confirm");
        Assert.Equal(1, inbox.GetProperty("total").GetInt32());
        Assert.Equal("Подтверждение приказа", inbox.GetProperty("items")[0].GetProperty("labelRu").GetString());

        // A regional officer may post too, with a list of organisations.
        using var byOfficer = await regional.PostAsync("/api/emergency-orders", Pathways.Json(Order("ЧС-18", organisations: new[] { "s3", "c1" })));
        Assert.Equal(HttpStatusCode.Created, byOfficer.StatusCode);
    }

    [Fact]
    public async Task Orders_outside_the_territory_or_with_impossible_periods_are_refused_naming_the_field()
    {
        using var integration = await Pathways.IntegrationClientAsync(api);
        var today = Pathways.Today;

        async Task<string> FieldAsync(object order)
        {
            using var response = await integration.PostAsync("/api/emergency-orders", Pathways.Json(order));
            Assert.True(response.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest, response.StatusCode.ToString());
            return string.Join(",", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        }

        Assert.Equal("organisations", await FieldAsync(new
        {
            issuingBody = "r1", number = "1", date = today, organisations = new[] { "s1", "zz9" },
            period = new { from = today, to = today.AddDays(1) }, ground = "g",
        }));
        Assert.Equal("territory", await FieldAsync(new
        {
            issuingBody = "r1", number = "2", date = today, territory = "mon", period = new { from = today, to = today.AddDays(1) }, ground = "g",
        }));
        Assert.Equal("period.from", await FieldAsync(new
        {
            issuingBody = "r1", number = "3", date = today, territory = "d1", period = new { from = today.AddDays(3), to = today }, ground = "g",
        }));
        Assert.Equal("date", await FieldAsync(new
        {
            issuingBody = "r1", number = "4", date = today.AddDays(5), territory = "d1", period = new { from = today.AddDays(5), to = today.AddDays(6) }, ground = "g",
        }));
        Assert.Equal("territory", await FieldAsync(new
        {
            issuingBody = "r1", number = "5", date = today, period = new { from = today, to = today.AddDays(1) }, ground = "g",
        }));
    }

    [Theory]
    [InlineData("clerk.s1")]
    [InlineData("head.s1")]
    [InlineData("legal.r1")]
    [InlineData("parent.p1")]
    public async Task Only_integration_clients_and_regional_officers_post_orders(string user)
    {
        using var client = await api.ClientForAsync(user);
        using var response = await client.PostAsync("/api/emergency-orders", Pathways.Json(new { issuingBody = "x" }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
