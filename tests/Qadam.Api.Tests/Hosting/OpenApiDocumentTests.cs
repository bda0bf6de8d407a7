using System.Net.Http.Json;
using System.Text.Json;

namespace Qadam.Api.Tests.Hosting;

/// <summary>Every endpoint is in the OpenAPI document with examples, checked for the case-work endpoints.</summary>
public sealed class OpenApiDocumentTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    private static readonly string[] Documented =
        ["/api/definitions", "/api/cases", "/api/tasks", "/api/emergency-orders", "/api/parents/me/cases", "/api/documents", "/api/dashboard"];

    [Fact]
    public async Task Every_case_work_endpoint_has_a_summary_a_tag_and_an_example()
    {
        using var client = api.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var operations = document.GetProperty("paths").EnumerateObject()
            .Where(p => Documented.Any(d => p.Name.StartsWith(d, StringComparison.Ordinal)))
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value)))
            .ToList();

        Assert.True(operations.Count >= 24, $"only {operations.Count} operations documented");
        Assert.All(operations, o =>
        {
            Assert.True(o.Operation.TryGetProperty("summary", out var summary) && summary.GetString()!.Length > 10, $"{o.Method} {o.Path} has no summary");
            Assert.True(o.Operation.TryGetProperty("tags", out var tags) && tags.GetArrayLength() > 0, $"{o.Method} {o.Path} has no tag");
            Assert.True(o.Operation.GetRawText().Contains("\"example\"", StringComparison.Ordinal), $"{o.Method} {o.Path} has no example");
        });
        var file = document.GetProperty("paths").GetProperty("/api/cases").GetProperty("post");
        Assert.Equal("parent-application", file.GetProperty("requestBody").GetProperty("content").GetProperty("application/json")
            .GetProperty("example").GetProperty("pathway").GetString());
        Assert.True(file.GetProperty("responses").GetProperty("422").GetProperty("content").TryGetProperty("application/problem+json", out _));
        var drafts = document.GetProperty("paths").GetProperty("/api/definitions/{key}/drafts").GetProperty("post");
        Assert.True(drafts.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/xml", out _));
    }
}
