using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Persistence;

namespace Qadam.Api.Tests.Features.Rosters;

/// <summary>
/// Roster cells quoted as RFC 4180 allows (https://www.rfc-editor.org/rfc/rfc4180#section-2): a quoted cell may hold the
/// delimiter, a doubled quote and a line break, as Excel writes a name with a semicolon or an address on two lines.
/// Errors name the line the row starts on in the file, counting the line breaks inside quoted cells.
/// </summary>
public sealed class RosterQuotingTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    private static readonly DateOnly Born = new(2013, 9, 2);

    [Fact]
    public async Task Quoted_cells_keep_their_delimiters_quotes_and_line_breaks_and_errors_name_the_physical_line()
    {
        using var client = await api.ClientForAsync("clerk.s1");
        var first = RosterFiles.NewIin(Born);
        var second = RosterFiles.NewIin(Born.AddDays(1));
        var birth = (DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var quotedName = "\"Сапаров \"\"Ерасыл\"\"; кіші\"";
        var twoLineParent = "\"Сапарова Гүлнар\nМұратқызы\"";
        var rows = new[]
        {
            RosterFiles.Row(first, quotedName, birth(Born), "s1", "6А", "1", "basic_secondary"),
            RosterFiles.Row(second, "Әлиев Нұрбол", birth(Born.AddDays(1)), "s1", "6А", "2", "basic_secondary", parentName: twoLineParent),
            RosterFiles.Row("900615300012", "Бұрыс ИИН", "15.06.1990", "s1", "6А", "1", "basic_secondary"),
        };

        // Line 1 the header, line 2 the first student, lines 3-4 the second (a line break in a quoted cell), line 5 the third.
        using var refused = await client.PostAsync("/api/rosters/import", RosterFiles.Upload(RosterFiles.Csv(rows)));
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(["rows[5].iin"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal([2, 3, 5], problem.GetProperty("report").GetProperty("results").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()));

        using var imported = await client.PostAsync("/api/rosters/import", RosterFiles.Upload(RosterFiles.Csv(rows[..2])));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        Assert.Equal("Сапаров \"Ерасыл\"; кіші", (await db.Students.SingleAsync(s => s.Iin == first)).FullName);
        var student = await db.Students.SingleAsync(s => s.Iin == second);
        Assert.Equal("Сапарова Гүлнар\nМұратқызы", student.ParentName);
        Assert.Equal(Qadam.Api.Features.Students.Shift.Second, student.Shift);
    }
}
