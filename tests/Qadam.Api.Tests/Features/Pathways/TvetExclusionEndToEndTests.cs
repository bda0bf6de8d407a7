using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Persistence;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// Who the individual grounds reach, over HTTP: the demo pedagogical college c2 (order 349 para 3-1, 2025 para 3) is
/// refused by its head on the exclusion; a preschool group and an additional-education organisation (349 para 4) cannot
/// file an individual case at all.
/// </summary>
public sealed class TvetExclusionEndToEndTests(WorkflowsApiFactory api) : IClassFixture<WorkflowsApiFactory>
{
    [Fact]
    public async Task A_medical_case_at_the_pedagogical_college_is_refused_by_its_head()
    {
        var student = await Pathways.FirstStudentOfAsync(api, "c2");

        using var @case = await PathwayCase.FileAsync(api, "clerk.c2", "medical-commission", student, "ru", Pathways.Today);
        var day = Pathways.Today.ToString("yyyy-MM-dd");
        var conclusion = await @case.AttachEvidenceAsync("clerk.c2");
        await @case.CompleteAsync("clerk.c2", "registerConclusion", new
        {
            conclusionEvidenceId = conclusion,
            conclusionNumber = "ВКК-77", conclusionDate = day, medicalOrganisation = "Городская поликлиника № 2", periodFrom = day, periodTo = day,
        });

        Assert.Equal(["refusalReasons"], await @case.OpenTasksAsync("head.c2"));
        await @case.CompleteAsync("head.c2", "refusalReasons", new
        {
            refusalReasonKk = "Колледж педагогикалық білім беру бағдарламаларын іске асырады",
            refusalReasonRu = "Колледж реализует программы педагогического образования",
            refusalLegalBasis = "Приказ № 349 в ред. приказа № 103, приложение 1, п. 3",
        });
        // The head's reasoned refusal is signed before the case is refused and the parent told (RefusalEndToEndTests).
        await @case.SignStepAsync("head.c2", "signRefusal", new { }, "secretary.c2");

        await @case.RunJobsAsync();
        var read = await @case.ReadAsync("head.c2");
        Assert.Equal("refused", read.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("parent-application", "head.c2")]
    [InlineData("competition", "head.c2")]
    [InlineData("tvet-online", "head.c2")]
    public async Task Every_other_TVET_ground_at_the_pedagogical_college_goes_to_refusal_under_2025(string pathway, string refuser)
    {
        // One student of c2's demo group per ground, so each case is the student's only one.
        var student = await Pathways.StudentOfAsync(api, "c2", pathway switch { "parent-application" => 1, "competition" => 2, _ => 0 });
        using var @case = await PathwayCase.FileAsync(api, "clerk.c2", pathway, student, "kk", Pathways.Today);
        var day = Pathways.Today.ToString("yyyy-MM-dd");
        if (pathway == "competition")
        {
            await @case.CompleteAsync("clerk.c2", "registerLetter", new
            {
                letterEvidenceId = await @case.AttachEvidenceAsync("clerk.c2", "letter-04-2-1187.pdf"),
                authorityName = "ҚР Туризм және спорт министрлігі", letterNumber = "04-2/1187", letterDate = day, eventKind = "sport",
                eventName = "Азия чемпионаты", eventLevel = "international", periodFrom = day, periodTo = day,
            });
        }

        Assert.Equal(["refusalReasons"], await @case.OpenTasksAsync(refuser));
    }

    [Fact]
    public async Task The_organisations_list_shows_which_restricted_programmes_a_college_runs()
    {
        using var client = api.CreateClient();
        var list = await client.GetFromJsonAsync<JsonElement>("/api/organisations");

        var c2 = list.EnumerateArray().Single(o => o.GetProperty("code").GetString() == "c2");
        Assert.Equal("College", c2.GetProperty("kind").GetString());
        Assert.Equal(["pedagogical"], c2.GetProperty("programmes").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task A_preschool_child_and_an_additional_education_student_get_422_on_the_student()
    {
        var preschool = await Pathways.FirstStudentOfAsync(api, "s2");
        var additional = await Pathways.FirstStudentOfAsync(api, "s3");
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
            var district = await db.Organisations.SingleAsync(o => o.Code == "d2");
            var club = new Organisation("a1", OrganisationKind.AdditionalEducation, "№ 1 балалар шығармашылық үйі", "Дом детского творчества № 1");
            db.Organisations.Add(club);
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlAsync($"""UPDATE qadam.organisations SET parent_id = {district.Id} WHERE id = {club.Id}""");
            await db.Database.ExecuteSqlAsync($"""UPDATE qadam.students SET level = 'Preschool' WHERE iin = {preschool}""");
            await db.Database.ExecuteSqlAsync($"""UPDATE qadam.students SET organisation_id = {club.Id} WHERE iin = {additional}""");
        }

        using var client = await api.ClientForAsync("regional.r1");
        foreach (var iin in new[] { preschool, additional })
        {
            using var response = await client.PostAsync("/api/cases", Pathways.Json(new
            {
                pathway = "medical-commission", studentIin = iin, ground = "medical", filedOn = Pathways.Today.ToString("yyyy-MM-dd"), language = "ru",
            }));
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.True(problem.GetProperty("errors").TryGetProperty("studentIin", out _), problem.ToString());
        }
    }
}
