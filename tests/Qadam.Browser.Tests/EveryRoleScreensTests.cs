using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Qadam.Browser.Tests;

/// <summary>
/// The one-language sweep: every main screen of every role (clerk, psychologist, class teacher, council member with the
/// ballot, secretary, head with a document and the readiness attestation, deputy, regional officer, auditor, the
/// university's registrar, dean and rector, and the parent on a phone) opened in Kazakh and in Russian, checked for
/// English and the other language's sentences, axe-core without critical or serious findings, and photographed
/// (artifacts/screenshots/sweep-*). The legal department's modeler is checked by <see cref="OneLanguageScreensTests"/>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EveryRoleScreensTests(BrowserFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>One arrangement per fixture: a case waiting for the council's ballots, and a rendered council document.</summary>
    private static readonly SemaphoreSlim Arranging = new(1, 1);
    private static (BrowserFixture Fixture, string BallotCase, string Document)? _arranged;

    public static TheoryData<string, string> People()
    {
        var data = new TheoryData<string, string>();
        foreach (var user in new[]
                 {
                     "clerk.s1", "psychologist.s1", "teacher.s1", "council1.s1", "secretary.s1", "head.s1", "deputy.s1", "regional.r1",
                     "auditor.r1", "registrar.u1", "dean.u1", "rector.u1", "parent.p1",
                 })
        {
            data.Add(user, "kk");
            data.Add(user, "ru");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task Every_main_screen_of_the_role_speaks_one_language_and_passes_axe(string user, string language)
    {
        // given a case at the council's vote and a rendered document of another case
        var (ballotCase, document) = await ArrangeAsync();
        var phone = user.StartsWith("parent", StringComparison.Ordinal);
        var page = phone ? await fixture.NewPageAsync(390, 844, injectScripts: true) : await fixture.NewPageAsync(1366, 768, injectScripts: true);
        page.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        try
        {
            await BrowserFixture.SignInAsync(page, user);
            await page.Locator("#language").SelectOptionAsync(language);
            await page.WaitForFunctionAsync($"() => document.documentElement.lang === '{language}'");
            foreach (var (name, path) in ScreensOf(user, ballotCase, document))
            {
                // when each of the role's main screens is opened
                await page.GotoAsync(path);
                await page.Locator("#outlet h1").First.WaitForAsync();
                await page.WaitForFunctionAsync("() => !document.querySelector('#outlet .loading')");
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                await BrowserFixture.ShotAsync(page, $"sweep-{user}-{language}-{name}");

                // then it is not a refusal, it speaks one language only, and axe-core finds nothing critical or serious
                Assert.Equal(0, await page.Locator("#outlet .notice-error").CountAsync());
                await ScreenChecks.AssertOneLanguageAsync(page, language, $"{user} {name}");
                await ScreenChecks.AssertAccessibleAsync(page, $"{user} {name}");
                if (phone)
                {
                    await ScreenChecks.AssertFitsWidthAsync(page, $"{user} {name} 390px");
                }
            }
        }
        catch
        {
            await BrowserFixture.ShotAsync(page, $"sweep-{user}-{language}-failure");
            throw;
        }
    }

    private static IEnumerable<(string Name, string Path)> ScreensOf(string user, string ballotCase, string document)
    {
        var staff = new[] { ("inbox", "/app/inbox"), ("cases", "/app/cases") };
        return user switch
        {
            "clerk.s1" => [.. staff, ("case", $"/app/cases/{ballotCase}")],
            "council1.s1" => [.. staff, ("vote", $"/app/cases/{ballotCase}/vote")],
            "head.s1" => [.. staff, ("document", $"/app/documents/{document}"), ("attest", "/app/readiness/attest")],
            "regional.r1" => [("orders", "/app/emergency-orders"), ("dashboard", "/app/dashboard"), ("readiness", "/app/readiness")],
            "auditor.r1" => [("cases", "/app/cases"), ("dashboard", "/app/dashboard"), ("readiness", "/app/readiness")],
            "parent.p1" => [("tracker", "/app/my-children")],
            _ => staff,
        };
    }

    private async Task<(string BallotCase, string Document)> ArrangeAsync()
    {
        await Arranging.WaitAsync();
        try
        {
            if (_arranged is { } done && ReferenceEquals(done.Fixture, fixture))
            {
                return (done.BallotCase, done.Document);
            }

            await EnsureCouncilPathwayAsync();
            var ballotCase = await FileCaseAsync();
            var decided = await FileCaseAsync();
            for (var i = 1; i <= 3; i++)
            {
                using var member = await fixture.ClientForAsync($"council{i}.s1");
                var ballot = await WaitForTaskAsync(member, decided);
                using var cast = await member.PostAsync($"/api/tasks/{ballot}/complete", Json(new { data = new { vote = "yes" } }));
                Assert.True(cast.IsSuccessStatusCode, await cast.Content.ReadAsStringAsync());
            }

            var document = await WaitForDocumentAsync(decided, "council-protocol-extract");
            _arranged = (fixture, ballotCase, document);
            return (ballotCase, document);
        }
        finally
        {
            Arranging.Release();
        }
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private async Task EnsureCouncilPathwayAsync()
    {
        using var legal = await fixture.ClientForAsync("legal.r1");
        using var existing = await legal.GetAsync($"/api/definitions/{BrowserCouncil.Key}/versions/1");
        if (!existing.IsSuccessStatusCode)
        {
            using var draft = await legal.PostAsync($"/api/definitions/{BrowserCouncil.Key}/drafts",
                new StringContent(BrowserCouncil.Bpmn, Encoding.UTF8, "application/xml"));
            Assert.True(draft.IsSuccessStatusCode, await draft.Content.ReadAsStringAsync());
            await BrowserCouncil.EnsureTemplatesAsync(fixture.Services, 1);
            using var publish = await legal.PostAsync($"/api/definitions/{BrowserCouncil.Key}/versions/1/publish", Json(new
            {
                effectiveFrom = "2025-09-01", legalBasis = new { act = BrowserCouncil.Act, edition = "2025-103", paragraph = "Прил. 1" },
            }));
            Assert.True(publish.IsSuccessStatusCode, await publish.Content.ReadAsStringAsync());
        }

        await BrowserCouncil.EnsureTemplatesAsync(fixture.Services, 1);
    }

    private async Task<string> FileCaseAsync()
    {
        using var parent = await fixture.ClientForAsync("parent.p1");
        using var children = JsonDocument.Parse(await parent.GetStringAsync("/api/parents/me/children"));
        using var clerk = await fixture.ClientForAsync("clerk.s1");
        using var response = await clerk.PostAsync("/api/cases", Json(new
        {
            pathway = BrowserCouncil.Key, studentIin = children.RootElement[0].GetProperty("iin").GetString(),
            ground = "Ата-ананың өтініші / Заявление родителя", filedOn = DateTime.UtcNow.AddHours(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<string> WaitForTaskAsync(HttpClient member, string caseId)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            var items = (await member.GetFromJsonAsync<JsonElement>($"/api/tasks?caseId={caseId}")).GetProperty("items");
            if (items.GetArrayLength() > 0)
            {
                return items[0].GetProperty("id").GetString()!;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"No ballot for case {caseId} within 30 s.");
    }

    private async Task<string> WaitForDocumentAsync(string caseId, string templateKey)
    {
        using var clerk = await fixture.ClientForAsync("clerk.s1");
        for (var attempt = 0; attempt < 150; attempt++)
        {
            foreach (var document in (await clerk.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/documents")).EnumerateArray())
            {
                if (document.GetProperty("templateKey").GetString() == templateKey)
                {
                    return document.GetProperty("id").GetString()!;
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"No {templateKey} was rendered for case {caseId} within 30 s.");
    }
}
