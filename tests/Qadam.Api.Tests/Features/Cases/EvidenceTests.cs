using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.Cases;

/// <summary>Evidence files: accepted by content (PDF, JPEG, PNG), refused when disguised or too large, read back intact.</summary>
public sealed class EvidenceTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    private static readonly byte[] Png =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
        0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
        0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];

    [Fact]
    public async Task A_png_is_stored_with_its_hash_a_disguised_file_is_415_and_an_oversized_one_413()
    {
        var caseId = await FileCaseAsync();
        using var clerk = await api.ClientForAsync("clerk.s1");

        using var stored = await clerk.PostAsync($"/api/cases/{caseId}/evidence", Upload(Png, "справка.png", "image/png"));
        using var disguised = await clerk.PostAsync($"/api/cases/{caseId}/evidence",
            Upload("MZ this is an executable, not a scan"u8.ToArray(), "scan.pdf", "application/pdf"));
        using var oversized = await clerk.PostAsync($"/api/cases/{caseId}/evidence",
            Upload([.. "%PDF-1.7\n"u8.ToArray(), .. new byte[10 * 1024 * 1024]], "big.pdf", "application/pdf"));

        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        var evidence = await stored.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("image/png", evidence.GetProperty("mediaType").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Png)), evidence.GetProperty("sha256").GetString());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, disguised.StatusCode);
        Assert.Equal("application/problem+json", disguised.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);

        var list = await clerk.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/evidence");
        Assert.Single(list.EnumerateArray());
        using var content = await clerk.GetAsync($"/api/cases/{caseId}/evidence/{evidence.GetProperty("id").GetString()}/content");
        Assert.Equal("image/png", content.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await content.Content.ReadAsByteArrayAsync());

        // Another school sees nothing; the auditor reads but does not upload.
        using var foreign = await api.ClientForAsync("clerk.s2");
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"/api/cases/{caseId}/evidence")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PostAsync($"/api/cases/{caseId}/evidence", Upload(Png, "a.png", "image/png"))).StatusCode);
        using var auditor = await api.ClientForAsync("auditor.r1");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/cases/{caseId}/evidence")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync($"/api/cases/{caseId}/evidence", Upload(Png, "a.png", "image/png"))).StatusCode);

        var audit = await clerk.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "case.evidence-added");
    }

    [Theory]
    [InlineData("report.pdf.exe", "%PDF-1.7\n%%EOF", ".pdf", "application/pdf")]
    [InlineData("shell.php", "PNG", ".png", "image/png")]
    public async Task Evidence_is_stored_and_served_under_a_generated_name_with_its_proven_extension_as_an_attachment(
        string uploadedName, string content, string extension, string mediaType)
    {
        var caseId = await FileCaseAsync();
        using var clerk = await api.ClientForAsync("clerk.s1");
        var bytes = content == "PNG" ? Png : System.Text.Encoding.ASCII.GetBytes(content);

        using var stored = await clerk.PostAsync($"/api/cases/{caseId}/evidence", Upload(bytes, uploadedName, "application/octet-stream"));

        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        var evidence = await stored.Content.ReadFromJsonAsync<JsonElement>();
        var name = evidence.GetProperty("fileName").GetString()!;
        Assert.Matches(@"^evidence-\d{8}-[0-9a-f]{8}\" + extension + "$", name);
        using var served = await clerk.GetAsync($"/api/cases/{caseId}/evidence/{evidence.GetProperty("id").GetString()}/content");
        Assert.Equal(mediaType, served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", served.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(extension, served.Content.Headers.ContentDisposition?.FileNameStar ?? served.Content.Headers.ContentDisposition?.FileName,
            StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(served.Headers.GetValues("X-Content-Type-Options")));
        var list = await clerk.GetStringAsync($"/api/cases/{caseId}/evidence");
        Assert.DoesNotContain(Path.GetFileNameWithoutExtension(uploadedName), list, StringComparison.Ordinal);
    }

    private async Task<string> FileCaseAsync()
    {
        await Pathways.PublishAsync(api, "evidence-pathway", Pathways.PsychologistThenHead("evidence-pathway"));
        using var clerk = await api.ClientForAsync("clerk.s1");
        var filed = await Pathways.FileAsync(clerk, "evidence-pathway", await Pathways.FirstStudentOfAsync(api, "s1"));
        return filed.GetProperty("id").GetString()!;
    }

    private static MultipartFormDataContent Upload(byte[] bytes, string fileName, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }
}
