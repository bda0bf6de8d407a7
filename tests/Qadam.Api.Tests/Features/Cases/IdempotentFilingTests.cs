using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.Cases;

/// <summary>An Idempotency-Key replays the same filing, and refuses a different one instead of silently answering the first.</summary>
public sealed class IdempotentFilingTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    [Fact]
    public async Task The_same_key_with_a_changed_body_is_422_naming_the_key()
    {
        await Pathways.PublishAsync(api, "idempotent-filing", Pathways.PsychologistThenHead("idempotent-filing"));
        using var clerk = await api.ClientForAsync("clerk.s1");
        var iin = await Pathways.FirstStudentOfAsync(api, "s1");

        using var first = await FileAsync(clerk, iin, "Заявление родителя", "retry-42");
        using var replay = await FileAsync(clerk, iin, "Заявление родителя", "retry-42");
        using var changed = await FileAsync(clerk, iin, "Другое заявление", "retry-42");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(id, (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.Equal("application/problem+json", changed.Content.Headers.ContentType?.MediaType);
        var problem = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        Assert.Contains("retry-42", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var cases = await clerk.GetFromJsonAsync<JsonElement>("/api/cases?pathway=idempotent-filing");
        Assert.Equal(1, cases.GetProperty("total").GetInt32());
    }

    private static async Task<HttpResponseMessage> FileAsync(HttpClient client, string iin, string ground, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
        {
            Content = Pathways.Json(new { pathway = "idempotent-filing", studentIin = iin, ground, filedOn = Pathways.Today.ToString("yyyy-MM-dd") }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }
}
