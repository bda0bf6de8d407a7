using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Features.Identity;
using Qadam.Api.Persistence;
using Qadam.Api.Tests.Features.Definitions;
using Qadam.Documents.Pki;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// The refusal paths of the editions in force before 13 May 2025 (order 349 as first published, Annex 2; order 225 for
/// online learning in TVET) over HTTP as the demo roles: each case is filed on 12 May 2025, so it binds to the 2023
/// edition; the body that decides refuses, the head issues and signs the reasoned refusal (349 Annex 2 para 11-12), and
/// only then is the parent told. The parent's notice is read back through LibreOffice → PDF → text in kk and ru: the
/// Kazakh one cites the act in Kazakh (no "Приказ", "приложение", "п.") and dates the application in the
/// locative-attributive («12 мамырдағы»).
/// </summary>
public sealed partial class Refusal2023EndToEndTests(June2025ApiFactory api) : IClassFixture<June2025ApiFactory>
{
    private static readonly DateOnly FiledUnder2023 = new(2025, 5, 12);

    [Theory]
    [InlineData("kk")]
    [InlineData("ru")]
    public async Task Under_2023_the_councils_vote_no_and_the_head_signs_the_refusal_before_the_parent_reads_it(string language)
    {
        await IssueDemoKeysOnTheClockAsync("head.s1");
        using var @case = await PathwayCase.FileAsync(api, "clerk.s1", "parent-application", await Pathways.ChildOfParentP1Async(api), language, FiledUnder2023);
        await AssertBoundTo2023Async(@case, "clerk.s1");
        await @case.CompleteAsync("clerk.s1", "exclusionCheck", new { departsToDangerZone = false, destination = "Астана" });
        await @case.CompleteAsync("psychologist.s1", "psychologistConclusion", new
        {
            psychologistConclusion = "Бала дайын емес / Ребёнок не готов", psychologistRecommends = "no",
        });
        // 2023 asks the child's opinion whatever the age (349 Annex 2 para 11).
        await @case.CompleteAsync("teacher.s1", "childOpinion", new { childOpinion = "Мектепте оқығысы келеді / Хочет учиться в школе", childAgrees = "no" });
        await @case.CompleteAsync("teacher.s1", "livingConditionsAct", new
        {
            inspectionDate = "2025-05-14", livingConditions = "Жеке бөлме / Отдельная комната", hasComputer = true, hasInternet = true, hasWorkplace = true,
            conditionsForDistance = "yes",
        });
        await @case.CompleteAsync("teacher.s1", "academicIndicators", new
        {
            averageMark = 3.1, failedSubjects = 2, academicSummary = "Екі пәннен қарызы бар / Задолженность по двум предметам",
        });
        await @case.VoteAsync("councilVote", "no", [.. Enumerable.Range(1, 5).Select(i => $"council{i}.s1")]);
        await @case.VoteAsync("trusteesVote", "no", [.. Enumerable.Range(1, 3).Select(i => $"trustee{i}.s1")]);

        Assert.DoesNotContain("refusalReasons", await @case.OpenTasksAsync("clerk.s1"));
        await @case.CompleteAsync("head.s1", "refusalReasons", Reasons(language,
            "Кеңестер көпшілік дауыспен қарсы: екі пән бойынша академиялық қарыз", "Советы большинством голосов против: академическая задолженность по двум предметам",
            "п. 11 пп. 2)"));

        Assert.False(await ParentToldAsync(@case, 1), "nothing reaches the parent before the head signs");
        var text = await SignedNoticeAsync(@case, "head.s1", "secretary.s1", language);
        Assert.True(await ParentToldAsync(@case, 150), "the parent is told once the head has signed");
        DocumentTexts.Contains(text,
            language == "kk" ? "екі пән бойынша академиялық қарыз" : "академическая задолженность по двум предметам",
            language == "kk"
                ? "Бас тарту туралы шешім қабылдаған: білім беру ұйымының педагогикалық кеңесі мен қамқоршылық кеңесі"
                : "Решение об отказе принято педагогическим советом и попечительским советом");
    }

    [Theory]
    [InlineData("kk")]
    [InlineData("ru")]
    public async Task Under_2023_a_competition_participant_departing_to_a_danger_zone_is_refused_by_the_head_who_signs(string language)
    {
        await IssueDemoKeysOnTheClockAsync("head.s1");
        using var @case = await PathwayCase.FileAsync(api, "clerk.s1", "competition", await Pathways.ChildOfParentP1Async(api), language, FiledUnder2023);
        await AssertBoundTo2023Async(@case, "clerk.s1");
        Assert.Equal("competition-letter-2023", await FormKeyAsync(@case, "clerk.s1", "registerLetter"));
        await @case.CompleteAsync("clerk.s1", "registerLetter", new
        {
            authorityName = "Управление физической культуры и спорта", letterNumber = "04-12/318", letterDate = "2025-05-10",
            eventKind = "sport", eventName = "Республиканский турнир", eventLevel = "national", periodFrom = "2025-05-20", periodTo = "2025-05-30",
            // 349 Annex 2 para 9, part two (2023): no distance learning for a departure to a zone of military action or terrorist danger.
            departsToDangerZone = true, letterEvidenceId = await @case.AttachEvidenceAsync("clerk.s1", "letter.pdf"),
        });

        Assert.Equal(["refusalReasons"], await @case.OpenTasksSettledAsync("head.s1"));
        await @case.CompleteAsync("head.s1", "refusalReasons", Reasons(language,
            "Білім алушы террористік қауіп аймағына кетеді", "Обучающийся выезжает в зону террористической опасности", "п. 9"));
        Assert.Equal(["signRefusal"], await @case.OpenTasksSettledAsync("head.s1"));

        Assert.False(await ParentToldAsync(@case, 1), "nothing reaches the parent before the head signs");
        var text = await SignedNoticeAsync(@case, "head.s1", "secretary.s1", language);
        Assert.True(await ParentToldAsync(@case, 150), "the parent is told once the head has signed");
        DocumentTexts.Contains(text,
            language == "kk" ? "Білім алушы террористік қауіп аймағына кетеді" : "Обучающийся выезжает в зону террористической опасности");
    }

    [Theory]
    [InlineData("medical-commission", "kk")]
    [InlineData("medical-commission", "ru")]
    [InlineData("tvet-online", "kk")]
    [InlineData("tvet-online", "ru")]
    public async Task Under_2023_the_pedagogical_college_is_refused_and_the_head_signs_before_the_parent_is_told(string pathway, string language)
    {
        await IssueDemoKeysOnTheClockAsync("head.c2");
        using var @case = await PathwayCase.FileAsync(api, "clerk.c2", pathway, await StudentAtPedagogicalCollegeAsync(), language, FiledUnder2023);
        await AssertBoundTo2023Async(@case, "clerk.c2");
        if (pathway == "medical-commission")
        {
            await @case.CompleteAsync("clerk.c2", "registerConclusion", new
            {
                conclusionNumber = "ВКК-77", conclusionDate = "2025-05-08", medicalOrganisation = "Городская поликлиника № 2",
                periodFrom = "2025-05-20", periodTo = "2025-06-20", conclusionEvidenceId = await @case.AttachEvidenceAsync("clerk.c2"),
            });
        }

        // The prohibition is read on the day the head decides (1 June 2025, after order 103 came into force): the college is
        // excluded and no exception under art. 37-2 of the Law is left to weigh. Should the table of the filing date apply
        // instead, the head weighs the exception and finds none; either way the head refuses.
        var open = await @case.OpenTasksSettledAsync("head.c2");
        if (open.Contains("exclusionException"))
        {
            await @case.CompleteAsync("head.c2", "exclusionException", new
            {
                exceptionApplies = "no", exceptionReasonKk = "Заңның 37-2-бабының 2-тармағы қолданылмайды", exceptionReasonRu = "П. 2 ст. 37-2 Закона не применяется",
            });
        }

        Assert.Equal(["refusalReasons"], await @case.OpenTasksSettledAsync("head.c2"));
        await @case.CompleteAsync("head.c2", "refusalReasons", Reasons(language,
            "Колледж педагогикалық білім беру бағдарламаларын іске асырады", "Колледж реализует программы педагогического образования", "п. 3-1"));
        Assert.Equal(["signRefusal"], await @case.OpenTasksSettledAsync("head.c2"));

        var text = await SignedNoticeAsync(@case, "head.c2", "secretary.c2", language);
        DocumentTexts.Contains(text,
            language == "kk" ? "Колледж педагогикалық білім беру бағдарламаларын іске асырады" : "Колледж реализует программы педагогического образования",
            language == "kk" ? "Бас тарту туралы шешім қабылдаған: білім беру ұйымының басшысы" : "Решение об отказе принято руководителем организации образования");
    }

    /// <summary>
    /// Signs the refusal step as <paramref name="head"/> (refused before signing, 403 for <paramref name="outsider"/>), then
    /// reads the parent's notice as PDF text and checks what every 2023 refusal notice must say in its language.
    /// </summary>
    private async Task<string> SignedNoticeAsync(PathwayCase @case, string head, string outsider, string language)
    {
        var notice = Assert.Single(await @case.SignStepAsync(head, "signRefusal", new { }, outsider));
        Assert.Equal("parent-notice", notice.GetProperty("templateKey").GetString());
        await @case.RunJobsAsync();
        Assert.Equal("refused", (await @case.ReadAsync(head)).GetProperty("status").GetString());

        var text = Assert.Single(await @case.ReadAsPdfAsync(head, notice));
        DocumentTexts.Contains(text, DocumentTexts.NoticeTitle(language), notice.GetProperty("registryNumber").GetString()!, @case.StudentName,
            language == "kk" ? "дәлелді бас тарту" : "Мотивированный отказ",
            DocumentTexts.Basis(language), DocumentTexts.Act2023In(language),
            language == "kk" ? "2025 жылғы 12 мамырдағы" : "12 мая 2025");
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        if (language == "kk")
        {
            Assert.DoesNotContain("Приказ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("приложени", text, StringComparison.Ordinal);
            Assert.False(RussianParagraph().IsMatch(text), "a Russian paragraph reference in the Kazakh notice: " + text);
        }
        else
        {
            Assert.DoesNotContain("бұйрығ", text, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Whether the parent's feed (as parent.p1) holds a notice of this case, after the engine's due jobs ran.</summary>
    private static async Task<bool> ParentToldAsync(PathwayCase @case, int attempts)
    {
        var parent = await @case.ClientAsync("parent.p1");
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            await @case.RunJobsAsync();
            var feed = await parent.GetFromJsonAsync<JsonElement>("/api/parents/me/notifications");
            if (feed.EnumerateArray().Any(n => n.GetProperty("caseId").GetString() == @case.Id))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static object Reasons(string language, string kk, string ru, string paragraph) => new
    {
        refusalReasonKk = kk, refusalReasonRu = ru,
        refusalLegalBasis = language == "kk"
            ? "Қазақстан Республикасы Оқу-ағарту министрінің 2023 жылғы 27 қарашадағы № 349 бұйрығына 2-қосымша, " + DocumentTexts.Paragraph("kk", paragraph)
            : "Приказ № 349, приложение 2, " + paragraph,
    };

    private static async Task AssertBoundTo2023Async(PathwayCase @case, string user)
    {
        var read = await @case.ReadAsync(user);
        Assert.Equal(1, read.GetProperty("definitionVersion").GetInt32());
    }

    private static async Task<string?> FormKeyAsync(PathwayCase @case, string user, string elementId)
    {
        var page = await (await @case.ClientAsync(user)).GetFromJsonAsync<JsonElement>($"/api/tasks?caseId={@case.Id}&element={elementId}");
        return page.GetProperty("items").EnumerateArray().Single().GetProperty("formKey").GetString();
    }

    /// <summary>
    /// The demo keys the server signs with are issued on first use, valid from the day they are made; on this clock
    /// (June 2025) a key made today would not be valid yet (SignDocument says so with a 422). Issued here on the API's own
    /// clock into its PKI folder, the server finds and uses them, as a head's key issued in 2025 would be.
    /// </summary>
    private async Task IssueDemoKeysOnTheClockAsync(params string[] userNames)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<QadamUser>>();
        using var pki = DemoPki.LoadOrCreate(Path.Combine(api.StateDirectory, "pki"), api.Services.GetRequiredService<TimeProvider>());
        foreach (var name in userNames)
        {
            var user = await users.FindByNameAsync(name) ?? throw new InvalidOperationException($"no demo user {name}");
            using var key = pki.User(user.Iin!, user.DisplayName);
        }
    }

    // c2 has no demo roster: one student of c1 moves there, as a roster import would put them (TvetExclusionEndToEndTests).
    private async Task<string> StudentAtPedagogicalCollegeAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        var c1 = await db.Organisations.SingleAsync(o => o.Code == "c1");
        var c2 = await db.Organisations.SingleAsync(o => o.Code == "c2");
        var student = await db.Students.Where(s => s.OrganisationId == c1.Id || s.OrganisationId == c2.Id).OrderBy(s => s.Iin).Select(s => s.Iin).FirstAsync();
        await db.Database.ExecuteSqlAsync($"""UPDATE qadam.students SET organisation_id = {c2.Id} WHERE iin = {student}""");
        return student;
    }

    // "п." as a word of its own: the Russian abbreviation of «пункт».
    [GeneratedRegex(@"(?<!\p{L})п\.")]
    private static partial Regex RussianParagraph();
}
