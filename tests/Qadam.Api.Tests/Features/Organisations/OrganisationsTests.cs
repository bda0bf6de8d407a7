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
}
