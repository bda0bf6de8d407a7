using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// A TVET online working curriculum (2025 edition, 349/103 Annex 2 para 5) over HTTP in Kazakh and in Russian:
/// below 30 % synchronous hours it goes back for revision, at 30 % the head signs the approval order and it is registered.
/// </summary>
public sealed class TvetOnlineEndToEndTests(WorkflowsApiFactory api) : IClassFixture<WorkflowsApiFactory>
{
    private static object Curriculum(int sync) => new
    {
        programmeCode = "06130100", programmeName = "Бағдарламалық қамтамасыз ету / Программное обеспечение",
        totalHours = 4200, practiceHours = 1200, syncHours = sync, asyncHours = 3000 - sync,
    };

    [Theory]
    [InlineData("kk")]
    [InlineData("ru")]
    public async Task A_curriculum_below_30_percent_is_revised_then_approved_by_the_heads_signed_order(string language)
    {
        using var @case = await PathwayCase.FileAsync(api, "clerk.c1", "tvet-online", await Pathways.FirstStudentOfAsync(api, "c1"), language,
            Pathways.Today);

        await @case.CompleteAsync("clerk.c1", "enterCurriculum", Curriculum(899));
        // 899 of 3000 hours: below 30 %, back for revision (the revision status is a job the API's own worker may be running).
        IReadOnlyList<string> open = [];
        for (var attempt = 0; attempt < 50 && open.Count == 0; attempt++)
        {
            open = await @case.OpenTasksAsync("clerk.c1");
            if (open.Count == 0)
            {
                await Task.Delay(100);
            }
        }

        Assert.Equal(["enterCurriculum"], open);
        await @case.CompleteAsync("clerk.c1", "enterCurriculum", Curriculum(900));
        var order = (await @case.DocumentsAsync("head.c1", "online-curriculum-order"))["online-curriculum-order"];
        await @case.SignStepAsync("head.c1", "approveCurriculum", new { }, "secretary.c1");
        await @case.SignAndVerifyAsync("head.c1", order);
        var text = Assert.Single(await @case.ReadAsPdfAsync("head.c1", order));

        // An institutional order: the organisation, the programme and the group, not the student whose case carried it.
        Assert.DoesNotContain(@case.StudentName, text, StringComparison.Ordinal);
        DocumentTexts.Contains(text, DocumentTexts.OrderTitle(language), DocumentTexts.Basis(language), "06130100", "900", "4 200",
            DocumentTexts.Act2025Annex2In(language), DocumentTexts.Paragraph(language, "п. 5"),
            language == "kk" ? "Астана политехникалық колледжі" : "Астанинский политехнический колледж");
        SignedDocuments.CarriesOnlyItsNumber(text, order.GetProperty("registryNumber").GetString()!);

        // The college decides the form of attestation; an online one needs the head's confirmation of online proctoring
        // (103 Annex 2 para 7 part 2) before the plan is registered.
        Assert.Equal(["attestationForm"], await @case.OpenTasksSettledAsync("head.c1"));
        await @case.CompleteAsync("head.c1", "attestationForm", new { attestationOnline = "yes" });
        Assert.Equal(["proctoringConfirmation"], await @case.OpenTasksSettledAsync("head.c1"));
        Assert.NotEqual("registered", (await @case.ReadAsync("clerk.c1")).GetProperty("status").GetString());
        await @case.CompleteAsync("head.c1", "proctoringConfirmation", new { proctoringSystem = "Examus", proctoringConfirmed = "yes" });
        await @case.RunJobsAsync();
        Assert.Equal("registered", (await @case.ReadAsync("clerk.c1")).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("kk", "ТжКББ ұйымының білім беру бағдарламасы бойынша тіркеледі")]
    [InlineData("ru", "регистрируется по образовательной программе организации ТиППО")]
    public async Task Online_learning_filed_for_a_school_student_is_refused_with_422_naming_the_student(string language, string expected)
    {
        using var clerk = await api.ClientForAsync("clerk.s1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
        {
            Content = Pathways.Json(new
            {
                pathway = "tvet-online", studentIin = await Pathways.ChildOfParentP1Async(api), ground = Pathways.GroundOf("tvet-online"),
                filedOn = Pathways.Today.ToString("yyyy-MM-dd"), language, data = new { },
            }),
        };
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var refused = await clerk.SendAsync(request);
        var problem = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(refused.Content);

        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var errors = problem.GetProperty("errors").GetProperty("studentIin");
        Assert.Contains(expected, errors[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_proctoring_confirmation_is_refused_with_422_naming_the_field_when_left_unanswered()
    {
        using var @case = await PathwayCase.FileAsync(api, "clerk.c1", "tvet-online", await Pathways.StudentOfAsync(api, "c1", 1), "ru", Pathways.Today);
        await @case.CompleteAsync("clerk.c1", "enterCurriculum", Curriculum(1200));
        await @case.SignStepAsync("head.c1", "approveCurriculum", new { }, "secretary.c1");
        await @case.CompleteAsync("head.c1", "attestationForm", new { attestationOnline = "yes" });

        var head = await @case.ClientAsync("head.c1");
        var page = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(head,
            $"/api/tasks?caseId={@case.Id}&element=proctoringConfirmation");
        var taskId = page.GetProperty("items")[0].GetProperty("id").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{taskId}/complete")
        {
            Content = Pathways.Json(new { data = new { proctoringSystem = "Examus" } }),
        };
        request.Headers.AcceptLanguage.ParseAdd("ru");
        using var refused = await head.SendAsync(request);
        var problem = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(refused.Content);

        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("data.proctoringConfirmed", out _), problem.ToString());
        Assert.Equal(["proctoringConfirmation"], await @case.OpenTasksAsync("head.c1"));
    }
}
