using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Qadam.Browser.Tests;

/// <summary>
/// The council votes through the vote screen (tally live, result shown), the head reviews and signs the order
/// (signature and verification shown), and the parent sees the decision and downloads the document. Earlier steps of
/// each scenario are arranged over HTTP.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CouncilSigningAndDecisionTests(BrowserFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_council_votes_each_member_through_the_vote_screen_and_everyone_sees_the_tally_and_the_result()
    {
        // given a case of parent.p1's child waiting for the council of s1 (five members, three yes decide)
        await EnsurePathwayAsync();
        var (caseId, caseNumber) = await FileCaseAsync();

        // when council1.s1 opens their ballot from the inbox, the vote screen shows it with an empty tally
        var first = await SignedInPageAsync("council1.s1");
        var pages = new List<IPage> { first };
        try
        {
            await OpenBallotFromInboxAsync(first, caseNumber);
            await Expect(first, "[data-testid='tally-outstanding']", "5");
            await BrowserFixture.ShotAsync(first, "council-01-ballot");

            // and the evidence is beside the ballot, and a vote is cast only once confirmed (cancelling casts nothing)
            await first.Locator("[data-testid='evidence'] h2").WaitForAsync();
            await first.Locator("#vote-yes").ClickAsync();
            await first.Locator("#vote-cancel").ClickAsync();
            await Expect(first, "[data-testid='tally-outstanding']", "5");

            // and votes yes: the tally counts it, and their ballot cannot be cast again
            await first.Locator("#vote-yes").ClickAsync();
            await BrowserFixture.ShotAsync(first, "council-01b-confirm");
            await first.Locator("#vote-confirm").ClickAsync();
            await first.Locator("[data-testid='my-ballot']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
            await Expect(first, "[data-testid='tally-yes']", "1");
            await BrowserFixture.ShotAsync(first, "council-02-voted");

            // and two more members vote yes on their own screens
            for (var member = 2; member <= 3; member++)
            {
                var page = await SignedInPageAsync($"council{member}.s1");
                pages.Add(page);
                await OpenBallotFromInboxAsync(page, caseNumber);
                await Expect(page, "[data-testid='tally-yes']", (member - 1).ToString(CultureInfo.InvariantCulture));
                await page.Locator("#vote-yes").ClickAsync();
                await page.Locator("#vote-confirm").ClickAsync();
                if (member == 2)
                {
                    // then the first member's screen picks the second vote up by itself (polling, no reload)
                    await Expect(first, "[data-testid='tally-yes']", "2");
                    await BrowserFixture.ShotAsync(first, "council-03-tally-live");
                }
            }

            // then the majority closes the vote: every screen shows it passed, two ballots never cast
            foreach (var page in pages)
            {
                await page.Locator("[data-testid='vote-result'][data-state='passed']").WaitForAsync();
            }

            await Expect(first, "[data-testid='tally-notcast']", "2");
            Assert.Contains("шешім қабылданды", await first.Locator("[data-testid='vote-result']").InnerTextAsync(), StringComparison.Ordinal);

            // and the protocol extract, rendered by the engine, shows on the vote screen
            await first.Locator("[data-testid='protocol'] li[data-document-id]").WaitForAsync();
            await BrowserFixture.ShotAsync(first, "council-04-result-and-protocol");

            // and a member who did not vote finds no ballot left to cast
            var late = await SignedInPageAsync("council4.s1");
            pages.Add(late);
            await late.GotoAsync($"/app/cases/{caseId}/vote");
            await late.Locator("[data-testid='vote-result'][data-state='passed']").WaitForAsync();
            Assert.Equal(0, await late.Locator("#vote-yes").CountAsync());
            await BrowserFixture.ShotAsync(late, "council-05-member-too-late");
        }
        catch
        {
            for (var i = 0; i < pages.Count; i++)
            {
                await BrowserFixture.ShotAsync(pages[i], $"council-failure-{i}");
            }

            throw;
        }
    }

    [Fact]
    public async Task The_head_reviews_the_order_signs_it_with_the_server_key_and_sees_the_signature_verified()
    {
        // given a case the council approved, whose order has been rendered
        await EnsurePathwayAsync();
        var (caseId, caseNumber) = await FileCaseAsync();
        await VoteYesAsync(caseId, 3);
        var order = await WaitForDocumentAsync(caseId, "order-transfer");

        var head = await SignedInPageAsync("head.s1");
        try
        {
            // when head.s1 opens the signing task from the inbox and follows its document to the review page
            await head.GotoAsync("/app/inbox");
            var row = head.Locator("tr[data-task-id]", new PageLocatorOptions { HasTextString = caseNumber });
            await row.WaitForAsync();
            await row.Locator("td").First.Locator("a").ClickAsync();
            await head.Locator($"[data-testid='task-documents'] li[data-document-id='{order}'] a").ClickAsync();

            // then the order's text is shown, unsigned
            await head.Locator("[data-testid='document-preview']", new PageLocatorOptions { HasTextString = "бұйрық" }).WaitForAsync();
            await head.Locator("[data-testid='no-signatures']").WaitForAsync();
            await BrowserFixture.ShotAsync(head, "sign-01-review");

            // when the head signs with the server key
            await head.Locator("#sign-server").ClickAsync();

            // then the signature is listed with the head's name (the person in the header, not the account) and verification passes
            await head.Locator("[data-testid='signatures'] tbody tr").WaitForAsync();
            var person = await head.Locator("[data-testid='user-name']").InnerTextAsync();
            Assert.DoesNotContain("head.s1", person, StringComparison.Ordinal);
            Assert.Contains(person, await head.Locator("[data-testid='signatures']").InnerTextAsync(), StringComparison.Ordinal);
            await head.Locator("[data-testid='verification'][data-valid='true']").WaitForAsync();
            await head.Locator("[data-testid='download-signed']").WaitForAsync();
            await BrowserFixture.ShotAsync(head, "sign-02-signed-and-verified");

            // and the Russian screen says the same
            await head.Locator("#language").SelectOptionAsync("ru");
            await head.Locator("[data-testid='verification']", new PageLocatorOptions { HasTextString = "Все подписи действительны" }).WaitForAsync();
            await BrowserFixture.ShotAsync(head, "sign-03-verified-ru");
            await head.Locator("#language").SelectOptionAsync("kk");
        }
        catch
        {
            await BrowserFixture.ShotAsync(head, "sign-failure");
            throw;
        }
    }

    [Fact]
    public async Task The_parent_sees_the_decision_and_downloads_the_signed_order()
    {
        // given a case decided all the way: council yes, order signed by the head, signing task completed, case transferred
        await EnsurePathwayAsync();
        var (caseId, _) = await FileCaseAsync();
        await VoteYesAsync(caseId, 3);
        var order = await WaitForDocumentAsync(caseId, "order-transfer");
        using (var head = await fixture.ClientForAsync("head.s1"))
        {
            using var sign = await head.PostAsync($"/api/documents/{order}/signatures", Json(new { mode = "server" }));
            Assert.True(sign.IsSuccessStatusCode, await sign.Content.ReadAsStringAsync());
            var task = (await TasksOfCaseAsync(head, caseId)).Single(t => t.GetProperty("elementId").GetString() == "signOrder");
            var today = DateTime.UtcNow.AddHours(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            using var complete = await head.PostAsync($"/api/tasks/{task.GetProperty("id").GetString()}/complete", Json(new
            {
                data = new { distanceFrom = today },
            }));
            Assert.True(complete.IsSuccessStatusCode, await complete.Content.ReadAsStringAsync());
        }

        await WaitForStatusAsync(caseId, "transferred");

        var parent = await SignedInPageAsync("parent.p1", injectScripts: true);
        try
        {
            // when parent.p1 opens the tracker
            var card = parent.Locator($"article[data-case-id='{caseId}']");
            await card.Locator("[data-testid='decision']").WaitForAsync();

            // then the decision is there in words, with the step that took it, and the signed order to download
            Assert.Contains("қашықтан оқытуға ауыстырылды", await card.Locator("[data-testid='decision']").InnerTextAsync(), StringComparison.Ordinal);
            var download = card.Locator(
                $"[data-testid='tracker-documents'] li[data-document-id='{order}'] [data-testid='download-signed']");
            await download.WaitForAsync();
            // and below the cases, the notices about the children (decisions, emergency orders, frosts)
            await parent.Locator("[data-testid='tracker-notices'] h2").WaitForAsync();
            await BrowserFixture.ShotAsync(parent, "parent-03-decision");
            var file = await parent.RunAndWaitForDownloadAsync(() => download.ClickAsync());
            Assert.EndsWith(".docx", file.SuggestedFilename, StringComparison.Ordinal);
            var path = await file.PathAsync();
            Assert.True(new FileInfo(path).Length > 500);

            await parent.Locator("#language").SelectOptionAsync("ru");
            await parent.Locator($"article[data-case-id='{caseId}'] [data-testid='decision']",
                new PageLocatorOptions { HasTextString = "переведён на дистанционное обучение" }).WaitForAsync();
            await BrowserFixture.ShotAsync(parent, "parent-04-decision-ru");

            // and on a phone, in either language, the order by its title opens as a PDF rendered from the signed DOCX
            await parent.SetViewportSizeAsync(390, 844);
            foreach (var language in new[] { "ru", "kk" })
            {
                await parent.Locator("#language").SelectOptionAsync(language);
                await parent.WaitForFunctionAsync($"() => document.documentElement.lang === '{language}'");
                var item = parent.Locator(
                    $"article[data-case-id='{caseId}'] [data-testid='tracker-documents'] li[data-document-id='{order}']");
                var title = await item.InnerTextAsync();
                Assert.Contains(language == "kk" ? "бұйрық" : "приказ", title, StringComparison.OrdinalIgnoreCase);
                var read = item.Locator("[data-testid='read-pdf']");
                Assert.Equal(language == "kk" ? "PDF түрінде оқу" : "Читать в PDF", (await read.InnerTextAsync()).Trim());
                var pdf = await parent.RunAndWaitForDownloadAsync(() => read.ClickAsync(),
                    new PageRunAndWaitForDownloadOptions { Timeout = 120_000 });
                Assert.EndsWith(".pdf", pdf.SuggestedFilename, StringComparison.Ordinal);
                var bytes = await File.ReadAllBytesAsync(await pdf.PathAsync());
                Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
                await BrowserFixture.ShotAsync(parent, $"parent-05-phone-pdf-{language}");
                await ScreenChecks.AssertFitsWidthAsync(parent, $"tracker with documents 390px {language}");
                await ScreenChecks.AssertOneLanguageAsync(parent, language, "tracker with documents");
                await ScreenChecks.AssertAccessibleAsync(parent, "tracker with documents");
            }
        }
        catch
        {
            await BrowserFixture.ShotAsync(parent, "parent-decision-failure");
            throw;
        }
    }

    private async Task<IPage> SignedInPageAsync(string user, bool injectScripts = false)
    {
        var page = await fixture.NewPageAsync(injectScripts: injectScripts);
        page.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        await BrowserFixture.SignInAsync(page, user);
        return page;
    }

    private static async Task OpenBallotFromInboxAsync(IPage page, string caseNumber)
    {
        await page.GotoAsync("/app/inbox");
        var row = page.Locator("tr[data-task-id]", new PageLocatorOptions { HasTextString = caseNumber });
        await row.WaitForAsync();
        await row.Locator("td").First.Locator("a").ClickAsync();
        await page.Locator(".ballot-box[data-element-id='councilVote'] [data-testid='my-ballot']").WaitForAsync();
    }

    private static Task Expect(IPage page, string selector, string text) =>
        page.Locator(selector, new PageLocatorOptions { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{text}$") }).WaitForAsync();

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private async Task EnsurePathwayAsync()
    {
        using var legal = await fixture.ClientForAsync("legal.r1");
        using var existing = await legal.GetAsync($"/api/definitions/{BrowserCouncil.Key}/versions/1");
        if (!existing.IsSuccessStatusCode)
        {
            using var draft = await legal.PostAsync($"/api/definitions/{BrowserCouncil.Key}/drafts",
                new StringContent(BrowserCouncil.Bpmn, Encoding.UTF8, "application/xml"));
            Assert.True(draft.IsSuccessStatusCode, await draft.Content.ReadAsStringAsync());
            // A version is published once every document it renders has its kk and ru template.
            await BrowserCouncil.EnsureTemplatesAsync(fixture.Services, 1);
            using var publish = await legal.PostAsync($"/api/definitions/{BrowserCouncil.Key}/versions/1/publish", Json(new
            {
                effectiveFrom = "2025-09-01", legalBasis = new { act = BrowserCouncil.Act, edition = "2025-103", paragraph = "Прил. 1" },
            }));
            Assert.True(publish.IsSuccessStatusCode, await publish.Content.ReadAsStringAsync());
        }

        await BrowserCouncil.EnsureTemplatesAsync(fixture.Services, 1);
    }

    private async Task<(string Id, string Number)> FileCaseAsync()
    {
        using var parent = await fixture.ClientForAsync("parent.p1");
        using var children = JsonDocument.Parse(await parent.GetStringAsync("/api/parents/me/children"));
        var iin = children.RootElement[0].GetProperty("iin").GetString()!;
        using var clerk = await fixture.ClientForAsync("clerk.s1");
        using var response = await clerk.PostAsync("/api/cases", Json(new
        {
            pathway = BrowserCouncil.Key, studentIin = iin, ground = "Заявление родителя о дистанционном обучении",
            filedOn = DateTime.UtcNow.AddHours(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var filed = JsonDocument.Parse(body).RootElement;
        return (filed.GetProperty("id").GetString()!, filed.GetProperty("number").GetString()!);
    }

    private static async Task<List<JsonElement>> TasksOfCaseAsync(HttpClient client, string caseId) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/tasks?caseId={caseId}")).GetProperty("items").EnumerateArray()];

    private async Task VoteYesAsync(string caseId, int members)
    {
        for (var i = 1; i <= members; i++)
        {
            using var member = await fixture.ClientForAsync($"council{i}.s1");
            var ballot = Assert.Single(await TasksOfCaseAsync(member, caseId));
            using var cast = await member.PostAsync($"/api/tasks/{ballot.GetProperty("id").GetString()}/complete", Json(new { data = new { vote = "yes" } }));
            Assert.True(cast.IsSuccessStatusCode, await cast.Content.ReadAsStringAsync());
        }
    }

    /// <summary>Waits for the engine's worker to render a document of the case (it runs service tasks in the background).</summary>
    private async Task<string> WaitForDocumentAsync(string caseId, string templateKey)
    {
        using var clerk = await fixture.ClientForAsync("clerk.s1");
        for (var attempt = 0; attempt < 150; attempt++)
        {
            var documents = await clerk.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/documents");
            foreach (var document in documents.EnumerateArray())
            {
                if (document.GetProperty("templateKey").GetString() == templateKey)
                {
                    return document.GetProperty("id").GetString()!;
                }
            }

            await Task.Delay(200);
        }

        var detail = await clerk.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        var timeline = string.Join(", ", detail.GetProperty("timeline").EnumerateArray()
            .Select(e => $"{e.GetProperty("event").GetString()}:{(e.TryGetProperty("elementId", out var id) ? id.ToString() : "")}"));
        await using var scope = fixture.Services.CreateAsyncScope();
        var jobs = string.Join("; ", scope.ServiceProvider.GetRequiredService<Qadam.Workflows.Persistence.WorkflowsDbContext>()
            .Jobs.Select(j => j.ElementId + ": " + j.LastError).ToList());
        throw new TimeoutException($"No {templateKey} was rendered for case {caseId} within 30 s; status {detail.GetProperty("case").GetProperty("status")}, timeline: {timeline}; jobs: {jobs}");
    }

    private async Task WaitForStatusAsync(string caseId, string status)
    {
        using var clerk = await fixture.ClientForAsync("clerk.s1");
        var seen = string.Empty;
        for (var attempt = 0; attempt < 150; attempt++)
        {
            // Reading the case catches its status up with the engine (service tasks run in the background).
            seen = (await clerk.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}")).GetProperty("case").GetProperty("status").GetString()!;
            if (seen == status)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Case {caseId} is {seen}, not {status}, after 30 s.");
    }
}
