using System.Text.Json;
using System.Text.Json.Nodes;
using Qadam.Testing;

namespace Qadam.Api.Tests.Hosting;

/// <summary>
/// The Designer's API client is generated from a committed copy of the OpenAPI document
/// (src/Designer/src/api/openapi.json → schema.d.ts, by openapi-typescript). An endpoint whose shape changes without
/// the copy being regenerated fails here, so the browser never compiles against shapes the API no longer serves.
/// Regenerate: <c>QADAM_WRITE_OPENAPI=1 dotnet test tests/Qadam.Api.Tests --filter FullyQualifiedName~OpenApiCommitted</c>,
/// then <c>npm run api:generate</c> in src/Designer.
/// </summary>
public sealed class OpenApiCommittedTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    private const string CommittedPath = "src/Designer/src/api/openapi.json";

    [Fact]
    public async Task The_committed_OpenAPI_document_is_the_one_the_API_serves()
    {
        using var client = api.CreateClient();
        var served = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        served.AsObject().Remove("servers");
        var text = served.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

        var committed = PostgresServer.FindRepositoryFile(CommittedPath);
        if (Environment.GetEnvironmentVariable("QADAM_WRITE_OPENAPI") == "1")
        {
            var root = Path.GetDirectoryName(PostgresServer.FindRepositoryFile("Qadam.slnx"))!;
            await File.WriteAllTextAsync(Path.Combine(root, CommittedPath), text);
            return;
        }

        Assert.True(committed is not null, $"{CommittedPath} is missing; regenerate it (see this test's summary)");
        Assert.True(
            JsonNode.DeepEquals(served, JsonNode.Parse(await File.ReadAllTextAsync(committed))),
            $"{CommittedPath} is stale: an endpoint changed its shape. Regenerate it and the client (see this test's summary).");
    }
}
