using Microsoft.Playwright;

namespace Qadam.Browser.Tests;

/// <summary>
/// A college files online learning for one of its educational programmes, with no student (order 225 para 7; order 349
/// Annex 2 para 5): the filing screen asks the programme instead of a student, in kk on a desktop and in ru on a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OrganisationCaseFilingTests(BrowserFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_college_clerk_files_online_learning_for_a_programme_and_the_case_names_the_programme_not_a_student()
    {
        var clerk = await fixture.NewPageAsync();
        clerk.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        try
        {
            // given clerk.c1 of the college on the filing screen, choosing online learning
            await BrowserFixture.SignInAsync(clerk, "clerk.c1");
            await clerk.GotoAsync("/app/cases");
            await clerk.Locator("#case-pathway").SelectOptionAsync("tvet-online");

            // then the student's picker gives way to the programme's fields
            await clerk.Locator("[data-testid='case-programme']").WaitForAsync();
            Assert.False(await clerk.Locator("#case-student").IsVisibleAsync());

            // when the clerk files without the programme, the fields say what is missing, in Kazakh
            await clerk.Locator("#file-case").ClickAsync();
            var codeError = clerk.Locator(".field-error[data-field='programmeCode']:not(:empty)");
            await codeError.WaitForAsync();
            Assert.Contains("бағдарлама", await codeError.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
            await BrowserFixture.ShotAsync(clerk, "organisation-case-01-programme-required-kk");

            // and with the programme's code and name the case is filed and its page names the programme
            await clerk.Locator("#case-programme-code").FillAsync("06130100");
            await clerk.Locator("#case-programme-name").FillAsync("Бағдарламалық қамтамасыз ету");
            if (await clerk.Locator("#case-ground").IsVisibleAsync())
            {
                await clerk.Locator("#case-ground").FillAsync("Онлайн оқыту");
            }

            await clerk.Locator("#file-case").ClickAsync();
            await clerk.Locator("h1[data-case-number]").WaitForAsync();
            var page = await clerk.Locator("main").InnerTextAsync();
            Assert.Contains("06130100", page, StringComparison.Ordinal);
            Assert.Contains("Бағдарламалық қамтамасыз ету", page, StringComparison.Ordinal);
            await BrowserFixture.ShotAsync(clerk, "organisation-case-02-filed-kk");
        }
        catch
        {
            await BrowserFixture.ShotAsync(clerk, "organisation-case-failure");
            throw;
        }
    }

    [Fact]
    public async Task On_a_phone_in_russian_the_programme_fields_fit_the_screen()
    {
        var clerk = await fixture.NewPageAsync(390, 844, "ru-RU");
        clerk.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        await BrowserFixture.SignInAsync(clerk, "clerk.c1");
        await clerk.GotoAsync("/app/cases");
        try
        {
            await clerk.Locator("#language").SelectOptionAsync("ru");
            // (the screen is drawn again in Russian: choose the pathway on the new one)
            await clerk.Locator("[data-testid='file-case'] h2", new PageLocatorOptions { HasTextString = "Зарегистрировать дело" }).WaitForAsync();
            await clerk.Locator("#case-pathway").SelectOptionAsync("tvet-online");
            var fields = clerk.Locator("[data-testid='case-programme']");
            await fields.WaitForAsync();
            Assert.Contains("Код образовательной программы", await fields.InnerTextAsync(), StringComparison.Ordinal);
            var box = await clerk.Locator("#case-programme-name").BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"the programme's name field runs off a 390 px screen: {box.X} + {box.Width}");
            await BrowserFixture.ShotAsync(clerk, "organisation-case-03-phone-ru");
        }
        catch
        {
            await BrowserFixture.ShotAsync(clerk, "organisation-case-phone-failure");
            throw;
        }
    }
}
