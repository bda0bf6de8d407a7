using System.Net;
using System.Text.Json;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.Cases;

/// <summary>
/// Case numbers run per school and year without twins or gaps (s1-2025-00001, s1-2025-00002 ...): clerks filing at the same
/// moment get consecutive numbers, and a filing the engine refuses gives its number back.
/// </summary>
public sealed class CaseNumberingTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    private const string Pathway = "numbered";

    [Fact]
    public async Task Concurrent_filings_get_consecutive_numbers_and_a_refused_filing_leaves_no_gap()
    {
        await Pathways.PublishAsync(api, Pathway, Pathways.PsychologistThenHead(Pathway));
        await Pathways.PublishAsync(api, "numbered-dead-end", Pathways.DeadEndAtStart("numbered-dead-end"));
        var students = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Pathways.StudentOfAsync(api, "s1", i)));
        using var clerk = await api.ClientForAsync("clerk.s1");

        var first = await Task.WhenAll(students.Take(3).Select(iin => Pathways.FileAsync(clerk, Pathway, iin)));
        using (var refused = await clerk.PostAsync("/api/cases", Pathways.Json(new
        {
            pathway = "numbered-dead-end", studentIin = students[3], ground = "g", filedOn = Pathways.Today,
        })))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        }

        var second = await Task.WhenAll(students.Skip(3).Select(iin => Pathways.FileAsync(clerk, Pathway, iin)));

        var numbers = first.Concat(second).Select(c => c.GetProperty("number").GetString()!).Order(StringComparer.Ordinal).ToList();
        var sequences = numbers.Select(n => int.Parse(n[^5..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(numbers, n => Assert.StartsWith($"s1-{Pathways.Today.Year}-", n, StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(sequences[0], 6), sequences);
    }
}
