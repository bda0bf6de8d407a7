using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// The university's receipt of the regional emergency order over HTTP (order 97 para 2, 25, 27): the registrar registers
/// it, records the practice moved to a later period, the rector signs the order, which is read back through LibreOffice.
/// </summary>
public sealed class UniversityEmergencyEndToEndTests(WorkflowsApiFactory api) : IClassFixture<WorkflowsApiFactory>
{
    [Theory]
    [InlineData("ru")]
    [InlineData("kk")]
    public async Task The_registrar_registers_the_regional_order_and_the_rector_signs_the_order_moving_all_students(string language)
    {
        var today = Pathways.Today;
        using var registrar = await api.ClientForAsync("registrar.u1");
        var number = "ЧС-у1-" + language;
        using var posted = await registrar.PostAsync("/api/universities/emergency-transfers", Pathways.Json(new
        {
            issuingBody = "r1", number, date = today,
            period = new { from = today, to = today.AddDays(14) }, ground = "Карантин", language,
        }));
        Assert.True(posted.StatusCode == HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
        var receipt = await posted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("u1", receipt.GetProperty("organisation").GetString());
        var instanceId = receipt.GetProperty("processInstanceId").GetString();

        await MassPathwaysEndToEndTests.CompleteAsync(api, registrar, "registerReceipt", new
        {
            postponedDisciplines = "D09 — кәсіби практика / профессиональная практика", postponedTo = "2-семестр / 2-й семестр",
        });
        using var rector = await api.ClientForAsync("rector.u1");
        using var dean = await api.ClientForAsync("dean.u1");
        JsonElement? task = null;
        for (var i = 0; i < 60 && task is null; i++)
        {
            var page = await rector.GetFromJsonAsync<JsonElement>("/api/tasks?element=signOrder");
            task = page.GetProperty("items").EnumerateArray()
                .Where(t => t.GetProperty("definitionKey").GetString() == "university-emergency").Select(t => (JsonElement?)t).FirstOrDefault();
            if (task is null)
            {
                await Task.Delay(250);
            }
        }

        Assert.NotNull(task);
        var documents = await SignedDocuments.SignTheStepAsync(api, rector, dean, task.Value.GetProperty("id").GetString()!, new { distanceFrom = today });
        var order = Assert.Single(documents);
        Assert.Equal(language, order.GetProperty("language").GetString());
        var text = Assert.Single(await SignedDocuments.ReadAsPdfAsync(rector, documents));
        var russian = language == "ru";
        DocumentTexts.Contains(text, DocumentTexts.OrderTitle(language), number,
            russian ? "Управление образования города Астаны" : "Астана қаласының білім басқармасы", "Карантин",
            "D09 — кәсіби практика / профессиональная практика",
            russian ? "Перевести всех обучающихся на дистанционное обучение" : "Барлық білім алушылар",
            russian ? "от 6 октября 2022 года № 97" : "2022 жылғы 6 қазандағы № 97", DocumentTexts.Paragraph(language, "п. 25"), "Ректор");
        SignedDocuments.CarriesOnlyItsNumber(text, order.GetProperty("registryNumber").GetString()!);

        // Once the order is signed, every student of the university learns at a distance (order 97 para 2: "для всех
        // обучающихся"): the transfer of this instance completes with the university's whole roster.
        using var ministry = await api.ClientForAsync("admin.mon");
        JsonElement transfer = default;
        for (var i = 0; i < 120; i++)
        {
            var list = await ministry.GetFromJsonAsync<JsonElement>($"/api/mass-transfers?instance={instanceId}");
            var found = list.EnumerateArray().Where(t => t.GetProperty("direction").GetString() == "distance").ToList();
            if (found.Count == 1 && found[0].GetProperty("status").GetString() is "completed" or "failed")
            {
                transfer = found[0];
                break;
            }

            await Task.Delay(250);
        }

        Assert.Equal(JsonValueKind.Object, transfer.ValueKind);
        Assert.Equal("completed", transfer.GetProperty("status").GetString());
        Assert.True(transfer.GetProperty("total").GetInt32() >= 4, transfer.ToString());
        Assert.Equal(transfer.GetProperty("total").GetInt32(), transfer.GetProperty("done").GetInt32());
    }

    [Theory]
    [InlineData("kk", "Бұйрықтың нөмірі көрсетілуі керек")]
    [InlineData("ru", "Укажите номер приказа")]
    public async Task An_order_without_a_number_is_422_naming_the_field_in_the_callers_language_and_a_dean_may_not_register_one(
        string language, string message)
    {
        var today = Pathways.Today;
        using var registrar = await api.ClientForAsync("registrar.u1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/universities/emergency-transfers")
        {
            Content = Pathways.Json(new { issuingBody = "r1", number = "", date = today, period = new { from = today, to = today }, ground = "ЧС" }),
        };
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var refused = await registrar.SendAsync(request);
        using var dean = await api.ClientForAsync("dean.u1");
        using var forbidden = await dean.PostAsync("/api/universities/emergency-transfers", Pathways.Json(new
        {
            issuingBody = "УО", number = "1", date = today, period = new { from = today, to = today }, ground = "ЧС",
        }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(message, problem.GetProperty("errors").GetProperty("number")[0].GetString());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Theory]
    [InlineData("kk", "білім басқармасы")]
    [InlineData("ru", "управление образования")]
    public async Task An_issuer_that_is_not_a_regional_education_department_is_422_naming_the_field(string language, string message)
    {
        var today = Pathways.Today;
        using var registrar = await api.ClientForAsync("registrar.u1");
        foreach (var issuer in new[] { "Управление образования города Астаны", "d1", "s1" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/universities/emergency-transfers")
            {
                Content = Pathways.Json(new
                {
                    issuingBody = issuer, number = "ЧС-x", date = today, period = new { from = today, to = today.AddDays(3) }, ground = "ЧС",
                }),
            };
            request.Headers.AcceptLanguage.ParseAdd(language);
            using var refused = await registrar.SendAsync(request);

            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            var errors = problem.GetProperty("errors");
            Assert.Contains(message, errors.GetProperty("issuingBody")[0].GetString(), StringComparison.OrdinalIgnoreCase);
            Assert.False(errors.TryGetProperty("number", out _), errors.ToString());
        }
    }
}
