using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Playwright;

namespace Qadam.Browser.Tests;

/// <summary>A legal editor changes a step of the parent application, publishes it effective tomorrow and sees the diff.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LegalEditorTests(BrowserFixture fixture)
{
    private const string ParentApplication = "parent-application";
    private const string EditedLabel = "Мектеп психологының қорытындысы (өзгертілген)";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task LegalEditor_ChangesLabel_ValidatesSavesPublishesTomorrow_AndSeesTheDiff()
    {
        // given the parent application as seeded from workflows/ (its newest edition published)
        var page = await fixture.NewPageAsync();
        page.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        try
        {
            await EditPublishAndCompareAsync(page);
        }
        catch
        {
            await ShotAsync(page, "failure");
            throw;
        }
    }

    private async Task EditPublishAndCompareAsync(IPage page)
    {
        var step = PsychologistStep();

        // when legal.r1 signs in
        await BrowserFixture.SignInAsync(page, "legal.r1");
        var versions = page.Locator($"h2[data-key='{ParentApplication}'] + table tbody tr");
        await versions.First.WaitForAsync();
        var published = int.Parse(await versions.First.GetAttributeAsync("data-version") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        await ShotAsync(page, "01-definitions");

        // and opens the newest version, then the same on the psychologist's step, and changes its Kazakh label in the panel
        await versions.First.Locator("a.button").First.ClickAsync();
        await page.Locator($".djs-element[data-element-id='{step.Id}']").First.WaitForAsync();
        await page.GotoAsync($"/app/definitions/{ParentApplication}/versions/{published}?element={step.Id}");
        await page.Locator($".djs-element.selected[data-element-id='{step.Id}']").WaitForAsync();
        var label = page.Locator("#bio-properties-panel-qadam-labelKk");
        Assert.Equal(step.LabelKk, await label.InputValueAsync());
        await label.FillAsync(EditedLabel);
        await ShotAsync(page, "02-modeler-label-edited");

        // and switches to Russian and back: the panel speaks Russian and the unsaved edit stays
        await page.Locator("#language").SelectOptionAsync("ru");
        await page.Locator("[data-testid='properties-panel']").GetByText("Название (на казахском)").WaitForAsync();
        await page.Locator("#validate", new PageLocatorOptions { HasTextString = "Проверить" }).WaitForAsync();
        Assert.Equal(EditedLabel, await label.InputValueAsync());
        await ShotAsync(page, "02b-modeler-ru");
        await page.Locator("#language").SelectOptionAsync("kk");

        // and unticks the step's roles and validates at once: the server's problem is shown on the step
        var roles = page.Locator("#bio-properties-panel-qadam-candidateRoles");
        var ticked = roles.Locator("input[type='checkbox']:checked");
        Assert.Equal(step.CandidateRoles.Split(','), await ticked.EvaluateAllAsync<string[]>("boxes => boxes.map(b => b.dataset.role)"));
        foreach (var role in step.CandidateRoles.Split(','))
        {
            await roles.Locator($"input[data-role='{role}']").UncheckAsync();
        }
        await page.Locator("#validate").ClickAsync();
        await page.Locator($".qadam-problem-badge[data-element-id='{step.Id}']").WaitForAsync();
        await page.Locator($"[data-testid='problems'] li[data-element-id='{step.Id}']").WaitForAsync();
        await ShotAsync(page, "02c-problem-on-element");
        foreach (var role in step.CandidateRoles.Split(','))
        {
            await roles.Locator($"input[data-role='{role}']").CheckAsync();
        }

        // and validates again, now without problems
        await page.Locator("#validate").ClickAsync();
        await page.Locator(".modeler-status .notice-success").WaitForAsync();
        Assert.Equal(0, await page.Locator(".qadam-problem-badge").CountAsync());
        await ShotAsync(page, "03-validated");

        // and saves a draft
        await page.Locator("#save-draft").ClickAsync();
        var draft = published + 1;
        await page.Locator(".modeler-status .notice-success", new PageLocatorOptions { HasTextString = $"{draft}" }).WaitForAsync();

        // then the screen shows the templates the draft carries over from the published edition, none missing
        var carried = page.Locator("[data-testid='carried-templates']", new PageLocatorOptions { HasTextString = $"{draft}-нұсқа" });
        await carried.WaitForAsync();
        await carried.Locator("li[data-template-key='order-transfer'][data-complete='true']").WaitForAsync();
        Assert.Equal(0, await carried.Locator(".template-missing").CountAsync());
        Assert.Contains("қазақ: бар", await carried.Locator("li[data-template-key='order-transfer']").InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(page, "03b-draft-templates");

        // and publishes it effective tomorrow, reading what changes for new cases
        await page.Locator("#publish").ClickAsync();
        var dialog = page.Locator("[data-testid='publish-dialog']");
        await dialog.WaitForAsync();
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(5)).AddDays(1);
        Assert.Equal(tomorrow.ToString("yyyy-MM-dd"), await page.Locator("#effective-from").InputValueAsync());
        Assert.NotEmpty(await page.Locator("#legal-act").InputValueAsync());
        var change = dialog.Locator($"li[data-element-id='{step.Id}'] [data-attribute='qadam:labelKk']");
        await change.WaitForAsync();
        Assert.Contains(EditedLabel, await change.InnerTextAsync(), StringComparison.Ordinal);
        await dialog.Locator(".keep-edition").WaitForAsync();
        await ShotAsync(page, "04-publish-confirmation");
        await page.Locator("#confirm-publish").ClickAsync();
        await page.Locator("[data-testid='compare-after-publish']").WaitForAsync();

        // then the comparison of the two versions shows the step changed, in the list and coloured on the diagram
        await page.Locator("[data-testid='compare-after-publish']").ClickAsync();
        var changed = page.Locator($"[data-testid='diff-list'] li.diff-changed[data-element-id='{step.Id}']");
        await changed.WaitForAsync();
        Assert.Contains(EditedLabel, await changed.InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator($"[data-testid='compare-after'] .djs-element.qadam-diff-changed[data-element-id='{step.Id}']").WaitForAsync();
        Assert.Equal(1, await page.Locator("[data-testid='diff-list'] li.diff-item").CountAsync());
        await ShotAsync(page, "05-diff");

        // and the API has the new version published from tomorrow
        using var client = await fixture.ClientForAsync("legal.r1");
        using var answer = JsonDocument.Parse(await client.GetStringAsync($"/api/definitions/{ParentApplication}/versions/{draft}"));
        var version = answer.RootElement.GetProperty("version");
        Assert.Equal("published", version.GetProperty("status").GetString());
        Assert.Equal(tomorrow.ToString("yyyy-MM-dd"), version.GetProperty("effectiveFrom").GetString());
    }

    [Fact]
    public async Task FrontEnd_MakesNoRequestToAnotherHost()
    {
        // given a page that records the host of every request it makes
        await fixture.EnsureBrowserApplicationAsync();
        var page = await fixture.NewPageAsync();
        page.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        var foreign = new List<string>();
        page.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.Scheme is "http" or "https" && !(url.Host == "127.0.0.1" && url.Port == fixture.Port))
            {
                lock (foreign)
                {
                    foreign.Add(request.Url);
                }
            }
        };

        // when the legal editor signs in, opens the modeler and the comparison
        await BrowserFixture.SignInAsync(page, "legal.r1");
        await page.Locator($"h2[data-key='{BrowserApplication.Key}'] + table tr[data-version='1'] a.button").First.ClickAsync();
        await page.Locator(".djs-element[data-element-id='review']").First.WaitForAsync();
        await page.GotoAsync($"/app/definitions/{BrowserApplication.Key}/compare?from=1&to=1");
        await page.Locator("[data-testid='diff-list']").WaitForAsync();

        // then every request went to the API's own origin
        Assert.Empty(foreign);
    }

    /// <summary>The psychologist's conclusion as the newest seeded edition writes it.</summary>
    private static (string Id, string LabelKk, string CandidateRoles) PsychologistStep()
    {
        XNamespace bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
        XNamespace qadam = "http://qadam.kz/schema/bpmn";
        var file = Directory.EnumerateFiles(Path.Combine(BrowserFixture.RepositoryRoot, "workflows", ParentApplication), "*.bpmn")
            .Order(StringComparer.Ordinal).Last();
        var task = XDocument.Load(file).Descendants(bpmn + "userTask").First(t => (string?)t.Attribute("id") == "psychologistConclusion");
        return ((string)task.Attribute("id")!, (string)task.Attribute(qadam + "labelKk")!, (string)task.Attribute(qadam + "candidateRoles")!);
    }

    private static Task ShotAsync(IPage page, string name) => BrowserFixture.ShotAsync(page, $"legal-{name}");
}
