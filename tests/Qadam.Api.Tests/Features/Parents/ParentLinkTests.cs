using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Features.Students;
using Qadam.Api.Persistence;

namespace Qadam.Api.Tests.Features.Parents;

public sealed class ParentLinkTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    [Fact]
    public async Task Parent_p1_sees_the_linked_child_and_no_other_student()
    {
        using var parent = await api.ClientForAsync("parent.p1");
        var (childOfP1, _) = await DemoChildren.OfParentsAsync(api);

        var children = await parent.GetFromJsonAsync<List<StudentResponse>>("/api/parents/me/children");
        using var own = await parent.GetAsync($"/api/students/{childOfP1.Iin}");
        using var other = await parent.GetAsync($"/api/students/{(await OtherStudentAsync(childOfP1.Iin)).Iin}");
        using var list = await parent.GetAsync("/api/students");

        Assert.Equal([childOfP1.Iin], children!.Select(c => c.Iin));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
    }

    [Fact]
    public async Task Parent_p1_whose_child_has_no_case_sees_the_child_in_the_tracker_with_no_cases()
    {
        using var parent = await api.ClientForAsync("parent.p1");
        var (childOfP1, _) = await DemoChildren.OfParentsAsync(api);

        var tracked = await parent.GetFromJsonAsync<JsonElement>("/api/parents/me/cases");

        var child = Assert.Single(tracked.EnumerateArray());
        Assert.Equal(childOfP1.Iin, child.GetProperty("iin").GetString());
        Assert.False(string.IsNullOrEmpty(child.GetProperty("fullName").GetString()));
        Assert.Empty(child.GetProperty("cases").EnumerateArray());
    }

    [Fact]
    public async Task Parent_p2_links_the_child_whose_roster_names_them_once_and_not_another()
    {
        using var parent = await api.ClientForAsync("parent.p2");
        var (childOfP1, childOfP2) = await DemoChildren.OfParentsAsync(api);

        using var created = await parent.PostAsJsonAsync("/api/parents/me/children", new { iin = childOfP2.Iin });
        using var again = await parent.PostAsJsonAsync("/api/parents/me/children", new { iin = childOfP2.Iin });
        using var notTheirs = await parent.PostAsJsonAsync("/api/parents/me/children", new { iin = childOfP1.Iin });
        using var unknown = await parent.PostAsJsonAsync("/api/parents/me/children", new { iin = "900615300011" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        // Same answer for "not your child" and "no such student": nothing is learnt about enrolment.
        Assert.Equal(
            (await notTheirs.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(),
            (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var children = await parent.GetFromJsonAsync<List<StudentResponse>>("/api/parents/me/children");
        Assert.Equal([childOfP2.Iin], children!.Select(c => c.Iin));
    }

    [Theory]
    [InlineData("{\"iin\":\"900615300012\"}", "iin", "check digit")]
    [InlineData("{\"iin\":\"900230300011\"}", "iin", "not a date")]
    [InlineData("{\"iin\":\"061211600012\",\"name\":\"x\"}", "name", "")]
    [InlineData("{\"iin\":12}", "iin", "")]
    [InlineData("{}", "$", "")]
    [InlineData("{\"iin\":", "iin", "open JSON object")]
    [InlineData("not json", "$", "")]
    public async Task Bad_input_is_a_400_problem_naming_the_field(string json, string field, string words)
    {
        using var parent = await api.ClientForAsync("parent.p2");

        using var response = await parent.PostAsync("/api/parents/me/children", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        var names = errors.EnumerateObject().Select(p => p.Name).ToList();
        Assert.True(names.Any(n => n.StartsWith(field, StringComparison.Ordinal)), body);
        Assert.Contains(words, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_cannot_use_the_parent_endpoints()
    {
        using var clerk = await api.ClientForAsync("clerk.s1");

        using var response = await clerk.PostAsJsonAsync("/api/parents/me/children", new { iin = "061211600012" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<Student> OtherStudentAsync(string except)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        var s1 = await db.Organisations.SingleAsync(o => o.Code == "s1");
        return await db.Students.FirstAsync(s => s.OrganisationId == s1.Id && s.Iin != except);
    }
}
