using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;

namespace Qadam.Api.Tests.Hosting;

public sealed class DemoDataTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    [Fact]
    public async Task Seeding_twice_adds_nothing()
    {
        _ = api.Server;
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        var before = (await db.Organisations.CountAsync(), await db.Users.CountAsync(), await db.UserRoles.CountAsync(),
            await db.Students.CountAsync(), await db.ParentLinks.CountAsync());

        await DemoData.SeedAsync(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<IOptions<QadamOptions>>().Value, default);

        var after = (await db.Organisations.CountAsync(), await db.Users.CountAsync(), await db.UserRoles.CountAsync(),
            await db.Students.CountAsync(), await db.ParentLinks.CountAsync());
        Assert.Equal(before, after);
        Assert.Equal(DemoData.Users().Count, before.Item2);
    }

    [Theory]
    [InlineData("clerk.s1")]
    [InlineData("council5.s1")]
    [InlineData("trustee3.s2")]
    [InlineData("council1.c1")]
    [InlineData("legal.r1")]
    [InlineData("admin.mon")]
    [InlineData("parent.p2")]
    public async Task Demo_users_sign_in_with_the_password_demo(string user)
    {
        using var client = await api.ClientForAsync(user);

        var me = await client.GetFromJsonAsync<Qadam.Api.Features.Identity.MeResponse>("/api/me");

        Assert.Equal(user, me!.Name);
    }
}
