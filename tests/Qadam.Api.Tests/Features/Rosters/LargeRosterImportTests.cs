using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Features.Rosters;
using Qadam.Api.Persistence;
using Qadam.Identifiers;
using Xunit.Abstractions;

namespace Qadam.Api.Tests.Features.Rosters;

/// <summary>The API with room for a region's roster file (the other roster tests keep a 200 kB cap to test the 413).</summary>
public sealed class LargeRosterApiFactory : QadamApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Qadam:MaxRosterBytes", (24 * 1024 * 1024).ToString(CultureInfo.InvariantCulture));
    }
}

/// <summary>Runs alone, after the parallel classes, so the process's CPU time is this test's.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LargeRosterCollection
{
    public const string Name = "Large roster, alone";
}

/// <summary>
/// A regional officer imports a roster of 100,000 students over HTTP: one bad row refuses the whole file with that row's
/// line and field, the corrected file creates every student in one import, and importing it again changes nothing.
/// The checks and the write are one pass over the rows each: an import costs the API a few seconds of CPU.
/// </summary>
[Collection(LargeRosterCollection.Name)]
public sealed class LargeRosterImportTests(LargeRosterApiFactory api, ITestOutputHelper output) : IClassFixture<LargeRosterApiFactory>
{
    private const int Students = 100_000;

    /// <summary>
    /// The CPU the test process (client and API in one) may spend on one import. CPU time, not wall time, because the
    /// machines that run the tests are shared: wall time measures the neighbours. Looking each row's report up by line
    /// (the quadratic import) alone cost about 10^10 comparisons for 100,000 rows, well over this.
    /// </summary>
    private static readonly TimeSpan CpuBudget = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_region_roster_of_100000_students_is_checked_all_or_nothing_and_imported_in_one_pass()
    {
        var lines = RegionRoster();
        using var client = await api.ClientForAsync("regional.r1");
        client.Timeout = TimeSpan.FromMinutes(5);

        // One wrong check digit on the last line: nothing of the 99,999 valid rows is written.
        var lastLine = Students + 1;
        var good = lines[^1];
        lines[^1] = string.Concat(good.AsSpan(0, 11), ((char)('0' + ((good[11] - '0' + 1) % 10))).ToString(), good.AsSpan(12));
        var (refused, refusedTook) = await ImportAsync(client, lines);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["rows[" + lastLine + "].iin"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal("The check digit of the IIN is wrong.", errors.GetProperty($"rows[{lastLine}].iin")[0].GetString());
        Assert.Equal(Students, problem.GetProperty("report").GetProperty("results").GetArrayLength());
        Assert.Equal(0, await CountImportedAsync(lines));

        lines[^1] = good;
        var (imported, importedTook) = await ImportAsync(client, lines);
        var report = await imported.Content.ReadFromJsonAsync<RosterImportReport>();
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.True(report!.Imported);
        Assert.Equal((Students, Students, 0, 0), (report.Rows, report.Created, report.Updated, report.Unchanged));
        Assert.Equal(Enumerable.Range(2, Students), report.Results.Select(r => r.Line));
        Assert.Equal(Students, await CountImportedAsync(lines));

        var (again, againTook) = await ImportAsync(client, lines);
        var second = await again.Content.ReadFromJsonAsync<RosterImportReport>();
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((0, 0, Students), (second!.Created, second.Updated, second.Unchanged));

        output.WriteLine($"{Students:N0} rows: refused {refusedTook}, imported {importedTook}, imported again (unchanged) {againTook}");
        Assert.All(new[] { refusedTook, importedTook, againTook }, took => Assert.True(took.Cpu < CpuBudget, $"{took} is over {CpuBudget} of CPU"));
    }

    private sealed record Took(TimeSpan Wall, TimeSpan Cpu)
    {
        public override string ToString() => $"in {Wall.TotalSeconds:F1} s ({Cpu.TotalSeconds:F1} s of CPU)";
    }

    private static async Task<(HttpResponseMessage Response, Took Took)> ImportAsync(HttpClient client, List<string> lines)
    {
        var csv = Encoding.UTF8.GetBytes(RosterFiles.Header + "\n" + string.Join('\n', lines) + "\n");
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var response = await client.PostAsync("/api/rosters/import", RosterFiles.Upload(csv));
        await response.Content.LoadIntoBufferAsync();
        process.Refresh();
        return (response, new Took(clock.Elapsed, process.TotalProcessorTime - cpu));
    }

    private async Task<int> CountImportedAsync(List<string> lines)
    {
        var iins = lines.Select(l => l[..12]).ToList();
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        return await db.Students.CountAsync(s => iins.Contains(s.Iin));
    }

    /// <summary>100,000 distinct valid students over the region's three schools, 50 born on each of 2,000 days.</summary>
    private static List<string> RegionRoster()
    {
        string[] schools = ["s1", "s2", "s3"];
        var parent = RosterFiles.NewIin(new DateOnly(1984, 2, 3), girl: true);
        var lines = new List<string>(Students);
        for (var day = 0; lines.Count < Students; day++)
        {
            var born = new DateOnly(2010, 1, 1).AddDays(day);
            var prefix = born.ToString("yyMMdd", CultureInfo.InvariantCulture) + (day % 2 == 0 ? "5" : "6");
            for (int serial = 2000, made = 0; made < 50 && lines.Count < Students; serial++)
            {
                if (Iin.Complete(prefix + serial.ToString("D4", CultureInfo.InvariantCulture)) is not { } iin)
                {
                    continue;
                }

                made++;
                lines.Add(RosterFiles.Row(iin, $"Оқушы {lines.Count:D6}", born.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
                    schools[lines.Count % 3], "5А", "1", "basic_secondary", parent, "Сапарова Гүлнар", "+7 701 555 12 34"));
            }
        }

        return lines;
    }
}
