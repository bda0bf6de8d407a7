using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Qadam.Browser.Tests;

/// <summary>
/// Issue 7: the regional officer posts an emergency order and watches the mass transfer school by school; the dashboard
/// shows cases by pathway and status, overdue tasks and transfers by region.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RegionalAndDashboardTests(BrowserFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_regional_officer_posts_an_order_watches_the_transfer_and_reads_the_dashboard()
    {
        // given a case in progress at s1 (so the dashboard has one to count)
        await fixture.EnsureBrowserApplicationAsync();
        await FileBrowserApplicationCaseAsync();
        await EnsureEmergencyTransferInForceAsync();

        var page = await fixture.NewPageAsync();
        page.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        // The progress endpoint (GET /api/mass-transfers?order=) is the lead's, written in parallel: until it is in this
        // branch the browser answers it with the contract's shape, running on the first reads and completed after.
        var reads = 0;
        await page.RouteAsync("**/api/mass-transfers?order=*", async route =>
        {
            var order = new Uri(route.Request.Url).Query.Split('=')[^1];
            var read = Interlocked.Increment(ref reads);
            var done = Math.Min(read * 120, 480);
            var finished = done >= 480;
            string School(string code, string kk, string ru, int total, int schoolDone) => JsonSerializer.Serialize(new
            {
                organisation = code, nameKk = kk, nameRu = ru, total, done = schoolDone,
                status = schoolDone >= total ? "completed" : schoolDone > 0 ? "running" : "pending",
            });
            var body = $$"""
                [{"id":"m-{{order}}","orderId":"{{order}}","elementId":"transferStudents","direction":"distance",
                  "status":"{{(finished ? "completed" : "running")}}","total":480,"done":{{done}},"startedAt":"{{DateTime.UtcNow:O}}",
                  "finishedAt":{{(finished ? $"\"{DateTime.UtcNow:O}\"" : "null")}},
                  "schools":[{{School("s1", "№1 мектеп", "Школа №1", 240, Math.Min(done, 240))}},{{School("s2", "№2 мектеп", "Школа №2", 240, Math.Max(0, done - 240))}}]}]
                """;
            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = body });
        });
        try
        {
            // when regional.r1 posts an order for district d1
            await BrowserFixture.SignInAsync(page, "regional.r1");
            await page.GotoAsync("/app/emergency-orders");
            await page.Locator("#order-number").FillAsync("ЧС-UI-" + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture)[^6..]);
            await page.Locator("#order-territory").FillAsync("d1");
            await page.Locator("#order-ground").FillAsync("Аяз −35 °C / Мороз −35 °C");
            await BrowserFixture.ShotAsync(page, "regional-01-order-form");
            await page.Locator("#post-order").ClickAsync();

            // then the transfer's progress shows while it runs, school by school, and reaches 100 % by itself
            await page.Locator("[data-testid='order-form'] .notice-success").WaitForAsync();
            await page.Locator("[data-testid='transfer-progress'] .transfer[data-status='running']").WaitForAsync();
            await BrowserFixture.ShotAsync(page, "regional-02-transfer-running");
            await page.Locator("[data-testid='transfer-progress'] .transfer[data-status='completed']").WaitForAsync();
            Assert.Equal("100", await page.Locator("[data-testid='order-progress']").GetAttributeAsync("aria-valuenow"));
            Assert.Equal(2, await page.Locator("[data-testid='transfer-progress'] tr[data-organisation]").CountAsync());
            await BrowserFixture.ShotAsync(page, "regional-03-transfer-completed");

            // when the officer opens the dashboard
            await page.GotoAsync("/app/dashboard");

            // then cases by pathway, overdue tasks and the transfers of region r1 are drawn
            await page.Locator("[data-testid='cases-chart'] g[data-pathway]").First.WaitForAsync();
            await page.Locator("[data-testid='overdue-tasks']").WaitForAsync();
            await page.Locator("[data-testid='transfers-chart'] g[data-region='r1']").WaitForAsync();
            await BrowserFixture.ShotAsync(page, "dashboard-01-kk");
            await page.Locator("#language").SelectOptionAsync("ru");
            await page.Locator("[data-testid='dashboard-transfers'] h2", new PageLocatorOptions { HasTextString = "Переводы по регионам" }).WaitForAsync();
            await BrowserFixture.ShotAsync(page, "dashboard-02-ru");
            await page.Locator("#language").SelectOptionAsync("kk");
        }
        catch
        {
            await BrowserFixture.ShotAsync(page, "regional-failure");
            throw;
        }
    }

    /// <summary>
    /// The mass-transfer pathway in force today: the seeded one when it is, else a one-step stand-in for the regional
    /// officer (the screen under test is the order and its progress, not the pathway).
    /// </summary>
    private async Task EnsureEmergencyTransferInForceAsync()
    {
        const string key = "emergency-transfer";
        using var legal = await fixture.ClientForAsync("legal.r1");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(5));
        var definitions = JsonDocument.Parse(await legal.GetStringAsync("/api/definitions")).RootElement;
        var inForce = definitions.EnumerateArray().Where(d => d.GetProperty("key").GetString() == key)
            .SelectMany(d => d.GetProperty("versions").EnumerateArray())
            .Any(v => v.GetProperty("status").GetString() == "published" && v.GetProperty("effectiveFrom").ValueKind == JsonValueKind.String
                      && DateOnly.Parse(v.GetProperty("effectiveFrom").GetString()!, CultureInfo.InvariantCulture) <= today);
        if (inForce)
        {
            return;
        }

        const string bpmn = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:qadam="http://qadam.kz/schema/bpmn"
                              id="defs_emergency" targetNamespace="http://qadam.kz/test">
              <bpmn:process id="emergency-transfer" isExecutable="true">
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="confirm" />
                <bpmn:userTask id="confirm" qadam:candidateRoles="regionalOfficer" qadam:organisationScope="r1"
                               qadam:labelKk="Бұйрықты растау" qadam:labelRu="Подтверждение приказа" />
                <bpmn:sequenceFlow id="f2" sourceRef="confirm" targetRef="end" />
                <bpmn:endEvent id="end" />
              </bpmn:process>
            </bpmn:definitions>
            """;
        using var draft = await legal.PostAsync($"/api/definitions/{key}/drafts", new StringContent(bpmn, Encoding.UTF8, "application/xml"));
        Assert.True(draft.IsSuccessStatusCode, await draft.Content.ReadAsStringAsync());
        var version = JsonDocument.Parse(await draft.Content.ReadAsStringAsync()).RootElement.GetProperty("version").GetInt32();
        using var publish = await legal.PostAsync($"/api/definitions/{key}/versions/{version}/publish", new StringContent(JsonSerializer.Serialize(new
        {
            effectiveFrom = "2020-01-01", legalBasis = new { act = BrowserApplication.Act, edition = "2025-103", paragraph = "п. 4" },
        }), Encoding.UTF8, "application/json"));
        Assert.True(publish.IsSuccessStatusCode, await publish.Content.ReadAsStringAsync());
    }

    private async Task FileBrowserApplicationCaseAsync()
    {
        using var parent = await fixture.ClientForAsync("parent.p1");
        using var children = JsonDocument.Parse(await parent.GetStringAsync("/api/parents/me/children"));
        using var clerk = await fixture.ClientForAsync("clerk.s1");
        using var response = await clerk.PostAsync("/api/cases", new StringContent(JsonSerializer.Serialize(new
        {
            pathway = BrowserApplication.Key, studentIin = children.RootElement[0].GetProperty("iin").GetString(), ground = "Заявление родителя",
            filedOn = DateTime.UtcNow.AddHours(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }), Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
