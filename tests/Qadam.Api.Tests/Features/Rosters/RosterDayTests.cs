using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Features.Rosters;

namespace Qadam.Api.Tests.Features.Rosters;

/// <summary>
/// A roster's dates are checked against today in Kazakhstan (UTC+5), not in UTC: between 19:00 and 24:00 UTC it is already
/// the next day in Astana, and a child born that day is not "born in the future".
/// </summary>
public sealed class RosterDayTests(RosterDayTests.EveningApiFactory api) : IClassFixture<RosterDayTests.EveningApiFactory>
{
    [Fact]
    public async Task A_child_born_today_in_Kazakhstan_is_accepted_while_it_is_still_yesterday_in_UTC()
    {
        var kazakhstanToday = DateOnly.FromDateTime(api.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(5)).DateTime);
        Assert.NotEqual(DateOnly.FromDateTime(api.Clock.GetUtcNow().UtcDateTime), kazakhstanToday);
        using var client = await api.ClientForAsync("clerk.s1");

        using var response = await client.PostAsync("/api/rosters/import", RosterFiles.Upload(RosterFiles.Csv(
            RosterFiles.ValidRow("s1", kazakhstanToday, out _, "0А", "preschool"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<RosterImportReport>();
        Assert.Equal(1, report!.Created);
    }

    /// <summary>The API on a clock set to 20:30 UTC today (01:30 tomorrow in Kazakhstan) and running on from there.</summary>
    public sealed class EveningApiFactory : QadamApiFactory
    {
        public TimeProvider Clock { get; } = new ShiftedClock(new DateTimeOffset(DateTimeOffset.UtcNow.Date.AddHours(20.5), TimeSpan.Zero));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(Clock));
        }

        private sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
        {
            private readonly TimeSpan _shift = start - System.GetUtcNow();

            public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
        }
    }
}
