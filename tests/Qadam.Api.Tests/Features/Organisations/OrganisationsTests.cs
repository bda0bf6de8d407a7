using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Persistence;

namespace Qadam.Api.Tests.Features.Organisations;

public sealed class OrganisationsTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    [Fact]
    public async Task An_organisation_written_through_EF_Core_is_read_back_from_PostgreSQL()
    {
        _ = api.Server;
        Guid id;
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
            var parent = await db.Organisations.SingleAsync(o => o.Code == "d1");
            var school = new Organisation("s77", OrganisationKind.School, "№ 77 мектеп (әғқңөұүһі)", "Школа № 77", parent);
            db.Organisations.Add(school);
            await db.SaveChangesAsync();
            id = school.Id;
        }

        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
            var read = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == id);
            Assert.Equal("№ 77 мектеп (әғқңөұүһі)", read.NameKk);
            Assert.Equal(OrganisationKind.School, read.Kind);
        }
    }

    [Fact]
    public async Task Demo_organisations_are_seeded_once_and_listed()
    {
        using var client = api.CreateClient();

        var list = await client.GetFromJsonAsync<List<OrganisationResponse>>("/api/organisations");

        Assert.NotNull(list);
        Assert.Single(list, o => o.Code == "r1" && o.Kind == "Region");
        Assert.Contains(list, o => o.Code == "c1" && o.Kind == "College");
    }

    [Fact]
    public async Task A_school_added_straight_into_the_database_is_in_the_regional_officers_scope_at_once()
    {
        using var regional = await api.ClientForAsync("regional.r1");
        async Task<List<string>> VisibleAsync() =>
            [.. (await regional.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me")).GetProperty("visibleOrganisationCodes")
                .EnumerateArray().Select(c => c.GetString()!)];
        // The first answers fill the cached tree of r1.
        Assert.DoesNotContain("s88", await VisibleAsync());
        Assert.Contains("s1", await VisibleAsync());

        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO qadam.organisations (id, code, kind, name_kk, name_ru, parent_id)
                SELECT gen_random_uuid(), 's88', 'School', '№ 88 мектеп', 'Школа № 88', id FROM qadam.organisations WHERE code = 'd2'
                """);
        }

        // PostgreSQL delivers the change notice on commit; the next answers include the school (a moment, not a timeout).
        var deadline = DateTime.UtcNow.AddSeconds(5);
        List<string> visible;
        while (!(visible = await VisibleAsync()).Contains("s88") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Contains("s88", visible);
        using var clerk = await api.ClientForAsync("clerk.s1");
        var clerkSees = (await clerk.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me")).GetProperty("visibleOrganisationCodes");
        Assert.Equal(["s1"], clerkSees.EnumerateArray().Select(c => c.GetString()));
    }
}
