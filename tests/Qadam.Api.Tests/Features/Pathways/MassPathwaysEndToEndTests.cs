using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Qadam.Api.Tests.Features.Definitions;
using Qadam.Workflows.Execution;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// The emergency and weather pathways over HTTP with the repository's workflows: the regional department's system
/// (client credentials) or officer starts them, every student concerned is moved, each school's order is rendered in
/// Kazakh and Russian, its head signs both, LibreOffice reads them, and the parent gets the notice with the child's name.
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
            issuingBody = "Акимат города Астаны", number = "ЧС-e2e", date = today, territory = "d1",
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

        var (texts, numbers) = await HeadSignsTheOrderAsync("head.s1", "schoolOrder", new { classesCovered = "1-11", modeOfWork = "Дистанционно / Қашықтан" });
        foreach (var (language, text) in texts)
        {
            DocumentTexts.Contains(text, DocumentTexts.OrderTitle(language), DocumentTexts.School1(language), "ЧС-e2e", DocumentTexts.Basis(language),
                DocumentTexts.Act2025In(language), DocumentTexts.Paragraph(language, "п. 22"));
            SignedDocuments.CarriesOnlyItsNumber(text, numbers[language]);
        }

        await ParentIsToldAsync(language: "ru", "переведён(а) на дистанционное обучение");
    }

    [Fact]
    public async Task A_frost_decision_moves_the_first_shifts_grades_the_table_chose_and_each_head_signs_the_order()
    {
        using var regional = await api.ClientForAsync("regional.r1");
        using var opened = await regional.PostAsync("/api/weather-decisions", Pathways.Json(new { language = "kk" }));
        Assert.True(opened.StatusCode == HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var instance = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetString();

        // -31 °C with 6 m/s: grades 0-11 and college years 1-2 of the first shift (the Astana indicators).
        var forDate = Pathways.Today.AddDays(1).ToString("yyyy-MM-dd");
        await CompleteAsync(regional, instance!, "enterWeather", new
        {
            forDate, shiftGroup = "first", source = "forecast", temperature = -31, windSpeed = 6, blizzard = false,
        });

        var order = new
        {
            classesAndShift = "0-11, 1 ауысым / 1 смена", modeOfWork = "Қашықтан / Дистанционно",
            responsibleAdministration = "Директордың орынбасары / Заместитель директора", responsibleTeachers = "Сынып жетекшілері / Классные руководители",
            postedOnWebsite = true,
        };
        var (texts, numbers) = await HeadSignsTheOrderAsync("head.s1", "schoolOrders", order);
        // The transfer follows when every school with a first shift has its order, each signed by its own head.
        foreach (var head in new[] { "head.s2", "head.s3", "head.c1" })
        {
            using var client = await api.ClientForAsync(head);
            var task = await WaitForAsync(async () =>
            {
                var page = await client.GetFromJsonAsync<JsonElement>("/api/tasks?element=schoolOrders");
                return page.GetProperty("items").EnumerateArray().Select(t => (JsonElement?)t).FirstOrDefault();
            }, $"{head} to get schoolOrders");
            var detail = await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{task.GetProperty("id").GetString()}");
            await SignedDocuments.SignAndVerifyAsync(client, detail.GetProperty("documents").EnumerateArray().Where(d => d.GetProperty("toSign").GetBoolean()));
            await CompleteAsync(client, instance, "schoolOrders", order);
        }

        foreach (var (language, text) in texts)
        {
            DocumentTexts.Contains(text, DocumentTexts.OrderTitle(language), DocumentTexts.School1(language), DocumentTexts.Basis(language), DocumentTexts.Act2025In(language));
            SignedDocuments.CarriesOnlyItsNumber(text, numbers[language]);
        }

        var transfer = await WaitForAsync(async () =>
        {
            var list = await regional.GetFromJsonAsync<JsonElement>($"/api/mass-transfers?instance={instance}");
            return list.GetArrayLength() == 1 && list[0].GetProperty("status").GetString() == "completed" ? list[0] : (JsonElement?)null;
        }, "the weather transfer to complete");
        Assert.Equal(await FirstShiftOfAsync(), transfer.GetProperty("done").GetInt32());
    }

    /// <summary>
    /// The head finds the school's task, which lists both orders it signs (kk, ru); completing before signing is refused, the
    /// council secretary may not sign, 20 signatures at once store one; then it completes. The orders' texts and numbers by language.
    /// </summary>
    private async Task<(List<(string Language, string Text)> Texts, Dictionary<string, string> Numbers)> HeadSignsTheOrderAsync(
        string head, string element, object data)
    {
        using var client = await api.ClientForAsync(head);
        using var secretary = await api.ClientForAsync("secretary.s1");
        var task = await WaitForAsync(async () =>
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/tasks?element={element}");
            return page.GetProperty("items").EnumerateArray().Select(t => (JsonElement?)t).FirstOrDefault();
        }, $"{head} to get {element}");
        var documents = await SignedDocuments.SignTheStepAsync(api, client, secretary, task.GetProperty("id").GetString()!, data);
        Assert.Equal(["kk", "ru"], documents.Select(d => d.GetProperty("language").GetString()).Order());

        var pdfTexts = await SignedDocuments.ReadAsPdfAsync(client, documents);
        var texts = documents.Select((d, i) => (d.GetProperty("language").GetString()!, pdfTexts[i])).ToList();
        return (texts, documents.ToDictionary(d => d.GetProperty("language").GetString()!, d => d.GetProperty("registryNumber").GetString()!));
    }

    private async Task CompleteAsync(HttpClient client, string? instance, string element, object data)
    {
        var task = await WaitForAsync(async () =>
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/tasks?element={element}");
            return page.GetProperty("items").EnumerateArray().Select(t => (JsonElement?)t).FirstOrDefault();
        }, $"the task {element}");
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

    private async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, string what)
        where T : struct
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            await using (var scope = api.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<ProcessEngine>().RunDueJobsAsync();
            }

            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Waited 15 s for {what}.");
    }

    private Task<int> StudentsOfAsync(params string[] schools) => CountAsync(
        """SELECT count(*)::int FROM qadam.students s JOIN qadam.organisations o ON o."Id" = s."OrganisationId" WHERE o."Code" = ANY(@codes)""", schools);

    private Task<int> FirstShiftOfAsync() => CountAsync("""
        SELECT count(*)::int FROM qadam.students s JOIN qadam.organisations o ON o."Id" = s."OrganisationId"
        WHERE s."Shift" = 1 AND s."Level" <> 'Tvet'
        -- The demo college's groups (intakes of 2023 and 2024) are past the first two years the table names.
        """, []);

    private async Task<int> CountAsync(string sql, string[] codes)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("codes", codes);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
