using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Persistence;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// Admission to online learning (order 97 chapter 3) over HTTP in Kazakh and in Russian: the student files, the registrar
/// records the programme's conditions and the contract, the rector signs the admission order, which the student reads
/// back through LibreOffice; a programme short of one condition gets a notice naming the rule and its paragraph.
/// </summary>
public sealed class UniversityOnlineEndToEndTests(WorkflowsApiFactory api) : IClassFixture<WorkflowsApiFactory>
{
    private async Task<string> IinOfAsync(string userName)
    {
        _ = api.Server;
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Iin!).SingleAsync();
    }

    private static string Day(int days) => Definitions.Pathways.Today.AddDays(days).ToString("yyyy-MM-dd");

    private static object Programme(int minSyncPercent = 25) => new
    {
        serversInKazakhstan = true, dataTransferToAuthority = true, periodStart = Day(30), contentPlacedOn = Day(1),
        programmeCredits = 240, moocCredits = 30, minSyncPercent, facultyTrainingHours = 80,
    };

    private static readonly object Contract = new
    {
        contractNumber = "ОН-2026/41", contractDate = Day(0), contractTechnical = true, contractPersonalData = true, contractPlatformTerms = true,
        transferFromOtherForm = "yes", transferInVacation = true, transferPaid = true,
    };

    [Theory]
    [InlineData("ru")]
    [InlineData("kk")]
    public async Task The_student_files_the_registrar_records_the_conditions_and_the_rector_signs_the_admission_read_back_through_LibreOffice(
        string language)
    {
        using var @case = await PathwayCase.FileAsync(
            api, "student2.u1", "university-online", await IinOfAsync("student2.u1"), language, Definitions.Pathways.Today);
        await @case.CompleteAsync("registrar.u1", "programmeConditions", Programme());
        await @case.CompleteAsync("registrar.u1", "studentContract", Contract);
        var signed = await @case.SignStepAsync("rector.u1", "signOrder", new { admittedFrom = Day(30) }, "dean.u1");
        var order = Assert.Single(signed);
        await @case.SignAndVerifyAsync("rector.u1", order);
        var text = Assert.Single(await @case.ReadAsPdfAsync("student2.u1", order));

        var russian = language == "ru";
        DocumentTexts.Contains(text, DocumentTexts.OrderTitle(language), @case.StudentName, "6B04101", "Экономика", "ОН-2026/41",
            russian ? "О приёме обучающегося на онлайн-обучение" : "Білім алушыны онлайн-оқытуға қабылдау туралы",
            russian ? "на платной основе" : "ақылы негізде",
            DocumentTexts.Basis(language), russian ? "от 6 октября 2022 года № 97" : "2022 жылғы 6 қазандағы № 97",
            DocumentTexts.Paragraph(language, "п. 29"), "Ректор");
        SignedDocuments.CarriesOnlyItsNumber(text, order.GetProperty("registryNumber").GetString()!);
        Assert.Equal("admitted", (await @case.ReadAsync("student2.u1")).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("ru", "синхронные занятия по дисциплине, кроме МООК, составляют менее 20 % её объёма")]
    [InlineData("kk", "МООК-тан басқа пәннің синхронды сабақтары оның көлемінің 20 %-ынан аз")]
    public async Task A_programme_with_too_few_synchronous_classes_is_refused_and_the_notice_names_the_rule_and_para_34(
        string language, string rule)
    {
        using var @case = await PathwayCase.FileAsync(
            api, "registrar.u1", "university-online", await IinOfAsync("student2.u1"), language, Definitions.Pathways.Today);
        await @case.CompleteAsync("registrar.u1", "programmeConditions", Programme(minSyncPercent: 15));
        await @case.CompleteAsync("registrar.u1", "studentContract", Contract);

        var notice = (await @case.DocumentsAsync("registrar.u1", "online-admission-notice"))["online-admission-notice"];
        var text = Assert.Single(await @case.ReadAsPdfAsync("student2.u1", notice));
        DocumentTexts.Contains(text, DocumentTexts.NoticeTitle(language), rule, language == "kk" ? "34-тармақ" : "п. 34");
        Assert.Equal("refused", (await @case.ReadAsync("student2.u1")).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await @case.ClientAsync("student3.u1")).GetAsync($"/api/cases/{@case.Id}")).StatusCode);
    }
}
