using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Persistence;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// A TVET online working curriculum (2025 edition, 349/103 Annex 2 para 5) over HTTP in Kazakh and in Russian. It is the
/// college's own case: its clerk files it for the college and one educational programme, with no student; below 30 %
/// synchronous hours it goes back for revision, at 30 % the head signs the approval order, which names the programme and
/// the college and no student, and it is registered. A parent never sees it; the region does.
/// </summary>
public sealed class TvetOnlineEndToEndTests(WorkflowsApiFactory api) : IClassFixture<WorkflowsApiFactory>
{
    private static object Curriculum(int sync) => new
    {
        totalHours = 4200, practiceHours = 1200, syncHours = sync, asyncHours = 3000 - sync,
    };

    [Theory]
    [InlineData("kk")]
    [InlineData("ru")]
    public async Task The_college_files_a_programme_with_no_student_and_the_heads_signed_order_names_the_programme_and_the_college(string language)
    {
        using var @case = await PathwayCase.FileForProgrammeAsync(api, "clerk.c1", "tvet-online", language, Pathways.Today);
        Assert.Equal(JsonValueKind.Null, @case.Filed.GetProperty("studentIin").ValueKind);
        Assert.Equal(PathwayCase.ProgrammeCode, @case.Filed.GetProperty("programmeCode").GetString());
        Assert.Equal("c1", @case.Filed.GetProperty("organisation").GetString());

        await @case.CompleteAsync("clerk.c1", "enterCurriculum", Curriculum(899));
        // 899 of 3000 hours: below 30 %, back for revision (the revision status is a job the API's own worker may be running).
        Assert.Equal(["enterCurriculum"], await @case.OpenTasksSettledAsync("clerk.c1"));
        await @case.CompleteAsync("clerk.c1", "enterCurriculum", Curriculum(900));
        var order = (await @case.DocumentsAsync("head.c1", "online-curriculum-order"))["online-curriculum-order"];
        await @case.SignStepAsync("head.c1", "approveCurriculum", new { }, "secretary.c1");
        await @case.SignAndVerifyAsync("head.c1", order);

        // The order as stored (DOCX read back): the organisation and the programme, and no student of the college.
        var head = await @case.ClientAsync("head.c1");
        var docx = Docx(await head.GetByteArrayAsync($"/api/documents/{order.GetProperty("id").GetString()}/content"));
        var college = language == "kk" ? "Астана политехникалық колледжі" : "Астанинский политехнический колледж";
        Assert.Contains($"{PathwayCase.ProgrammeCode} «{PathwayCase.ProgrammeName}»", docx, StringComparison.Ordinal);
        Assert.Contains(language == "kk" ? $"білім беру ұйымы — {college}" : $"организация образования — {college}", docx, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", docx, StringComparison.Ordinal);
        foreach (var student in await StudentsOfAsync("c1"))
        {
            Assert.DoesNotContain(student, docx, StringComparison.Ordinal);
        }

        var text = Assert.Single(await @case.ReadAsPdfAsync("head.c1", order));
        DocumentTexts.Contains(text, DocumentTexts.OrderTitle(language), DocumentTexts.Basis(language), "06130100", "900", "4 200",
            DocumentTexts.Act2025Annex2In(language), DocumentTexts.Paragraph(language, "п. 5"), college);
        SignedDocuments.CarriesOnlyItsNumber(text, order.GetProperty("registryNumber").GetString()!);

        // The college decides the form of attestation; an online one needs the head's confirmation of online proctoring
        // (103 Annex 2 para 7 part 2) before the plan is registered.
        Assert.Equal(["attestationForm"], await @case.OpenTasksSettledAsync("head.c1"));
        await @case.CompleteAsync("head.c1", "attestationForm", new { attestationOnline = "yes" });
        Assert.Equal(["proctoringConfirmation"], await @case.OpenTasksSettledAsync("head.c1"));
        Assert.NotEqual("registered", (await @case.ReadAsync("clerk.c1")).GetProperty("status").GetString());
        await @case.CompleteAsync("head.c1", "proctoringConfirmation", new { proctoringSystem = "Examus", proctoringConfirmed = "yes" });
        await @case.RunJobsAsync();
        var registered = await @case.ReadAsync("clerk.c1");
        Assert.Equal("registered", registered.GetProperty("status").GetString());
        Assert.Equal(PathwayCase.ProgrammeName, registered.GetProperty("programmeName").GetString());

        // The organisation's staff and the region see it; a parent sees it nowhere.
        Assert.Equal(HttpStatusCode.OK, (await (await @case.ClientAsync("regional.r1")).GetAsync($"/api/cases/{@case.Id}")).StatusCode);
        var parent = await @case.ClientAsync("parent.p1");
        Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync($"/api/cases/{@case.Id}")).StatusCode);
        Assert.DoesNotContain(@case.Id, await parent.GetStringAsync("/api/cases?pageSize=200"), StringComparison.Ordinal);
        Assert.DoesNotContain(@case.Id, await parent.GetStringAsync("/api/parents/me/cases"), StringComparison.Ordinal);
        Assert.DoesNotContain(@case.Id, await parent.GetStringAsync("/api/parents/me/notifications"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync($"/api/documents/{order.GetProperty("id").GetString()}")).StatusCode);
    }

    [Theory]
    [InlineData("kk", "білім алушыны көрсетпеңіз", "коды міндетті", "атауы міндетті", "сегіз цифры")]
    [InlineData("ru", "обучающегося не указывайте", "код образовательной программы обязателен", "наименование образовательной программы обязательно", "восемь цифр")]
    public async Task A_student_given_or_a_programme_missing_is_refused_with_422_naming_the_field(
        string language, string noStudent, string noCode, string noName, string badCode)
    {
        var student = await Pathways.FirstStudentOfAsync(api, "c1");
        var cases = await CaseNumbersAsync();

        await AssertRefusedAsync("clerk.c1", new { studentIin = student, programmeCode = "06130100", programmeName = "Программное обеспечение" },
            language, "studentIin", noStudent);
        await AssertRefusedAsync("clerk.c1", new { programmeName = "Программное обеспечение" }, language, "programmeCode", noCode);
        await AssertRefusedAsync("clerk.c1", new { programmeCode = "06130100" }, language, "programmeName", noName);
        await AssertRefusedAsync("clerk.c1", new { programmeCode = "ПО-1", programmeName = "Программное обеспечение" }, language, "programmeCode", badCode);

        Assert.Equal(cases, await CaseNumbersAsync());
    }

    [Theory]
    [InlineData("kk", "колледж қызметкері ретінде")]
    [InlineData("ru", "как работник колледжа")]
    public async Task Only_a_colleges_staff_file_online_learning_and_their_filing_form_asks_the_programme_not_a_student(string language, string expected)
    {
        using var collegeClerk = await api.ClientForAsync("clerk.c1");
        using var schoolClerk = await api.ClientForAsync("clerk.s1");

        var forms = await collegeClerk.GetFromJsonAsync<JsonElement>("/api/cases/filing-forms");
        var online = forms.EnumerateArray().Single(f => f.GetProperty("key").GetString() == "tvet-online");
        var keys = online.GetProperty("form").GetProperty("components").EnumerateArray().Select(c => c.GetProperty("key").GetString()).ToList();
        Assert.Equal(["programmeCode", "programmeName", "ground", "filedOn", "language"], keys);
        var schoolForms = await schoolClerk.GetFromJsonAsync<JsonElement>("/api/cases/filing-forms");
        Assert.DoesNotContain(schoolForms.EnumerateArray(), f => f.GetProperty("key").GetString() == "tvet-online");

        await AssertRefusedAsync("clerk.s1", new { programmeCode = "06130100", programmeName = "Программное обеспечение" }, language, "pathway", expected);
        await AssertRefusedAsync("regional.r1", new { programmeCode = "06130100", programmeName = "Программное обеспечение" }, language, "pathway", expected);
    }

    [Fact]
    public async Task The_proctoring_confirmation_is_refused_with_422_naming_the_field_when_left_unanswered()
    {
        using var @case = await PathwayCase.FileForProgrammeAsync(api, "clerk.c1", "tvet-online", "ru", Pathways.Today, "4S06130103", "Разработчик программного обеспечения");
        await @case.CompleteAsync("clerk.c1", "enterCurriculum", Curriculum(1200));
        await @case.SignStepAsync("head.c1", "approveCurriculum", new { }, "secretary.c1");
        await @case.CompleteAsync("head.c1", "attestationForm", new { attestationOnline = "yes" });

        var head = await @case.ClientAsync("head.c1");
        var page = await head.GetFromJsonAsync<JsonElement>($"/api/tasks?caseId={@case.Id}&element=proctoringConfirmation");
        var taskId = page.GetProperty("items")[0].GetProperty("id").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{taskId}/complete")
        {
            Content = Pathways.Json(new { data = new { proctoringSystem = "Examus" } }),
        };
        request.Headers.AcceptLanguage.ParseAdd("ru");
        using var refused = await head.SendAsync(request);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("data.proctoringConfirmed", out _), problem.ToString());
        Assert.Equal(["proctoringConfirmation"], await @case.OpenTasksAsync("head.c1"));
    }

    private async Task AssertRefusedAsync(string user, object subject, string language, string field, string expected)
    {
        using var client = await api.ClientForAsync(user);
        var body = JsonSerializer.SerializeToNode(subject)!.AsObject();
        body["pathway"] = "tvet-online";
        body["ground"] = Pathways.GroundOf("tvet-online");
        body["filedOn"] = Pathways.Today.ToString("yyyy-MM-dd");
        body["language"] = language;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = Pathways.Json(body) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var refused = await client.SendAsync(request);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(refused.StatusCode == HttpStatusCode.UnprocessableEntity, $"{user} {body.ToJsonString()}: {refused.StatusCode} {problem}");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var errors), problem.ToString());
        Assert.Contains(expected, errors[0].GetString(), StringComparison.Ordinal);
    }

    private async Task<List<string>> StudentsOfAsync(string organisation)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        return await (from s in db.Students
                      join o in db.Organisations on s.OrganisationId equals o.Id
                      where o.Code == organisation
                      select s.FullName).ToListAsync();
    }

    private async Task<List<string>> CaseNumbersAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        return await db.Cases.Where(c => c.PathwayKey == "tvet-online").OrderBy(c => c.Number).Select(c => c.Number).ToListAsync();
    }

    /// <summary>The document's paragraphs as Word holds them, one a line.</summary>
    private static string Docx(byte[] content)
    {
        using var opened = WordprocessingDocument.Open(new MemoryStream(content), false);
        return string.Join('\n', opened.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
    }
}
