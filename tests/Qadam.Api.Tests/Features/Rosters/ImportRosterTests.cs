using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Features.Rosters;
using Qadam.Api.Features.Students;
using Qadam.Api.Persistence;
using Qadam.Identifiers;

namespace Qadam.Api.Tests.Features.Rosters;

public sealed class ImportRosterTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    private static readonly DateOnly Born2014 = new(2014, 5, 20);

    [Fact]
    public async Task A_valid_roster_is_imported_and_a_second_run_creates_no_duplicates()
    {
        using var client = await api.ClientForAsync("clerk.s1");
        var csv = RosterFiles.Csv(
            RosterFiles.ValidRow("s1", Born2014, out var first),
            RosterFiles.ValidRow("s1", Born2014.AddDays(3), out var second),
            RosterFiles.ValidRow("s1", new DateOnly(2016, 1, 9), out var third, "3Б", "primary"));

        using var response = await client.PostAsync("/api/rosters/import", RosterFiles.Upload(csv));
        var report = await response.Content.ReadFromJsonAsync<RosterImportReport>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(report!.Imported);
        Assert.Equal(3, report.Created);
        Assert.All(report.Results, r => Assert.Equal("created", r.Outcome));

        // The same file again: nothing new; one changed row: updated, the others unchanged.
        var changed = csv.Replace("3Б", "3В", StringComparison.Ordinal);
        using var again = await client.PostAsync("/api/rosters/import", RosterFiles.Upload(changed));
        var second2 = await again.Content.ReadFromJsonAsync<RosterImportReport>();
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((0, 1, 2), (second2!.Created, second2.Updated, second2.Unchanged));

        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        Assert.Equal(3, await db.Students.CountAsync(s => s.Iin == first || s.Iin == second || s.Iin == third));
        var student = await db.Students.SingleAsync(s => s.Iin == third);
        Assert.Equal("3В", student.ClassName);
        Assert.Equal(new DateOnly(2016, 1, 9), student.BirthDate);
        Assert.Equal("+77015551234", student.ParentPhone);
    }

    [Fact]
    public async Task Every_bad_row_is_reported_with_its_field_and_nothing_is_written()
    {
        using var client = await api.ClientForAsync("clerk.s1");
        var good = RosterFiles.ValidRow("s1", Born2014, out var goodIin);
        var wrongBirth = RosterFiles.NewIin(Born2014);
        var rows = new[]
        {
            good,
            RosterFiles.Row("900615300012", "Бұрыс ИИН", "15.06.1990", "s1", "5А", "1", "basic_secondary"),
            RosterFiles.Row(wrongBirth, "Басқа күн", "21.05.2014", "s1", "5А", "1", "basic_secondary"),
            RosterFiles.Row(RosterFiles.NewIin(Born2014), "Жоқ күн", "30.02.2014", "s1", "5А", "1", "basic_secondary"),
            good.Replace("Сапаров Ерасыл", "Қайталанған", StringComparison.Ordinal),
            RosterFiles.Row(RosterFiles.NewIin(Born2014), "Белгісіз мектеп", "20.05.2014", "s99", "5А", "1", "basic_secondary"),
            RosterFiles.Row(RosterFiles.NewIin(Born2014), "Қате сынып", "20.05.2014", "s1", "5-ші", "1", "basic_secondary"),
            RosterFiles.Row(RosterFiles.NewIin(Born2014), "Қате ата-ана", "20.05.2014", "s1", "5А", "1", "basic_secondary", "123", "Ата"),
            RosterFiles.Row(RosterFiles.NewIin(Born2014), "Қате деңгей", "20.05.2014", "s1", "5А", "4", "primary"),
        };

        using var response = await client.PostAsync("/api/rosters/import", RosterFiles.Upload(RosterFiles.Csv(rows)));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = problem.GetProperty("errors");
        Assert.Contains("check digit", errors.GetProperty("rows[3].iin")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("encodes the birth date 20.05.2014", errors.GetProperty("rows[4].birth_date")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("not a date", errors.GetProperty("rows[5].birth_date")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("line 2", errors.GetProperty("rows[6].iin")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("rows[7].organisation", out _));
        Assert.True(errors.TryGetProperty("rows[8].class", out _));
        Assert.True(errors.TryGetProperty("rows[9].parent_iin", out _));
        Assert.True(errors.TryGetProperty("rows[10].level", out _));
        Assert.True(errors.TryGetProperty("rows[10].shift", out _));
        Assert.False(errors.TryGetProperty("rows[2].iin", out _));
        var report = problem.GetProperty("report").Deserialize<RosterImportReport>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.False(report.Imported);
        Assert.Equal("valid", report.Results.Single(r => r.Line == 2).Outcome);

        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        Assert.False(await db.Students.AnyAsync(s => s.Iin == goodIin));
    }

    [Fact]
    public async Task A_clerk_cannot_import_for_another_school_but_the_regional_officer_can()
    {
        var csv = RosterFiles.Csv(RosterFiles.ValidRow("s3", Born2014, out var iin));
        using var clerk = await api.ClientForAsync("clerk.s1");
        using var regional = await api.ClientForAsync("regional.r1");

        using var refused = await clerk.PostAsync("/api/rosters/import", RosterFiles.Upload(csv));
        using var accepted = await regional.PostAsync("/api/rosters/import", RosterFiles.Upload(csv));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("rows[2].organisation", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        // Now on s3's roster, the student cannot be pulled onto s1's by s1's clerk.
        var steal = RosterFiles.Csv(RosterFiles.Row(iin, "Сапаров Ерасыл", Born2014.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture),
            "s1", "5А", "1", "basic_secondary"));
        using var stolen = await clerk.PostAsync("/api/rosters/import", RosterFiles.Upload(steal));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stolen.StatusCode);
        Assert.Contains("rows[2].iin", await stolen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_college_roster_takes_groups_and_the_tvet_level_with_Russian_headers_and_commas()
    {
        using var client = await api.ClientForAsync("clerk.c1");
        var iin = RosterFiles.NewIin(new DateOnly(2008, 9, 1), girl: true);
        var csv = "ИИН,ФИО,Дата рождения,Организация,Группа,Смена,Уровень образования,ИИН родителя,ФИО родителя,Телефон родителя\n"
                  + $"{iin},\"Омарова Әсел\",01.09.2008,c1,ИС-24,1,ТиПО,,,\n";

        using var response = await client.PostAsync("/api/rosters/import", RosterFiles.Upload(csv));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<RosterImportReport>())!.Created);
    }

    [Fact]
    public async Task Dry_run_reports_without_writing()
    {
        using var client = await api.ClientForAsync("clerk.s2");
        var csv = RosterFiles.Csv(RosterFiles.ValidRow("s2", Born2014, out var iin));

        using var response = await client.PostAsync("/api/rosters/import?dryRun=true", RosterFiles.Upload(csv));
        var report = await response.Content.ReadFromJsonAsync<RosterImportReport>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(report!.DryRun);
        Assert.False(report.Imported);
        await using var scope = api.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<QadamDbContext>().Students.AnyAsync(s => s.Iin == iin));
    }

    [Fact]
    public async Task A_PDF_named_roster_csv_is_refused_as_not_CSV()
    {
        using var client = await api.ClientForAsync("clerk.s1");
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n");

        using var response = await client.PostAsync("/api/rosters/import", RosterFiles.Upload(pdf, "roster.csv", "text/csv"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task An_oversized_roster_is_refused_with_413_naming_the_file()
    {
        using var client = await api.ClientForAsync("clerk.s1");
        var big = new StringBuilder(RosterFiles.Header + "\n");
        while (big.Length < 210_000)
        {
            big.Append(RosterFiles.ValidRow("s1", Born2014, out _)).Append('\n');
        }

        using var response = await client.PostAsync("/api/rosters/import", RosterFiles.Upload(big.ToString()));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task A_request_without_the_file_is_a_400_problem_naming_it()
    {
        using var client = await api.ClientForAsync("clerk.s1");

        using var response = await client.PostAsync("/api/rosters/import", new MultipartFormDataContent { { new StringContent("x"), "other" } });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _), problem.ToString());
    }

    [Fact]
    public async Task A_wrong_header_is_a_400_problem_listing_the_missing_columns()
    {
        using var client = await api.ClientForAsync("clerk.s1");

        using var response = await client.PostAsync("/api/rosters/import", RosterFiles.Upload("iin;name\n900615300011;X\n"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Missing columns: birth_date", body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_demo_roster_has_only_valid_IINs_whose_dates_match()
    {
        var roster = Qadam.Api.Hosting.DemoData.Roster(new Dictionary<string, Guid>
        {
            ["s1"] = Guid.NewGuid(), ["s2"] = Guid.NewGuid(), ["s3"] = Guid.NewGuid(), ["c1"] = Guid.NewGuid(), ["c2"] = Guid.NewGuid(),
        });

        Assert.True(roster.Count >= 40);
        Assert.Equal(roster.Count, roster.Select(r => r.Iin.Value).Distinct().Count());
        Assert.All(roster, r => Assert.True(Iin.TryParse(r.Iin.Value, out _) && Iin.TryParse(r.Details.ParentIin, out _)));
    }
}
