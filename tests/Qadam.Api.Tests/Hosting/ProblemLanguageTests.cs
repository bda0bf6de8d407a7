using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Qadam.Api.Tests.Hosting;

/// <summary>A refused request answers in the language the person reads (Accept-Language: kk by default, ru), never in English.</summary>
public sealed partial class ProblemLanguageTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    [Theory]
    [InlineData("kk", "Кейбір өрістер қабылданбады.", "ЖСН-нің жетінші цифры", "болашақта")]
    [InlineData("kk-KZ,kk;q=0.9,ru;q=0.8", "Кейбір өрістер қабылданбады.", "ЖСН-нің жетінші цифры", "болашақта")]
    [InlineData(null, "Кейбір өрістер қабылданбады.", "ЖСН-нің жетінші цифры", "болашақта")]
    [InlineData("ru", "Некоторые поля не приняты.", "Седьмая цифра ИИН", "в будущем")]
    [InlineData("en-US,en;q=0.9,ru;q=0.8", "Некоторые поля не приняты.", "Седьмая цифра ИИН", "в будущем")]
    public async Task A_refused_filing_answers_422_in_Kazakh_or_Russian_by_Accept_Language(
        string? acceptLanguage, string title, string iinMessage, string dateMessage)
    {
        // given a clerk filing with an IIN whose seventh digit is 7 and a filing date next year
        using var clerk = await api.ClientForAsync("clerk.s1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
        {
            Content = JsonContent.Create(new
            {
                pathway = "parent-application", studentIin = "900615700011", ground = "Өтініш",
                filedOn = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd"),
            }),
        };
        request.Headers.Remove("Accept-Language");
        clerk.DefaultRequestHeaders.AcceptLanguage.Clear();
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        // when it is sent
        using var response = await clerk.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        // then the 422 names the fields, worded in the person's language, with no English outside the developer extensions
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors");
        Assert.StartsWith(iinMessage, errors.GetProperty("studentIin")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains(dateMessage, errors.GetProperty("filedOn")[0].GetString(), StringComparison.Ordinal);
        Assert.Matches(@"\d{2}\.\d{2}\.\d{4}", errors.GetProperty("filedOn")[0].GetString());
        foreach (var text in new[] { problem.GetProperty("title").GetString()!, problem.GetProperty("detail").GetString()! }
                     .Concat(errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString()!))))
        {
            Assert.DoesNotMatch(EnglishWord(), text);
        }

        Assert.Contains("seventh digit", problem.GetProperty("developerErrors").GetProperty("studentIin")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kk", "Табылмады.")]
    [InlineData("ru", "Не найдено.")]
    public async Task A_missing_case_answers_404_in_the_language_asked_for(string language, string title)
    {
        // given a clerk asking for a case that does not exist
        using var clerk = await api.ClientForAsync("clerk.s1");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{Guid.NewGuid()}");
        request.Headers.TryAddWithoutValidation("Accept-Language", language);

        // when it is asked for
        using var response = await clerk.SendAsync(request);

        // then the problem's title is not "Not Found" but the person's language
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        if (body.Length > 0)
        {
            Assert.Equal(title, JsonDocument.Parse(body).RootElement.GetProperty("title").GetString());
        }
    }

    /// <summary>Three or more Latin letters in a row: an English word in a Kazakh or Russian sentence.</summary>
    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex EnglishWord();
}
