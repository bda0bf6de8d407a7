using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Persistence;
using Qadam.Api.Features.Audit;

namespace Qadam.Api.Tests.Features.Definitions;

/// <summary>
/// The legal department corrects an edition's assumed effective date (workflows/README.md, "Effective dates"): a preview lists
/// the cases the new date would bind to another edition, the correction is audited with the old and new date and the reason,
/// and no case is rebound; other roles get 403.
/// </summary>
public sealed class EffectiveDateCorrectionTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    private const string Key = "edc-test";
    private static readonly DateOnly Today = Pathways.Today;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Guid> FileAsync(HttpClient clerk, string iin, DateOnly filedOn)
    {
        using var response = await clerk.PostAsync("/api/cases",
            Pathways.Json(new { pathway = Key, studentIin = iin, ground = "Заявление родителя", filedOn = Iso(filedOn) }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"file case: {response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    private async Task<(Guid Before, Guid Between, Guid After)> TwoEditionsWithCasesAsync()
    {
        // Edition 1 from 2020, edition 2 from ten days ago; cases filed 20, 5 and 1 days ago.
        await Pathways.PublishAsync(api, Key, Pathways.PsychologistThenHead(Key));
        await Pathways.PublishAsync(api, Key, Pathways.PsychologistThenHead(Key).Replace("Psychologist", "Psychologist (2)", StringComparison.Ordinal),
            Iso(Today.AddDays(-10)));
        var iin = await Pathways.FirstStudentOfAsync(api, "s1");
        using var clerk = await api.ClientForAsync("clerk.s1");
        return (await FileAsync(clerk, iin, Today.AddDays(-20)), await FileAsync(clerk, iin, Today.AddDays(-5)),
            await FileAsync(clerk, iin, Today.AddDays(-1)));
    }

    [Fact]
    public async Task The_preview_lists_the_cases_a_later_date_would_rebind_and_the_audited_correction_rebinds_none()
    {
        var (before, between, after) = await TwoEditionsWithCasesAsync();
        using var legal = await api.ClientForAsync("legal.r1");
        var corrected = Iso(Today.AddDays(-3));
        var url = $"/api/definitions/{Key}/versions/2/effective-date-correction";

        var preview = await legal.GetFromJsonAsync<JsonElement>($"{url}?effectiveFrom={corrected}");
        using var correction = await legal.PostAsync(url, Pathways.Json(new
        {
            effectiveFrom = corrected, reason = "Опубликован в ЭКБ НПА (Әділет) через неделю после регистрации",
        }));
        using var again = await legal.PostAsync(url, Pathways.Json(new
        {
            effectiveFrom = corrected, reason = "Опубликован в ЭКБ НПА (Әділет) через неделю после регистрации",
        }));

        var listed = preview.GetProperty("casesNotRebound").EnumerateArray().ToList();
        var only = Assert.Single(listed);
        Assert.Equal(between, only.GetProperty("caseId").GetGuid());
        Assert.Equal(2, only.GetProperty("boundVersion").GetInt32());
        Assert.Equal(1, only.GetProperty("wouldBindVersion").GetInt32());
        Assert.Equal(Iso(Today.AddDays(-10)), preview.GetProperty("currentEffectiveFrom").GetString());
        Assert.Equal(HttpStatusCode.OK, correction.StatusCode);
        var body = await correction.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(corrected, body.GetProperty("corrected").GetProperty("effectiveFrom").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        // Nobody is rebound: the case filed between the dates still runs edition 2; new filings follow the corrected date.
        using var clerk = await api.ClientForAsync("clerk.s1");
        foreach (var (id, version) in new[] { (before, 1), (between, 2), (after, 2) })
        {
            var @case = await clerk.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
            Assert.Equal(version, @case.GetProperty("case").GetProperty("definitionVersion").GetInt32());
        }

        var iin = await Pathways.FirstStudentOfAsync(api, "s1");
        var refiled = await FileAsync(clerk, iin, Today.AddDays(-5));
        Assert.Equal(1, (await clerk.GetFromJsonAsync<JsonElement>($"/api/cases/{refiled}")).GetProperty("case").GetProperty("definitionVersion").GetInt32());

        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        await AuditChain.PlaceAsync(db, default);
        var audit = await db.AuditEvents.Where(e => e.ProcessKey == Key && e.Action == "definition.effective-date-corrected").ToListAsync();
        var entry = Assert.Single(audit);
        Assert.Equal("legal.r1", entry.Actor);
        Assert.Equal(2, entry.ProcessVersion);
    }

    [Fact]
    public async Task Only_the_legal_department_previews_or_corrects_and_a_missing_reason_is_422_in_kazakh_and_russian()
    {
        await Pathways.PublishAsync(api, Key + "-r", Pathways.PsychologistThenHead(Key + "-r"));
        var url = $"/api/definitions/{Key}-r/versions/1/effective-date-correction";
        var request = new { effectiveFrom = "2021-01-01", reason = "Опубликован позже регистрации" };

        foreach (var user in new[] { "clerk.s1", "head.s1", "regional.r1" })
        {
            using var client = await api.ClientForAsync(user);
            using var preview = await client.GetAsync($"{url}?effectiveFrom=2021-01-01");
            using var post = await client.PostAsync(url, Pathways.Json(request));
            Assert.Equal(HttpStatusCode.Forbidden, preview.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }

        using var legal = await api.ClientForAsync("legal.r1");
        foreach (var (language, words) in new[] { ("kk", "себебін"), ("ru", "причину") })
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = Pathways.Json(new { effectiveFrom = "2021-01-01", reason = "" }) };
            message.Headers.AcceptLanguage.Clear();
            message.Headers.AcceptLanguage.ParseAdd(language);
            using var refused = await legal.SendAsync(message);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(words, problem.GetProperty("errors").GetProperty("reason")[0].GetString(), StringComparison.Ordinal);
        }

        var unchanged = await legal.GetFromJsonAsync<JsonElement>($"/api/definitions/{Key}-r/versions/1");
        Assert.Equal("2020-01-01", unchanged.GetProperty("version").GetProperty("effectiveFrom").GetString());
    }
}
