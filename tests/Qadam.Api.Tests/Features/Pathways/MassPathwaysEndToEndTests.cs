using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Qadam.Api.Tests.Features.Definitions;
using Qadam.Workflows.Execution;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// The emergency and weather pathways over HTTP with the repository's workflows: the regional department's system
/// (client credentials) or officer starts them, every student concerned is moved, each school's head fills in the order,
/// it is rendered from that form in Kazakh and Russian, the head signs both, LibreOffice reads them, and the parent gets
/// the notice with the child's name; the department lifts the order early and every student returns at once.
/// A school's order under these pathways names the school and its classes rather than one student; the student's name is
/// in the parent's notice.
/// </summary>
public sealed class MassPathwaysEndToEndTests(WorkflowsApiFactory api) : IClassFixture<WorkflowsApiFactory>
{
    [Fact]
    public async Task An_emergency_order_moves_the_district_and_each_head_signs_the_schools_order_in_kazakh_and_russian()
    {
        var today = Pathways.Today;
        using var integration = await Pathways.IntegrationClientAsync(api);
        using var posted = await integration.PostAsync("/api/emergency-orders", Pathways.Json(new
        {
            issuingBody = "r1", number = "ЧС-e2e", date = today, territory = "d1",
            period = new { from = today, to = today.AddDays(6) }, ground = "Морозы ниже -30 °C",
        }));
        Assert.True(posted.StatusCode == HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
        var orderId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        using var regional = await api.ClientForAsync("regional.r1");
        var transfer = await WaitForAsync(async () =>
        {
            var list = await regional.GetFromJsonAsync<JsonElement>($"/api/mass-transfers?order={orderId}");
            return list.GetArrayLength() == 1 && list[0].GetProperty("status").GetString() == "completed" ? list[0] : (JsonElement?)null;
        }, "the mass transfer to complete");
        Assert.Equal(await StudentsOfAsync("s1", "s2"), transfer.GetProperty("done").GetInt32());
        Assert.Equal(["s1", "s2"], transfer.GetProperty("schools").EnumerateArray().Select(s => s.GetProperty("organisation").GetString()));

        var (texts, numbers) = await HeadSignsTheOrderAsync(api, "head.s1", "schoolOrderForm", new
        {
            modeOfWork = "Кезекші топтар / Дежурные группы",
            responsibleAdministration = "Сейтова А. (орынбасар / заместитель)", responsibleTeachers = "Иванова Е., Ахметов Б.",
        });
        foreach (var (language, text) in texts)
        {
            // The order states the classes the regional order moves at s1 (every one of its roster, both shifts: para 16(1)),
            // what the head filled in (mode of work, the people responsible), and one number.
            DocumentTexts.Contains(text, DocumentTexts.OrderTitle(language), DocumentTexts.School1(language), "ЧС-e2e", DocumentTexts.Basis(language),
                language == "kk" ? "Астана қаласының білім басқармасы" : "Управление образования города Астаны",
                DocumentTexts.Act2025In(language), DocumentTexts.Paragraph(language, "п. 22"),
                language == "kk" ? "1А, 5Б, 9А, 11А сыныптарының, топтарының (1, 2 ауысым)" : "классов, групп: 1А, 5Б, 9А, 11А (смена: 1, 2)",
                "Кезекші топтар / Дежурные группы",
                "Сейтова А.", "Иванова Е., Ахметов Б.");
            SignedDocuments.CarriesOnlyItsNumber(text, numbers[language]);
        }

        await ParentIsToldAsync(language: "ru", "переведён(а) на дистанционное обучение");

        // The department lifts its order early: every school's students come back at once, though s2 has not even ordered.
        using var lifted = await regional.PostAsync($"/api/emergency-orders/{orderId}/lifting", Pathways.Json(new { number = "ЧС-e2e/1", date = today }));
        Assert.True(lifted.StatusCode == HttpStatusCode.OK, await lifted.Content.ReadAsStringAsync());
        var back = await WaitForAsync(async () =>
        {
            var list = await regional.GetFromJsonAsync<JsonElement>($"/api/mass-transfers?order={orderId}");
            return list.EnumerateArray().FirstOrDefault(t => t.GetProperty("direction").GetString() == "return") is { ValueKind: JsonValueKind.Object } r
                   && r.GetProperty("status").GetString() == "completed" ? r : (JsonElement?)null;
        }, "the return to complete");
        Assert.Equal(transfer.GetProperty("done").GetInt32(), back.GetProperty("done").GetInt32());
        using var again = await regional.PostAsync($"/api/emergency-orders/{orderId}/lifting", Pathways.Json(new { number = "ЧС-e2e/2", date = today }));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var unknown = await regional.PostAsync($"/api/emergency-orders/{Guid.CreateVersion7()}/lifting", Pathways.Json(new { number = "1", date = today }));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    /// <summary>
    /// The head fills in the school's order (<paramref name="formElement"/>), then finds the signing task, which lists both
    /// orders rendered from that form (kk, ru); completing before signing is refused, the council secretary may not sign,
    /// 20 signatures at once store one; then the head records the website posting. The orders' texts and numbers by language.
    /// </summary>
    internal static async Task<(List<(string Language, string Text)> Texts, Dictionary<string, string> Numbers)> HeadSignsTheOrderAsync(
        WorkflowsApiFactory api, string head, string formElement, object form, Func<Task>? tick = null, string outsider = "secretary.s1")
    {
        using var client = await api.ClientForAsync(head);
        using var secretary = await api.ClientForAsync(outsider);
        await CompleteAsync(api, client, formElement, form, tick);
        var task = await WaitForAsync(api, async () =>
        {
            var page = await client.GetFromJsonAsync<JsonElement>("/api/tasks?element=signSchoolOrder");
            return page.GetProperty("items").EnumerateArray().Select(t => (JsonElement?)t).FirstOrDefault();
        }, $"{head} to get signSchoolOrder", tick);
        var school = head.Split('.')[1];
        var documents = await SignedDocuments.SignTheStepAsync(api, client, secretary, task.GetProperty("id").GetString()!,
            new { websiteUrl = $"https://{school}.edu.kz/orders/remote", postedOnNoticeBoard = true });
        Assert.Equal(["kk", "ru"], documents.Select(d => d.GetProperty("language").GetString()).Order());

        var pdfTexts = await SignedDocuments.ReadAsPdfAsync(client, documents);
        var texts = documents.Select((d, i) => (d.GetProperty("language").GetString()!, pdfTexts[i])).ToList();
        return (texts, documents.ToDictionary(d => d.GetProperty("language").GetString()!, d => d.GetProperty("registryNumber").GetString()!));
    }

    internal static async Task CompleteAsync(WorkflowsApiFactory api, HttpClient client, string element, object data, Func<Task>? tick = null)
    {
        var task = await WaitForAsync(api, async () =>
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/tasks?element={element}");
            return page.GetProperty("items").EnumerateArray().Select(t => (JsonElement?)t).FirstOrDefault();
        }, $"the task {element}", tick);
        using var done = await client.PostAsync($"/api/tasks/{task.GetProperty("id").GetString()}/complete", Pathways.Json(new { data }));
        Assert.True(done.StatusCode == HttpStatusCode.OK, $"{element}: {done.StatusCode} {await done.Content.ReadAsStringAsync()}");
    }

    private async Task ParentIsToldAsync(string language, string expected)
    {
        using var parent = await api.ClientForAsync("parent.p1");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/parents/me/notifications");
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await parent.SendAsync(request);
        var notice = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().First(n => n.GetProperty("kind").GetString() == "transfer");
        Assert.Contains(expected, notice.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(notice.GetProperty("studentName").GetString()!, notice.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    private Task<T> WaitForAsync<T>(Func<Task<T?>> probe, string what)
        where T : struct => WaitForAsync(api, probe, what);

    /// <summary>Runs the engine's due jobs (and <paramref name="tick"/>, e.g. its due timers) until the probe finds something.</summary>
    internal static async Task<T> WaitForAsync<T>(WorkflowsApiFactory api, Func<Task<T?>> probe, string what, Func<Task>? tick = null)
        where T : struct
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            await using (var scope = api.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<ProcessEngine>().RunDueJobsAsync();
            }

            if (tick is not null)
            {
                await tick();
            }

            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        // Say why: the jobs that failed meanwhile (a step that throws is retried, and the wait sees only its absence).
        await using var diagnostics = api.Services.CreateAsyncScope();
        var failed = await diagnostics.ServiceProvider.GetRequiredService<Qadam.Workflows.Persistence.WorkflowsDbContext>().Jobs
            .Where(j => j.LastError != null).Select(j => j.ElementId + ": " + j.LastError).Take(3).ToListAsync();
        throw new TimeoutException($"Waited 15 s for {what}. {string.Join(" | ", failed)}");
    }

    private Task<int> StudentsOfAsync(params string[] schools) => CountAsync(
        """SELECT count(*)::int FROM qadam.students s JOIN qadam.organisations o ON o.id = s.organisation_id WHERE o.code = ANY(@codes)""", schools);

    private async Task<int> CountAsync(string sql, string[] codes)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("codes", codes);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
