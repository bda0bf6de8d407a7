using System.Net.Http.Json;
using System.Text.Json;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// While a competition case waits for the end of the period of participation (2025 para 26) there is no open task: the
/// parent's tracker shows the return itself as the next step, with the day its timer fires.
/// </summary>
public sealed class WaitingNextStepEndToEndTests(WorkflowsApiFactory api) : IClassFixture<WorkflowsApiFactory>
{
    [Fact]
    public async Task The_parent_sees_the_return_and_its_date_while_the_period_runs()
    {
        var today = Pathways.Today;
        var periodTo = today.AddDays(10);
        using var @case = await PathwayCase.FileAsync(api, "clerk.s1", "competition", await Pathways.ChildOfParentP1Async(api), "ru", today);
        var letter = await @case.AttachEvidenceAsync("clerk.s1");
        await @case.CompleteAsync("clerk.s1", "registerLetter", new
        {
            letterEvidenceId = letter,
            authorityName = "Управление физической культуры и спорта г. Астаны", letterNumber = "04-12/400",
            letterDate = today.ToString("yyyy-MM-dd"), eventKind = "sport", eventName = "Республиканский турнир по шахматам",
            eventLevel = "national", periodFrom = today.AddDays(1).ToString("yyyy-MM-dd"), periodTo = periodTo.ToString("yyyy-MM-dd"),
        });
        await @case.SignStepAsync("head.s1", "signOrder", new { distanceFrom = today.AddDays(1).ToString("yyyy-MM-dd") }, "secretary.s1");
        await @case.RunJobsAsync();

        var parent = await @case.ClientAsync("parent.p1");
        parent.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
        var tracked = (await parent.GetFromJsonAsync<JsonElement>("/api/parents/me/cases")).EnumerateArray()
            .SelectMany(c => c.GetProperty("cases").EnumerateArray()).Single(c => c.GetProperty("id").GetString() == @case.Id);
        var steps = tracked.GetProperty("nextSteps").EnumerateArray().ToList();

        // At a school the distance regime runs beside the period (349 para 15 / 103 para 5): its hand-over is open (no date),
        // and the period's end, the return, waits with its date.
        Assert.Equal(2, steps.Count);
        Assert.Contains(steps, s => s.GetProperty("dueAt").ValueKind == JsonValueKind.Null
                                    && s.GetProperty("label").GetString()!.Contains("СОР/СОЧ", StringComparison.Ordinal));
        var step = Assert.Single(steps, s => s.GetProperty("dueAt").ValueKind != JsonValueKind.Null);
        Assert.Equal("Период участия завершён", step.GetProperty("label").GetString());
        var due = step.GetProperty("dueAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(5));
        Assert.Equal(periodTo.AddDays(1), DateOnly.FromDateTime(due.DateTime));
    }
}
