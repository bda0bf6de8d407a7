using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Features.Tasks;
using Qadam.Workflows.Reads;

namespace Qadam.Api.Tests.Features.Tasks;

/// <summary>
/// House style 14: the inbox is hot SQL, so its shape is pinned: the role test is an array overlap the GIN index on
/// candidate_roles serves, the organisation test an = ANY on the (organisation, status, due_at) index's column.
/// </summary>
public sealed class InboxQueryTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    [Fact]
    public async Task The_inbox_filters_roles_by_array_overlap_and_organisations_by_any()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var reads = scope.ServiceProvider.GetRequiredService<EngineReads>();

        var sql = ListTasks.SoonestFirst(ListTasks.Inbox(reads, ["psychologist"], ["s1"])).ToQueryString();

        Assert.Contains("t.candidate_roles && @roles", sql, StringComparison.Ordinal);
        Assert.Contains("t.organisation = ANY (@organisationCodes)", sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY t.due_at IS NULL, t.due_at, t.created_at", sql, StringComparison.Ordinal);
    }
}
