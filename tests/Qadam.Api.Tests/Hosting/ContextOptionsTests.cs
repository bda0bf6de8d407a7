using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Persistence;
using Qadam.Documents.Persistence;
using Qadam.Workflows.Persistence;

namespace Qadam.Api.Tests.Hosting;

/// <summary>
/// Every request gets its three contexts (the API's, the engine's, the documents') on one connection, with options built once
/// for the node rather than for each request: building them per request was a measurable part of a parent's read.
/// </summary>
public sealed class ContextOptionsTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    [Fact]
    public async Task Two_requests_contexts_share_their_options_and_each_request_shares_one_connection()
    {
        _ = api.Server;
        await using var first = api.Services.CreateAsyncScope();
        await using var second = api.Services.CreateAsyncScope();

        var a = Contexts(first.ServiceProvider);
        var b = Contexts(second.ServiceProvider);
        for (var i = 0; i < a.Length; i++)
        {
            Assert.NotSame(a[i], b[i]);
            Assert.Same(Options(a[i]), Options(b[i]));
        }

        // One connection per request, so the engine's and the documents' writes join the API's transaction.
        Assert.All(a, c => Assert.Same(a[0].Database.GetDbConnection(), c.Database.GetDbConnection()));
        Assert.NotSame(a[0].Database.GetDbConnection(), b[0].Database.GetDbConnection());
        // The names are snake_case in every context, from the options rather than added again for each context.
        Assert.Equal("organisations", a[0].Model.FindEntityType(typeof(Qadam.Api.Features.Organisations.Organisation))!.GetTableName());
        Assert.True(await ((QadamDbContext)a[0]).Organisations.AnyAsync());
    }

    private static DbContext[] Contexts(IServiceProvider services) =>
    [
        services.GetRequiredService<QadamDbContext>(),
        services.GetRequiredService<WorkflowsDbContext>(),
        services.GetRequiredService<DocumentsDbContext>(),
    ];

    private static IDbContextOptions Options(DbContext context) =>
        context.GetService<IDbContextOptions>();
}
