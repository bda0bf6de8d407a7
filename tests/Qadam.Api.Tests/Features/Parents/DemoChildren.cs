using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Features.Students;
using Qadam.Api.Persistence;

namespace Qadam.Api.Tests.Features.Parents;

/// <summary>The demo's two parents' children: each parent's IIN is on exactly one student's roster row.</summary>
internal static class DemoChildren
{
    public static async Task<(Student OfP1, Student OfP2)> OfParentsAsync(QadamApiFactory api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        var p1 = await db.Users.SingleAsync(u => u.UserName == "parent.p1");
        var p2 = await db.Users.SingleAsync(u => u.UserName == "parent.p2");
        return (await db.Students.SingleAsync(s => s.ParentIin == p1.Iin), await db.Students.SingleAsync(s => s.ParentIin == p2.Iin));
    }
}
