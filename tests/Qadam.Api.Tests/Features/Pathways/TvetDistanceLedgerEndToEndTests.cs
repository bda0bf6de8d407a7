using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Persistence;
using Qadam.Api.Tests.Features.Definitions;
using Qadam.Workflows.Persistence;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// The 20 % cap over the whole period of study (order 349 Annex 2 paras 18-19, 2025 Annex 1 paras 8-9), over HTTP as the
/// demo college c1's staff: a decided transfer writes the student's hours into the ledger, and a second transfer of the
/// same programme that would take the student over 20 % is refused with the excess named in the case.
/// </summary>
public sealed class TvetDistanceLedgerEndToEndTests(WorkflowsApiFactory api) : IClassFixture<WorkflowsApiFactory>
{
    private static readonly string Today = Pathways.Today.ToString("yyyy-MM-dd");

    private static readonly string Until = Pathways.Today.AddDays(30).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_second_transfer_that_would_take_the_student_over_20_percent_is_refused_naming_the_excess()
    {
        var student = await Pathways.FirstStudentOfAsync(api, "c1");

        // First: 150 of 1 000 hours, within the cap, signed by the head: the ledger holds 150 hours.
        using (var first = await PathwayCase.FileAsync(api, "clerk.c1", "parent-application", student, "ru", Pathways.Today))
        {
            await CouncilDecidesAsync(first, distanceHours: 150);
            await first.ApproveDisciplinesAsync("head.c1", "secretary.c1");
            await first.SignStepAsync("head.c1", "signOrder", new { distanceFrom = Today }, "secretary.c1");
            await first.RunJobsAsync();
            Assert.Equal("transferred", (await first.ReadAsync("clerk.c1")).GetProperty("status").GetString());
        }

        Assert.Equal([150], await LedgerHoursAsync(student));

        // Second: 100 more of the same 1 000 would make 250, over the 200 the cap allows: refused, not signed.
        using var second = await PathwayCase.FileAsync(api, "clerk.c1", "parent-application", student, "ru", Pathways.Today);
        await CouncilDecidesAsync(second, distanceHours: 100);

        Assert.Equal(["refusalReasons"], await second.OpenTasksAsync("head.c1")); // the head issues the reasoned refusal
        var variables = await VariablesAsync(second.Id);
        Assert.False(variables["distanceCap"]!["withinCap"]!.GetValue<bool>());
        var ledger = variables["distanceLedger"]!;
        Assert.Equal(150, ledger["priorHours"]!.GetValue<int>());
        Assert.Equal(250, ledger["hoursAfter"]!.GetValue<int>());
        Assert.Equal(50, ledger["excessHours"]!.GetValue<double>());
        Assert.Equal(20, ledger["capPercent"]!.GetValue<int>());
        Assert.Equal([150], await LedgerHoursAsync(student));
    }

    [Fact]
    public async Task Another_programme_of_the_same_student_has_its_own_20_percent()
    {
        var student = await NthStudentOfC1Async(3);
        using (var first = await PathwayCase.FileAsync(api, "clerk.c1", "parent-application", student, "kk", Pathways.Today))
        {
            await CouncilDecidesAsync(first, distanceHours: 200, programme: "06130100");
            await first.ApproveDisciplinesAsync("head.c1", "secretary.c1");
            await first.SignStepAsync("head.c1", "signOrder", new { distanceFrom = Today }, "secretary.c1");
            await first.RunJobsAsync();
        }

        using var second = await PathwayCase.FileAsync(api, "clerk.c1", "parent-application", student, "kk", Pathways.Today);
        await CouncilDecidesAsync(second, distanceHours: 200, programme: "07130100");

        Assert.Equal(["approvedDisciplines"], await second.OpenTasksSettledAsync("head.c1"));
    }

    private static Task CouncilDecidesAsync(PathwayCase @case, int distanceHours, string? programme = null) =>
        @case.CompleteAsync("secretary.c1", "tvetCouncilDecision", programme is null
            ? new
            {
                councilBody = "pedagogical", protocolNumber = "7", protocolDate = Today, periodFrom = Today, periodTo = Until, distanceHours,
                totalHours = 1000, councilDecision = "approve",
            }
            : (object)new
            {
                councilBody = "pedagogical", protocolNumber = "7", protocolDate = Today, programmeCode = programme, periodFrom = Today,
                periodTo = Until, distanceHours, totalHours = 1000, councilDecision = "approve",
            });

    private async Task<string> NthStudentOfC1Async(int n)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        return await db.Students.Where(s => db.Organisations.Any(o => o.Id == s.OrganisationId && o.Code == "c1"))
            .OrderByDescending(s => s.Iin).Select(s => s.Iin).Skip(n).FirstAsync();
    }

    private async Task<List<int>> LedgerHoursAsync(string iin)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        return await db.TvetDistanceLedger.Where(e => db.Students.Any(s => s.Id == e.StudentId && s.Iin == iin))
            .OrderBy(e => e.RecordedAt).Select(e => e.DistanceHours).ToListAsync();
    }

    private async Task<JsonObject> VariablesAsync(string caseId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var workflows = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var state = await workflows.Instances.Where(i => i.BusinessKey == caseId).Select(i => i.StateJson).SingleAsync();
        return JsonNode.Parse(state)!["variables"]!.AsObject();
    }
}
