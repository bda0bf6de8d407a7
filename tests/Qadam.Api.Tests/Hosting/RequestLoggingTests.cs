using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Qadam.Api.Tests.Features.MassTransfers;
using Qadam.Testing;

namespace Qadam.Api.Tests.Hosting;

/// <summary>
/// The API's own log, as an operator reads it: no IIN in any line (paths and queries that carry one are masked), and a
/// bad request that an exception handler answers with a 400 is logged as a 400, not as a 500.
/// </summary>
public sealed class RequestLoggingTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Logged_requests_carry_no_IIN_and_a_handled_bad_request_is_not_logged_as_500()
    {
        var state = Directory.CreateTempSubdirectory("qadam-logging-").FullName;
        await using var process = await ApiProcess.StartAsync(database.ConnectionString, state, new Dictionary<string, string>());
        using var client = new HttpClient { BaseAddress = process.Address };
        using var token = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "demo-cli", ["username"] = "clerk.s1", ["password"] = "demo", ["scope"] = "roles",
        }));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
        var students = await client.GetFromJsonAsync<JsonElement>("/api/students?pageSize=1");
        var iin = students.GetProperty("items")[0].GetProperty("iin").GetString()!;

        (await client.GetAsync($"/api/students/{iin}")).EnsureSuccessStatusCode();
        (await client.GetAsync($"/api/cases?studentIin={iin}")).EnsureSuccessStatusCode();
        using var bad = await client.PostAsync($"/api/tasks/{Guid.NewGuid()}/complete", new StringContent("{\"data\":", Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        await Task.Delay(500);

        var log = process.Output;
        Assert.DoesNotContain(iin, log, StringComparison.Ordinal);
        Assert.Contains("/api/students/[IIN]", log, StringComparison.Ordinal);
        Assert.DoesNotContain("responded 500", log, StringComparison.Ordinal);
        Assert.Contains("/complete responded 400", log, StringComparison.Ordinal);
    }
}
