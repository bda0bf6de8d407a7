using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Qadam.Api.Features.MassTransfers;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.Dashboard;

/// <summary>
/// "How many students of my region learn remotely today, by district and school, since when": students (not schools)
/// counted from the rows the mass transfers wrote, scoped to the caller's territory, filtered by district, pathway and days.
/// </summary>
public sealed class RemoteLearningDashboardTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    private static readonly DateOnly Today = Pathways.Today;

    private MassTransferRunner Runner => api.Services.GetRequiredService<MassTransferRunner>();

    private static MassTransferRequest Transfer(
        Guid instance, string pathway, string element, string direction, DateOnly from, DateOnly to, params string[] schools) =>
        new(instance, element, pathway, 1, null, direction, from, to, schools, null);

    /// <summary>
    /// An emergency order moving s1 and s2 (district d1) two days ago until three days ahead, a frost day moving s3 (d2)
    /// today, and an earlier order of s2 that ended with its students' return.
    /// </summary>
    private async Task SeedAsync()
    {
        var order = Guid.CreateVersion7();
        await Runner.RunAsync(Transfer(order, "emergency-transfer", "transferStudents", TransferDirection.Distance, Today.AddDays(-2),
            Today.AddDays(3), "s1", "s2"));
        await Runner.RunAsync(Transfer(Guid.CreateVersion7(), "weather", "transferStudents", TransferDirection.Distance, Today, Today, "s3"));
        var earlier = Guid.CreateVersion7();
        await Runner.RunAsync(Transfer(earlier, "emergency-transfer", "transferStudents", TransferDirection.Distance, Today.AddDays(-10),
            Today.AddDays(-8), "s2"));
        await Runner.RunAsync(Transfer(earlier, "emergency-transfer", "returnStudents", TransferDirection.Return, Today.AddDays(-10),
            Today.AddDays(-8), "s2"));
    }

    [Fact]
    public async Task The_region_sees_todays_remote_students_by_district_and_school_since_their_first_day_and_per_day()
    {
        await SeedAsync();
        var s1 = await EnrolledAsync("s1");
        var s2 = await EnrolledAsync("s2");
        var s3 = await EnrolledAsync("s3");

        var region = await GetAsync("regional.r1", $"/api/dashboard/remote?from={Iso(Today.AddDays(-10))}&to={Iso(Today)}");

        Assert.Equal(s1 + s2 + s3, region.GetProperty("students").GetInt32());
        Assert.Equal(3, region.GetProperty("schools").GetInt32());
        Assert.Equal(Iso(Today.AddDays(-2)), region.GetProperty("since").GetString());
        var d1 = District(region, "d1");
        Assert.Equal("Отдел образования по району Есиль", d1.GetProperty("nameRu").GetString());
        Assert.Equal("Есіл ауданы бойынша білім бөлімі", d1.GetProperty("nameKk").GetString());
        Assert.Equal(s1 + s2, d1.GetProperty("students").GetInt32());
        Assert.Equal(Iso(Today.AddDays(-2)), d1.GetProperty("since").GetString());
        var school = d1.GetProperty("schoolList").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "s1");
        Assert.Equal("Школа-лицей № 1", school.GetProperty("nameRu").GetString());
        Assert.Equal(s1, school.GetProperty("students").GetInt32());
        Assert.Equal(s1, school.GetProperty("enrolled").GetInt32());
        var d2 = District(region, "d2");
        Assert.Equal(s3, d2.GetProperty("students").GetInt32());
        Assert.Equal(Iso(Today), d2.GetProperty("since").GetString());

        // per day: the earlier order's s2 until its end, nobody in between, then s1 and s2, and s3 today
        var days = region.GetProperty("days").EnumerateArray()
            .ToDictionary(d => d.GetProperty("date").GetString()!, d => d.GetProperty("students").GetInt32());
        Assert.Equal(11, days.Count);
        Assert.Equal(s2, days[Iso(Today.AddDays(-10))]);
        Assert.Equal(s2, days[Iso(Today.AddDays(-8))]);
        Assert.Equal(0, days[Iso(Today.AddDays(-5))]);
        Assert.Equal(s1 + s2, days[Iso(Today.AddDays(-1))]);
        Assert.Equal(s1 + s2 + s3, days[Iso(Today)]);
        Assert.Equal(["emergency-transfer", "weather"], region.GetProperty("pathways").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Filters_by_district_and_pathway_narrow_the_figures_and_a_head_sees_only_their_school()
    {
        await SeedAsync();
        var s1 = await EnrolledAsync("s1");
        var s3 = await EnrolledAsync("s3");

        var d2 = await GetAsync("regional.r1", "/api/dashboard/remote?district=d2");
        var weather = await GetAsync("regional.r1", "/api/dashboard/remote?pathway=weather");
        var head = await GetAsync("head.s1", "/api/dashboard/remote");

        Assert.Equal(s3, d2.GetProperty("students").GetInt32());
        Assert.Equal(["d2"], d2.GetProperty("districts").EnumerateArray().Select(d => d.GetProperty("code").GetString()));
        Assert.Equal(s3, weather.GetProperty("students").GetInt32());
        Assert.Equal(s1, head.GetProperty("students").GetInt32());
        Assert.Equal(["s1"], head.GetProperty("districts").EnumerateArray().SelectMany(d => d.GetProperty("schoolList").EnumerateArray())
            .Select(s => s.GetProperty("code").GetString()));
        Assert.Equal(28, head.GetProperty("days").GetArrayLength());
    }

    [Fact]
    public async Task Another_territorys_district_is_not_found_a_parent_is_refused_and_a_reversed_period_is_explained_in_kk_and_ru()
    {
        using var regional = await api.ClientForAsync("regional.r1");
        using var head = await api.ClientForAsync("head.s1");
        using var parent = await api.ClientForAsync("parent.p1");

        using var otherRegion = await regional.GetAsync("/api/dashboard/remote?district=r2");
        using var otherDistrict = await head.GetAsync("/api/dashboard/remote?district=d2");
        using var refused = await parent.GetAsync("/api/dashboard/remote");
        var kk = await ProblemAsync(regional, "kk");
        var ru = await ProblemAsync(regional, "ru");

        Assert.Equal(HttpStatusCode.NotFound, otherRegion.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherDistrict.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Кезеңнің басы оның соңынан кеш болмауы тиіс.", kk.GetProperty("errors").GetProperty("from")[0].GetString());
        Assert.Equal("Начало периода должно быть не позже его конца.", ru.GetProperty("errors").GetProperty("from")[0].GetString());
    }

    private static async Task<JsonElement> ProblemAsync(HttpClient client, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/dashboard/remote?from={Iso(Today)}&to={Iso(Today.AddDays(-1))}");
        request.Headers.AcceptLanguage.Clear();
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement District(JsonElement dashboard, string code) =>
        dashboard.GetProperty("districts").EnumerateArray().Single(d => d.GetProperty("code").GetString() == code);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<JsonElement> GetAsync(string user, string url)
    {
        using var client = await api.ClientForAsync(user);
        return await client.GetFromJsonAsync<JsonElement>(url);
    }

    private async Task<int> EnrolledAsync(string school)
    {
        _ = api.Server;
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT count(*)::int FROM qadam.students s JOIN qadam.organisations o ON o.id = s.organisation_id WHERE o.code = @code
            """, connection);
        command.Parameters.AddWithValue("code", school);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
