using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qadam.Api.Features.Students;
using Qadam.Identifiers;

namespace Qadam.Api.Tests.Features.Students;

public sealed class StudentQueryTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    [Theory]
    [InlineData("/api/students/12345", "iin")]
    [InlineData("/api/students/900615300012", "iin")]
    [InlineData("/api/students/903015300011", "iin")]
    [InlineData("/api/students?page=abc", "page")]
    [InlineData("/api/students?page=0", "page")]
    [InlineData("/api/students?pageSize=100000", "pageSize")]
    public async Task Bad_query_input_is_a_400_problem_naming_the_parameter(string url, string field)
    {
        using var client = await api.ClientForAsync("clerk.s1");

        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
    }

    [Fact]
    public async Task A_class_list_is_paged_and_shows_each_student_age_from_the_IIN()
    {
        using var client = await api.ClientForAsync("head.s1");

        var first = await client.GetFromJsonAsync<StudentPage>("/api/students?organisation=s1&className=5Б&pageSize=2");
        var second = await client.GetFromJsonAsync<StudentPage>("/api/students?organisation=s1&className=5Б&pageSize=2&page=2");

        Assert.Equal(5, first!.Total);
        Assert.Equal(2, first.Items.Count);
        Assert.Empty(first.Items.Select(s => s.Iin).Intersect(second!.Items.Select(s => s.Iin)));
        Assert.All(first.Items, s => Assert.Equal(Iin.Parse(s.Iin).BirthDate, s.BirthDate));
        Assert.All(first.Items, s => Assert.InRange(s.Age, 9, 12));
    }
}
