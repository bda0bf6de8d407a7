using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qadam.Api.Tests.Features.Definitions;
using Qadam.Api.Tests.Features.EndToEnd;

namespace Qadam.Api.Tests.Features.Weather;

/// <summary>
/// The officer's retry of a weather decision with its Idempotency-Key gets the first decision; the same key with another
/// body (another language for the parents' notices) is refused with 422 naming the key, and no second decision is opened.
/// </summary>
public sealed class WeatherDecisionIdempotencyTests(WorkflowsApiFactory api) : IClassFixture<WorkflowsApiFactory>
{
    [Fact]
    public async Task The_same_key_with_a_changed_body_is_422_naming_the_key_and_opens_nothing()
    {
        using var regional = await api.ClientForAsync("regional.r1");

        using var first = await OpenAsync(regional, "kk", "frost-0600");
        using var replay = await OpenAsync(regional, "kk", "frost-0600");
        using var changed = await OpenAsync(regional, "ru", "frost-0600");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        var instance = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetString();
        Assert.Equal(instance, (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.Equal("application/problem+json", changed.Content.Headers.ContentType?.MediaType);
        var problem = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("frost-0600", problem.GetProperty("errors").GetProperty("Idempotency-Key")[0].GetString(), StringComparison.Ordinal);

        var tasks = await regional.GetFromJsonAsync<JsonElement>("/api/tasks?element=enterWeather");
        Assert.Equal(1, tasks.GetProperty("total").GetInt32());
    }

    private static async Task<HttpResponseMessage> OpenAsync(HttpClient client, string language, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/weather-decisions") { Content = Pathways.Json(new { language }) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }
}
