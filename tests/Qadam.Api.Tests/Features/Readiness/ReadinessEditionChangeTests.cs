using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Qadam.Api.Tests.Features.EndToEnd;

namespace Qadam.Api.Tests.Features.Readiness;

/// <summary>The API on a clock the test moves: it starts on 10 May 2025 (Kazakhstan time), before order 103 came into force.</summary>
public sealed class May2025ApiFactory : WorkflowsApiFactory
{
    public MovableClock Movable { get; } = new(new DateTimeOffset(2025, 5, 10, 10, 0, 0, TimeSpan.FromHours(5)));

    protected override TimeProvider? Clock => Movable;

    public sealed class MovableClock(DateTimeOffset start) : TimeProvider
    {
        private TimeSpan _shift = start - System.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;

        public void MoveTo(DateTimeOffset when) => _shift = when - System.GetUtcNow();
    }
}

/// <summary>
/// The requirements change edition on 13 May 2025 (order 103 Annex 3 replaces order 349 Annex 1; workflows/README.md,
/// "Effective dates"): a record attested before then stays a record made under the earlier edition, and is out of date
/// under the new one until the head attests again.
/// </summary>
public sealed class ReadinessEditionChangeTests(May2025ApiFactory api) : IClassFixture<May2025ApiFactory>
{
    [Fact]
    public async Task A_record_made_under_Annex_1_of_order_349_is_shown_as_made_under_the_earlier_edition_from_13_May_2025()
    {
        using var head = await ClientAsync("head.s1");
        var before = await head.GetFromJsonAsync<JsonElement>("/api/readiness/editions/in-force?on=2025-05-12");
        var after = await head.GetFromJsonAsync<JsonElement>("/api/readiness/editions/in-force?on=2025-05-13");
        using var attested = await head.PutAsJsonAsync("/api/readiness/organisations/s1",
            ReadinessPayloads.Attestation(new DateOnly(2026, 5, 31), ReadinessPayloads.AllMet()));
        var madeUnder = (await attested.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("record").GetProperty("edition");

        api.Movable.MoveTo(new DateTimeOffset(2025, 5, 20, 10, 0, 0, TimeSpan.FromHours(5)));
        using var regional = await ClientAsync("regional.r1");
        var s1 = await regional.GetFromJsonAsync<JsonElement>("/api/readiness/organisations/s1");
        var onTheTwelfth = await regional.GetFromJsonAsync<JsonElement>("/api/readiness/organisations/s1?on=2025-05-12");
        var outdated = await regional.GetFromJsonAsync<JsonElement>("/api/readiness?status=outdated");

        Assert.Equal("2023", before.GetProperty("edition").GetString());
        Assert.Equal("приложение 1, п. 1", before.GetProperty("paragraph").GetString());
        Assert.Equal("2025", after.GetProperty("edition").GetString());
        Assert.Equal("приложение 3, п. 1", after.GetProperty("paragraph").GetString());
        Assert.Contains("№ 103", after.GetProperty("legalBasis").GetString(), StringComparison.Ordinal);
        Assert.Equal("2023", madeUnder.GetProperty("edition").GetString());

        Assert.Equal("outdated", s1.GetProperty("status").GetString());
        Assert.Equal(["earlierEdition"], s1.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("2023", s1.GetProperty("record").GetProperty("edition").GetProperty("edition").GetString());
        Assert.Contains("приложение 1, п. 1", s1.GetProperty("record").GetProperty("edition").GetProperty("legalBasis").GetString(), StringComparison.Ordinal);
        Assert.Equal("2025", s1.GetProperty("editionInForce").GetProperty("edition").GetString());
        Assert.Equal("ready", onTheTwelfth.GetProperty("status").GetString());
        Assert.Equal(["c1", "s1", "s2", "s3"], outdated.EnumerateArray().Select(r => r.GetProperty("organisation").GetString()).Order());

        // The head attests again under Annex 3: the school is ready, and the Annex 1 record is kept beside it.
        using var head2 = await ClientAsync("head.s1");
        using var again = await head2.PutAsJsonAsync("/api/readiness/organisations/s1",
            ReadinessPayloads.Attestation(new DateOnly(2025, 8, 31), ReadinessPayloads.AllMet()));
        var renewed = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ready", renewed.GetProperty("status").GetString());
        Assert.Equal("2025", renewed.GetProperty("record").GetProperty("edition").GetProperty("edition").GetString());
        Assert.Equal("приложение 3, п. 1, пп. 3)",
            renewed.GetProperty("record").GetProperty("items")[2].GetProperty("paragraph").GetString());
        Assert.Equal(JsonValueKind.Null, renewed.GetProperty("reminder").ValueKind);

        // In August the head is reminded: the record ends on 31 August, before the school year starts on 1 September.
        api.Movable.MoveTo(new DateTimeOffset(2025, 8, 10, 10, 0, 0, TimeSpan.FromHours(5)));
        using var head3 = await ClientAsync("head.s1");
        var august = await head3.GetFromJsonAsync<JsonElement>("/api/readiness/organisations/s1");
        Assert.Equal("2025-09-01", august.GetProperty("reminder").GetProperty("dueOn").GetString());
        Assert.Contains("01.09.2025", august.GetProperty("reminder").GetProperty("textRu").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A fresh token on the moved clock (the factory's cache would keep one issued on an earlier day).</summary>
    private async Task<HttpClient> ClientAsync(string user)
    {
        using var anonymous = api.CreateClient();
        using var response = await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "demo-cli", ["username"] = user, ["password"] = "demo", ["scope"] = "profile roles",
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString());
        return client;
    }
}
