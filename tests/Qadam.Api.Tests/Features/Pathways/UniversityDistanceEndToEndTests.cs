using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Persistence;
using Qadam.Documents.Rendering;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// A university student's transfer on a VKK conclusion under order 97 (2022 edition) over HTTP in Kazakh and in Russian:
/// the student files their own case, the registrar registers the conclusion, the dean draws up the individual plan, the
/// plan is checked against para 20's caps, the rector signs the order; the student reads it back, another student cannot.
/// </summary>
public sealed class UniversityDistanceEndToEndTests(WorkflowsApiFactory api) : IClassFixture<WorkflowsApiFactory>
{
    private async Task<string> IinOfAsync(string userName)
    {
        _ = api.Server;
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Iin!).SingleAsync();
    }

    [Theory]
    [InlineData("ru")]
    [InlineData("kk")]
    public async Task The_student_files_the_dean_plans_and_the_rector_signs_the_order_read_back_through_LibreOffice(string language)
    {
        var today = Definitions.Pathways.Today;
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd");
        using var @case = await PathwayCase.FileAsync(api, "student.u1", "university-distance", await IinOfAsync("student.u1"), language, today);
        var conclusion = await @case.AttachEvidenceAsync("student.u1");

        await @case.CompleteAsync("registrar.u1", "registerApplication", new
        {
            documentEvidenceId = conclusion, reason = "vkk", documentNumber = "ВКК-3310", documentDate = Day(-1), issuer = "Городская поликлиника № 7",
            periodFrom = Day(0), periodTo = Day(45),
        });
        // One of ten pedagogy disciplines is already at a distance; one more makes 20 %, the cap of order 97 para 20 part 1.
        await @case.CompleteAsync("dean.u1", "deanReview", new
        {
            deanDecision = "approve", distanceDisciplines = new[] { "D02" }, distancePercent = 20, mobilityCredits = 0, format = "mixed",
            schedule = "консультации по средам / сәрсенбі сайын кеңес",
        });
        var signed = await @case.SignStepAsync("rector.u1", "signOrder", new { distanceFrom = Day(0) }, "dean.u1");
        var order = Assert.Single(signed);
        await @case.SignAndVerifyAsync("rector.u1", order);
        var text = Assert.Single(await @case.ReadAsPdfAsync("student.u1", order));

        var russian = language == "ru";
        DocumentTexts.Contains(text, DocumentTexts.OrderTitle(language), @case.StudentName, "6B01101",
            russian ? "Педагогика и психология" : "Педагогика және психология", "ВКК-3310", "D02",
            ValueFormatter.FormatDate(today, russian ? DocumentLanguage.Ru : DocumentLanguage.Kk),
            ValueFormatter.FormatDate(today.AddDays(45), russian ? DocumentLanguage.Ru : DocumentLanguage.Kk),
            DocumentTexts.Basis(language), russian ? "от 6 октября 2022 года № 97" : "2022 жылғы 6 қазандағы № 97", "Ректор");
        SignedDocuments.CarriesOnlyItsNumber(text, order.GetProperty("registryNumber").GetString()!);

        var mine = await (await @case.ClientAsync("student.u1")).GetAsync($"/api/cases/{@case.Id}");
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal("transferred", (await @case.ReadAsync("student.u1")).GetProperty("status").GetString());
        var other = await (await @case.ClientAsync("student2.u1")).GetAsync($"/api/cases/{@case.Id}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task A_plan_past_the_cap_is_refused_and_the_notice_names_the_rule_and_the_excess()
    {
        var today = Definitions.Pathways.Today;
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd");
        using var @case = await PathwayCase.FileAsync(api, "registrar.u1", "university-distance", await IinOfAsync("student3.u1"), "ru", today);
        var letter = await @case.AttachEvidenceAsync("registrar.u1", "letter-12-04-551.pdf");
        await @case.CompleteAsync("registrar.u1", "registerApplication", new
        {
            documentEvidenceId = letter, reason = "competition", documentNumber = "12-04/551", documentDate = Day(-3), issuer = "Министерство туризма и спорта",
            periodFrom = Day(0), periodTo = Day(20),
        });
        // Law is capped at 20 % of the disciplines: 1 + 2 of 10 is 30 %.
        await @case.CompleteAsync("dean.u1", "deanReview", new
        {
            deanDecision = "approve", distanceDisciplines = new[] { "D02", "D03" }, distancePercent = 20, format = "async", schedule = "—",
        });

        var notice = (await @case.DocumentsAsync("registrar.u1", "student-notice"))["student-notice"];
        var text = Assert.Single(await @case.ReadAsPdfAsync("registrar.u1", notice));
        DocumentTexts.Contains(text, "УВЕДОМЛЕНИЕ", "отказано", "3 из 10 дисциплин (30 %) при пределе 20 %, превышение на 10 %",
            "п. 20, часть первая");
        Assert.Equal("refused", (await @case.ReadAsync("student3.u1")).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("ru", "Заключение ВКК или письмо уполномоченного органа")]
    [InlineData("kk", "ДКК қорытындысы немесе уәкілетті органның хаты")]
    public async Task The_registrar_cannot_register_an_application_without_the_VKK_conclusion_or_the_letter_attached(
        string language, string named)
    {
        var today = Definitions.Pathways.Today;
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd");
        using var @case = await PathwayCase.FileAsync(api, "registrar.u1", "university-distance", await IinOfAsync("student2.u1"), language, today);
        var registrar = await @case.ClientAsync("registrar.u1");
        var page = await registrar.GetFromJsonAsync<JsonElement>($"/api/tasks?caseId={@case.Id}&element=registerApplication");
        var taskId = page.GetProperty("items")[0].GetProperty("id").GetString();
        var data = new
        {
            reason = "vkk", documentNumber = "ВКК-9", documentDate = Day(-1), issuer = "Поликлиника № 3",
            periodFrom = Day(0), periodTo = Day(30),
        };

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{taskId}/complete") { Content = JsonContent.Create(new { data }) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var refused = await registrar.SendAsync(request);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains(named, problem.GetProperty("errors").GetProperty("data.documentEvidenceId")[0].GetString());
        Assert.Contains("registerApplication", await @case.OpenTasksAsync("registrar.u1"));

        var conclusion = await @case.AttachEvidenceAsync("registrar.u1");
        await @case.CompleteAsync("registrar.u1", "registerApplication", new
        {
            documentEvidenceId = conclusion, data.reason, data.documentNumber, data.documentDate, data.issuer, data.periodFrom, data.periodTo,
        });
        Assert.Contains("deanReview", await @case.OpenTasksAsync("dean.u1"));
    }
}
