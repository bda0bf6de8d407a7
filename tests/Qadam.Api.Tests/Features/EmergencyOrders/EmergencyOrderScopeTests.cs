using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Qadam.Api.Tests.Features.Definitions;
using Qadam.Api.Tests.Features.EndToEnd;

namespace Qadam.Api.Tests.Features.EmergencyOrders;

/// <summary>
/// Who may order an emergency transfer and whom it moves (order 349 para 5; order 103 para 22): only the education
/// department of an oblast or of Astana, Almaty, Shymkent issues it, named by its organisation and printed in each language;
/// it covers a territory, organisations, or classes and groups within them, and exactly those students move and return.
/// </summary>
public sealed class EmergencyOrderScopeTests(WorkflowsApiFactory api) : IClassFixture<WorkflowsApiFactory>
{
    [Fact]
    public async Task An_order_for_three_classes_of_one_school_moves_exactly_those_students_and_lifting_returns_them_all_at_once()
    {
        var today = Pathways.Today;
        using var integration = await Pathways.IntegrationClientAsync(api);
        using var posted = await integration.PostAsync("/api/emergency-orders", Pathways.Json(new
        {
            issuingBody = "r1", number = "ЧС-classes", date = today, organisations = new[] { "s1" },
            classes = new Dictionary<string, string[]> { ["s1"] = ["1А", "5Б", "9А"] },
            period = new { from = today, to = today.AddDays(6) }, ground = "Карантин по ОРВИ / ЖРВИ бойынша карантин",
        }));
        Assert.True(posted.StatusCode == HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
        var order = await posted.Content.ReadFromJsonAsync<JsonElement>();
        var orderId = order.GetProperty("id").GetString();
        Assert.Equal("Астана қаласының білім басқармасы", order.GetProperty("issuer").GetProperty("nameKk").GetString());
        Assert.Equal("Управление образования города Астаны", order.GetProperty("issuer").GetProperty("nameRu").GetString());
        Assert.Equal(["1А", "5Б", "9А"], order.GetProperty("classes").GetProperty("s1").EnumerateArray().Select(c => c.GetString()));

        using var regional = await api.ClientForAsync("regional.r1");
        var transfer = await MassPathwaysEndToEndTests.WaitForAsync(api, async () =>
        {
            var list = await regional.GetFromJsonAsync<JsonElement>($"/api/mass-transfers?order={orderId}");
            return list.GetArrayLength() == 1 && list[0].GetProperty("status").GetString() == "completed" ? list[0] : (JsonElement?)null;
        }, "the mass transfer to complete");

        // The three classes' students, and no one else of the school (11А stays in class).
        var inClasses = await ScalarAsync("""
            SELECT count(*)::int FROM qadam.students s JOIN qadam.organisations o ON o.id = s.organisation_id
            WHERE o.code = 's1' AND s.class_name IN ('1А', '5Б', '9А')
            """);
        Assert.True(inClasses > 0);
        Assert.Equal(inClasses, transfer.GetProperty("done").GetInt32());
        Assert.Equal(0, await ScalarAsync($"""
            SELECT count(*)::int FROM qadam.student_transfers d JOIN qadam.students s ON s.id = d.student_id
            WHERE d.transfer_id = '{transfer.GetProperty("id").GetString()}' AND s.class_name NOT IN ('1А', '5Б', '9А')
            """));

        // The school's order names those three classes, carried from the department's order, in both languages (para 16(1)).
        var (texts, _) = await MassPathwaysEndToEndTests.HeadSignsTheOrderAsync(api, "head.s1", "schoolOrderForm", new
        {
            modeOfWork = "Кезекші топтар / Дежурные группы", responsibleAdministration = "Сейтова А.", responsibleTeachers = "Иванова Е.",
        });
        foreach (var (language, text) in texts)
        {
            DocumentTexts.Contains(text, language == "kk" ? "1А, 5Б, 9А сыныптарының, топтарының" : "классов, групп: 1А, 5Б, 9А");
            Assert.DoesNotContain("11А", text, StringComparison.Ordinal);
        }

        using var lifted = await regional.PostAsync($"/api/emergency-orders/{orderId}/lifting", Pathways.Json(new { number = "ЧС-classes/1", date = today }));
        Assert.True(lifted.StatusCode == HttpStatusCode.OK, await lifted.Content.ReadAsStringAsync());
        var back = await MassPathwaysEndToEndTests.WaitForAsync(api, async () =>
        {
            var list = await regional.GetFromJsonAsync<JsonElement>($"/api/mass-transfers?order={orderId}");
            return list.EnumerateArray().FirstOrDefault(t => t.GetProperty("direction").GetString() == "return") is { ValueKind: JsonValueKind.Object } r
                   && r.GetProperty("status").GetString() == "completed" ? r : (JsonElement?)null;
        }, "the return to complete");
        Assert.Equal(inClasses, back.GetProperty("done").GetInt32());
    }

    [Fact]
    public async Task District_offices_free_text_issuers_and_unknown_classes_are_refused_naming_the_field_in_the_callers_language()
    {
        var today = Pathways.Today;
        using var integration = await Pathways.IntegrationClientAsync(api);
        integration.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");

        async Task<(HttpStatusCode Status, string Fields, string Text)> PostAsync(HttpClient client, string issuer, string number, object? classes = null)
        {
            using var response = await client.PostAsync("/api/emergency-orders", Pathways.Json(new
            {
                issuingBody = issuer, number, date = today, organisations = new[] { "s1", "s2" }, classes,
                period = new { from = today, to = today.AddDays(3) }, ground = "Паводок",
            }));
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            var errors = body.GetProperty("errors");
            return (response.StatusCode, string.Join(",", errors.EnumerateObject().Select(p => p.Name)),
                string.Join(" ", errors.EnumerateObject().SelectMany(p => p.Value.EnumerateArray()).Select(m => m.GetString())));
        }

        // Free text, an akimat, or a district office: not the body para 22 names.
        var freeText = await PostAsync(integration, "Акимат города Астаны", "ЧС-x1");
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "issuingBody"), (freeText.Status, freeText.Fields));
        Assert.Contains("управлением образования области", freeText.Text, StringComparison.Ordinal);
        var district = await PostAsync(integration, "d1", "ЧС-x2");
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "issuingBody"), (district.Status, district.Fields));

        // Another region's department: the caller does not act for it.
        var other = await PostAsync(integration, "r2", "ЧС-x3");
        Assert.Equal((HttpStatusCode.Forbidden, "issuingBody"), (other.Status, other.Fields));

        // Classes the roster does not have, or of a school the order does not cover.
        var unknown = await PostAsync(integration, "r1", "ЧС-x4", new Dictionary<string, string[]> { ["s1"] = ["5Б", "7Я"] });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "classes.s1"), (unknown.Status, unknown.Fields));
        Assert.Contains("7Я", unknown.Text, StringComparison.Ordinal);
        var uncovered = await PostAsync(integration, "r1", "ЧС-x5", new Dictionary<string, string[]> { ["s3"] = ["3А"] });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "classes.s3"), (uncovered.Status, uncovered.Fields));
    }

    private async Task<int> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
