using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qadam.Api.Tests.Features.Definitions;
using Qadam.Testing;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>What every pathway's end-to-end test ends with: the signer signs, the signatures verify, LibreOffice reads.</summary>
internal static class SignedDocuments
{
    /// <summary>The signer signs each document on the server (demo keys) and every signature verifies: signer, chain, content.</summary>
    public static async Task SignAndVerifyAsync(HttpClient signer, IEnumerable<JsonElement> documents)
    {
        foreach (var document in documents)
        {
            var id = document.GetProperty("id").GetString();
            using var signed = await signer.PostAsync($"/api/documents/{id}/signatures", Pathways.Json(new { mode = "server" }));
            Assert.True(signed.StatusCode == HttpStatusCode.Created, $"signing {id}: {signed.StatusCode} {await signed.Content.ReadAsStringAsync()}");
            var verification = await signer.GetFromJsonAsync<JsonElement>($"/api/documents/{id}/verification");
            Assert.True(verification.GetProperty("isValid").GetBoolean(), verification.GetRawText());
            Assert.True(verification.GetProperty("contentIntact").GetBoolean());
            var cms = Assert.Single(verification.GetProperty("cmsSignatures").EnumerateArray());
            Assert.True(cms.GetProperty("chainTrusted").GetBoolean());
        }
    }

    /// <summary>
    /// LibreOffice opens the registered DOCX files (one soffice run for all): the texts a reader sees, whitespace
    /// collapsed, in the order given.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ReadAsPdfAsync(HttpClient reader, IEnumerable<JsonElement> documents)
    {
        var contents = new List<byte[]>();
        foreach (var document in documents)
        {
            contents.Add(await reader.GetByteArrayAsync($"/api/documents/{document.GetProperty("id").GetString()}/content"));
        }

        return [.. (await LibreOffice.ToPdfTextsAsync(contents)).Select(LibreOffice.Normalise)];
    }
}
