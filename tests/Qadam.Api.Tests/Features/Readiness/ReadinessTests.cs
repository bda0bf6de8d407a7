using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Qadam.Api.Features.MassTransfers;
using Qadam.Api.Tests.Features.EndToEnd;

namespace Qadam.Api.Tests.Features.Readiness;

/// <summary>
/// Readiness for distance learning (order 349 Annex 1 / order 103 Annex 3, para 1) over HTTP as the demo roles: heads
/// attest, regional officers see, filter and export, councils see it on a case, the region on a mass transfer.
/// The demo data gives s1, s3 and c1 complete records and s2 one without an LMS and with too few certified teachers.
/// </summary>
public sealed class ReadinessTests(WorkflowsApiFactory api) : IClassFixture<WorkflowsApiFactory>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(5));

    [Fact]
    public async Task A_head_attests_every_item_with_evidence_and_the_regional_officer_sees_it_beside_the_incomplete_school()
    {
        using var head = await api.ClientForAsync("head.s3");
        using var regional = await api.ClientForAsync("regional.r1");
        var auditBefore = await CountAsync("""SELECT count(*) FROM qadam.audit_events WHERE action = 'readiness.attested' AND organisation_code = 's3'""");

        using var put = await head.PutAsJsonAsync("/api/readiness/organisations/s3",
            ReadinessPayloads.Attestation(Today.AddMonths(6), ReadinessPayloads.AllMet(lmsUrl: "https://lms.gymnasium3.kz")));
        var attested = await put.Content.ReadFromJsonAsync<JsonElement>();
        var all = await regional.GetFromJsonAsync<JsonElement>("/api/readiness");
        var s3 = Single(all, "s3");
        var s2 = Single(all, "s2");
        var incomplete = await regional.GetFromJsonAsync<JsonElement>("/api/readiness?status=incomplete");
        var withoutLms = await regional.GetFromJsonAsync<JsonElement>("/api/readiness?missing=lms");
        var d2 = await regional.GetFromJsonAsync<JsonElement>("/api/readiness?district=d2");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("ready", attested.GetProperty("status").GetString());
        Assert.Equal(auditBefore + 1, await CountAsync(
            """SELECT count(*) FROM qadam.audit_events WHERE action = 'readiness.attested' AND organisation_code = 's3'"""));
        Assert.Equal(["c1", "s1", "s2", "s3"], all.EnumerateArray().Select(r => r.GetProperty("organisation").GetString()).Order());
        Assert.Equal("ready", s3.GetProperty("status").GetString());
        var record = s3.GetProperty("record");
        Assert.Equal("head.s3", record.GetProperty("attestedBy").GetString());
        Assert.Equal(Today.AddMonths(6).ToString("yyyy-MM-dd"), record.GetProperty("validUntil").GetString());
        Assert.Equal(75.0m, record.GetProperty("certifiedShare").GetDecimal());
        var items = record.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["ict", "digitalAccess", "lms", "teacherDocuments", "ictCertificates", "digitalResources", "informatisation"],
            items.Select(i => i.GetProperty("key").GetString()));
        var lms = items.Single(i => i.GetProperty("key").GetString() == "lms");
        Assert.Equal("https://lms.gymnasium3.kz", lms.GetProperty("evidence").GetProperty("lmsUrl").GetString());
        Assert.Equal("наличие системы управления обучением", lms.GetProperty("textRu").GetString());
        Assert.Equal("оқытуды басқару жүйесінің болуы", lms.GetProperty("textKk").GetString());
        Assert.Equal("3-қосымша, 1-тармақ, 3) тармақша", lms.GetProperty("paragraphKk").GetString());
        Assert.Contains("№ 103 бұйрықтың редакциясында", record.GetProperty("edition").GetProperty("legalBasisKk").GetString(), StringComparison.Ordinal);

        Assert.Equal("incomplete", s2.GetProperty("status").GetString());
        Assert.False(s2.GetProperty("meetsRequirements").GetBoolean());
        Assert.Equal(["lms", "ictCertificates"], s2.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("key").GetString()));
        Assert.Equal(["s2"], incomplete.EnumerateArray().Select(r => r.GetProperty("organisation").GetString()));
        Assert.Equal(["s2"], withoutLms.EnumerateArray().Select(r => r.GetProperty("organisation").GetString()));
        Assert.Equal(["c1", "s3"], d2.EnumerateArray().Select(r => r.GetProperty("organisation").GetString()));
        // The college answers the TVET requirement (sub-para 7); the schools are not asked it.
        Assert.Contains("tvetProgramme", Single(all, "c1").GetProperty("record").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()));
        Assert.DoesNotContain("tvetProgramme", Single(all, "s1").GetProperty("record").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()));
    }

    [Fact]
    public async Task A_met_item_without_its_evidence_or_a_TVET_item_for_a_school_is_refused_naming_the_field_in_the_callers_language()
    {
        using var head = await api.ClientForAsync("head.s1");
        var items = ReadinessPayloads.AllMet();
        items[2] = new { key = "lms", met = true, evidence = new { lmsName = "Kundelik" } };
        using var ru = new HttpRequestMessage(HttpMethod.Put, "/api/readiness/organisations/s1")
        {
            Content = JsonContent.Create(ReadinessPayloads.Attestation(Today.AddMonths(3), items)),
        };
        ru.Headers.AcceptLanguage.ParseAdd("ru");
        using var missingUrl = await head.SendAsync(ru);
        using var tvet = await head.PutAsJsonAsync("/api/readiness/organisations/s1",
            ReadinessPayloads.Attestation(Today.AddMonths(3), ReadinessPayloads.AllMet(college: true)));
        using var past = await head.PutAsJsonAsync("/api/readiness/organisations/s1",
            ReadinessPayloads.Attestation(Today.AddDays(-1), ReadinessPayloads.AllMet()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, missingUrl.StatusCode);
        var errors = (await missingUrl.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("Обязательно", errors.GetProperty("items[2].evidence.lmsUrl")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tvet.StatusCode);
        var tvetErrors = (await tvet.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("ТжКБ", tvetErrors.GetProperty("items[6].key")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, past.StatusCode);
        Assert.True((await past.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("validUntil", out _));
    }

    [Theory]
    [InlineData("clerk.s1", HttpStatusCode.Forbidden)]
    [InlineData("parent.p1", HttpStatusCode.Forbidden)]
    [InlineData("regional.r1", HttpStatusCode.Forbidden)]
    [InlineData("head.s2", HttpStatusCode.NotFound)]
    public async Task Only_the_schools_own_head_changes_its_readiness(string user, HttpStatusCode expected)
    {
        using var client = await api.ClientForAsync(user);
        var before = await CountAsync("""SELECT count(*) FROM qadam.audit_events WHERE action = 'readiness.attested'""");

        using var response = await client.PutAsJsonAsync("/api/readiness/organisations/s1",
            ReadinessPayloads.Attestation(Today.AddMonths(3), ReadinessPayloads.AllMet()));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(before, await CountAsync("""SELECT count(*) FROM qadam.audit_events WHERE action = 'readiness.attested'"""));
    }

    [Fact]
    public async Task A_parent_does_not_read_the_overview_and_a_head_sees_only_their_own_school()
    {
        using var parent = await api.ClientForAsync("parent.p1");
        using var head = await api.ClientForAsync("head.s2");

        using var refused = await parent.GetAsync("/api/readiness");
        var own = await head.GetFromJsonAsync<JsonElement>("/api/readiness");
        using var foreign = await head.GetAsync("/api/readiness/organisations/s1");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(["s2"], own.EnumerateArray().Select(r => r.GetProperty("organisation").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task The_overview_exports_as_CSV_and_XLSX_with_the_missing_items_in_the_callers_language()
    {
        using var regional = await api.ClientForAsync("regional.r1");
        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, "/api/readiness/export?format=csv");
        csvRequest.Headers.AcceptLanguage.ParseAdd("ru");

        using var csv = await regional.SendAsync(csvRequest);
        using var xlsx = await regional.GetAsync("/api/readiness/export?format=xlsx&status=incomplete");
        using var wrong = await regional.GetAsync("/api/readiness/export?format=pdf");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = text.Split("\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.StartsWith("Код,Организация,Район,Статус,Соответствует требованиям,Невыполненные требования", lines[0], StringComparison.Ordinal);
        Assert.Equal(5, lines.Count);
        var s2 = lines.Single(l => l.StartsWith("s2,", StringComparison.Ordinal));
        Assert.Contains("не полностью", s2, StringComparison.Ordinal);
        Assert.Contains("\"приложение 3, п. 1, пп. 3): наличие системы управления обучением; ", s2, StringComparison.Ordinal);
        Assert.Contains("9/41", s2, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var book = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = book.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal("s2", row["Код"]?.ToString());
        Assert.Equal("толық емес", row["Күйі"]?.ToString());
        Assert.Contains("оқытуды басқару жүйесінің болуы", row["Орындалмаған талаптар"]?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
    }

    [Fact]
    public async Task The_case_page_of_an_individual_transfer_shows_the_council_and_the_head_that_the_school_lacks_an_LMS()
    {
        using var clerk = await api.ClientForAsync("clerk.s2");
        var students = await clerk.GetFromJsonAsync<JsonElement>("/api/students?organisation=s2&pageSize=1");
        var iin = students.GetProperty("items")[0].GetProperty("iin").GetString();
        using var filed = await clerk.PostAsJsonAsync("/api/cases", new
        {
            pathway = "parent-application", studentIin = iin, ground = "parent", filedOn = Today.ToString("yyyy-MM-dd"), language = "ru",
            data = new { },
        });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var id = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        foreach (var user in new[] { "head.s2", "council1.s2" })
        {
            using var client = await api.ClientForAsync(user);
            var readiness = (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("readiness");

            Assert.Equal("s2", readiness.GetProperty("organisation").GetString());
            Assert.Equal("incomplete", readiness.GetProperty("status").GetString());
            Assert.False(readiness.GetProperty("meetsRequirements").GetBoolean());
            Assert.Contains("lms", readiness.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("key").GetString()));
            Assert.Equal("head.s2", readiness.GetProperty("record").GetProperty("attestedBy").GetString());
        }
    }

    [Fact]
    public async Task A_mass_transfer_moves_every_school_and_its_progress_lists_the_one_that_does_not_meet_the_requirements()
    {
        var instance = Guid.CreateVersion7();
        var outcome = await api.Services.GetRequiredService<MassTransferRunner>().RunAsync(new MassTransferRequest(instance, "transferStudents",
            "emergency-transfer", 1, null, TransferDirection.Distance, Today, Today.AddDays(6), ["s1", "s2"], null));
        using var regional = await api.ClientForAsync("regional.r1");

        var progress = (await regional.GetFromJsonAsync<JsonElement>($"/api/mass-transfers?instance={instance}"))[0];

        Assert.Equal("completed", progress.GetProperty("status").GetString());
        Assert.Equal(outcome.Total, progress.GetProperty("done").GetInt32());
        var s2 = progress.GetProperty("schools").EnumerateArray().Single(s => s.GetProperty("organisation").GetString() == "s2");
        Assert.Equal(s2.GetProperty("total").GetInt32(), s2.GetProperty("done").GetInt32());
        Assert.Equal("incomplete", s2.GetProperty("readiness").GetString());
        var notReady = Assert.Single(progress.GetProperty("notReady").EnumerateArray());
        Assert.Equal("s2", notReady.GetProperty("organisation").GetString());
        Assert.Equal(["lms", "ictCertificates"], notReady.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("key").GetString()));
    }

    [Fact]
    public async Task The_legal_department_publishes_a_new_edition_and_nobody_else_may()
    {
        using var legal = await api.ClientForAsync("legal.r1");
        using var clerk = await api.ClientForAsync("clerk.s1");
        var current = await legal.GetFromJsonAsync<JsonElement>("/api/readiness/editions/in-force");
        var from = Today.AddYears(1);
        var body = new
        {
            effectiveFrom = from.ToString("yyyy-MM-dd"), act = "Приказ (проект)", actKk = "Бұйрық (жоба)", edition = "2027", paragraph = "приложение 3, п. 1",
            titleKk = "Талаптар", titleRu = "Требования",
            items = current.GetProperty("items").EnumerateArray().Select(i => JsonSerializer.Deserialize<object>(i.GetRawText())).ToList(),
        };

        using var refused = await clerk.PostAsJsonAsync("/api/readiness/editions", body);
        using var published = await legal.PostAsJsonAsync("/api/readiness/editions", body);
        using var twice = await legal.PostAsJsonAsync("/api/readiness/editions", body);
        var then = await legal.GetFromJsonAsync<JsonElement>($"/api/readiness/editions/in-force?on={from:yyyy-MM-dd}");
        var now = await legal.GetFromJsonAsync<JsonElement>("/api/readiness/editions/in-force");

        Assert.Equal("2025", current.GetProperty("edition").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        Assert.True((await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("effectiveFrom", out _));
        Assert.Equal("2027", then.GetProperty("edition").GetString());
        Assert.Equal("2025", now.GetProperty("edition").GetString());
        Assert.Equal(1, await CountAsync("""SELECT count(*) FROM qadam.audit_events WHERE action = 'readiness.edition-published' AND actor = 'legal.r1'"""));
    }

    private static JsonElement Single(JsonElement list, string code) =>
        list.EnumerateArray().Single(r => r.GetProperty("organisation").GetString() == code);

    private async Task<long> CountAsync(string sql)
    {
        _ = api.Server;
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        // An event whose commit found the chain busy waits to be placed; a reader of the chain places it first (AuditChain).
        await using (var place = new NpgsqlCommand("SELECT qadam.audit_chain()", connection))
        {
            await place.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
