using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Persistence;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// The same API on a clock set to 25 October 2022 (Kazakhstan time), a few days after order 97 came into force
/// (2022-10-21), so university cases can be filed on either side of it.
/// </summary>
public sealed class October2022ApiFactory : WorkflowsApiFactory
{
    protected override TimeProvider? Clock { get; } = new ShiftedClock(new DateTimeOffset(2022, 10, 25, 9, 0, 0, TimeSpan.FromHours(5)));

    private sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
    {
        private readonly TimeSpan _shift = start - System.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
    }
}

/// <summary>
/// Order 374 → order 97 over HTTP: the same pedagogy student asks for the same two more disciplines at a distance. Filed
/// on 20.10.2022 the case binds to the 2020 edition (order 374 para 25 sets no cap for pedagogy) and goes to the rector;
/// filed on 21.10.2022 it binds to order 97, whose para 20 caps pedagogy at 20 % of the disciplines, and is refused.
/// </summary>
public sealed class UniversityAmendmentEndToEndTests(October2022ApiFactory api) : IClassFixture<October2022ApiFactory>
{
    private async Task<PathwayCase> FileAndPlanAsync(string iin, DateOnly filedOn)
    {
        var @case = await PathwayCase.FileAsync(api, "registrar.u1", "university-distance", iin, "ru", filedOn);
        var application = new Dictionary<string, object>
        {
            ["reason"] = "vkk", ["documentNumber"] = "ВКК-1020", ["documentDate"] = filedOn.ToString("yyyy-MM-dd"), ["issuer"] = "Поликлиника № 2",
            ["periodFrom"] = filedOn.ToString("yyyy-MM-dd"), ["periodTo"] = filedOn.AddDays(30).ToString("yyyy-MM-dd"),
        };
        // Order 374 para 28 (the 2020 form): the registrar marks an emergency; order 97's edition reads the university's
        // registered emergency instead (workflows/university-emergency).
        if (filedOn < new DateOnly(2022, 10, 21))
        {
            application["emergencyDeclared"] = false;
        }

        // Order 97 (from 21.10.2022) registers the application with the VKK conclusion itself; order 374's free-form
        // application (para 8) asks for no file.
        if (filedOn >= new DateOnly(2022, 10, 21))
        {
            application["documentEvidenceId"] = await @case.AttachEvidenceAsync("registrar.u1");
        }

        await @case.CompleteAsync("registrar.u1", "registerApplication", application);
        await @case.CompleteAsync("dean.u1", "deanReview", new
        {
            deanDecision = "approve", distanceDisciplines = new[] { "D02", "D03" }, distancePercent = 20, format = "mixed", schedule = "—",
        });
        return @case;
    }

    [Fact]
    public async Task A_case_filed_before_order_97s_effective_date_keeps_the_2020_rules()
    {
        _ = api.Server;
        string iin;
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
            iin = await db.Users.Where(u => u.UserName == "student.u1").Select(u => u.Iin!).SingleAsync();
        }

        using var before = await FileAndPlanAsync(iin, new DateOnly(2022, 10, 20));
        using var after = await FileAndPlanAsync(iin, new DateOnly(2022, 10, 21));

        Assert.Contains("signOrder", await before.OpenTasksAsync("rector.u1"));
        var notice = (await after.DocumentsAsync("registrar.u1", "student-notice"))["student-notice"];
        var text = Assert.Single(await after.ReadAsPdfAsync("registrar.u1", notice));
        DocumentTexts.Contains(text, "3 из 10 дисциплин (30 %) при пределе 20 %, превышение на 10 %", "№ 97", "п. 20, часть первая");

        Assert.NotEqual((await before.ReadAsync("registrar.u1")).GetProperty("definitionVersion").GetInt32(),
            (await after.ReadAsync("registrar.u1")).GetProperty("definitionVersion").GetInt32());
        Assert.Equal("refused", (await after.ReadAsync("registrar.u1")).GetProperty("status").GetString());
        Assert.NotEqual("refused", (await before.ReadAsync("registrar.u1")).GetProperty("status").GetString());
    }
}
