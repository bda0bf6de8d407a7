using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
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
            // 200 is a replay: the signer had signed it already (a signing step's documents are signed before it completes).
            Assert.True(signed.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK,
                $"signing {id}: {signed.StatusCode} {await signed.Content.ReadAsStringAsync()}");
            var verification = await signer.GetFromJsonAsync<JsonElement>($"/api/documents/{id}/verification");
            Assert.True(verification.GetProperty("isValid").GetBoolean(), verification.GetRawText());
            Assert.True(verification.GetProperty("contentIntact").GetBoolean());
            var cms = Assert.Single(verification.GetProperty("cmsSignatures").EnumerateArray());
            Assert.True(cms.GetProperty("chainTrusted").GetBoolean());
        }
    }

    /// <summary>
    /// A signing step (qadam:signs) as its signer works it, with what must hold on the way: the task lists the documents it
    /// signs (titles in kk and ru, registry number, links); completing it before signing is a 409 naming each document;
    /// <paramref name="outsider"/> (the council secretary, or a deputy where the step names the head alone) signing the order is a 403 naming the role that signs it; 20
    /// signatures sent at once by the signer store one signature and one audit event; once everything is signed, it
    /// completes. Returns the documents signed.
    /// </summary>
    public static async Task<List<JsonElement>> SignTheStepAsync(
        QadamApiFactory api, HttpClient signer, HttpClient outsider, string taskId, object data)
    {
        var detail = await signer.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}");
        var toSign = detail.GetProperty("documents").EnumerateArray().Where(d => d.GetProperty("toSign").GetBoolean()).ToList();
        Assert.NotEmpty(toSign);
        Assert.All(toSign, d =>
        {
            Assert.False(string.IsNullOrEmpty(d.GetProperty("registryNumber").GetString()));
            Assert.False(string.IsNullOrEmpty(d.GetProperty("titleKk").GetString()));
            Assert.False(string.IsNullOrEmpty(d.GetProperty("titleRu").GetString()));
            Assert.Equal($"/api/documents/{d.GetProperty("id").GetString()}/content", d.GetProperty("contentUrl").GetString());
            Assert.False(d.GetProperty("signedByCaller").GetBoolean());
        });

        using (var early = await signer.PostAsync($"/api/tasks/{taskId}/complete", Pathways.Json(new { data })))
        {
            var body = await early.Content.ReadAsStringAsync();
            Assert.True(early.StatusCode == HttpStatusCode.Conflict, $"completing before signing: {early.StatusCode} {body}");
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.All(toSign, d => Assert.Contains(d.GetProperty("registryNumber").GetString()!, problem.GetProperty("detail").GetString(),
                StringComparison.Ordinal));
            Assert.Equal(toSign.Count, problem.GetProperty("documents").GetArrayLength());
        }

        var order = toSign[0];
        var orderId = order.GetProperty("id").GetString()!;
        using (var foreign = await outsider.PostAsync($"/api/documents/{orderId}/signatures", Pathways.Json(new { mode = "server" })))
        {
            var body = await foreign.Content.ReadAsStringAsync();
            Assert.True(foreign.StatusCode == HttpStatusCode.Forbidden, $"a person who does not sign this order signing it: {foreign.StatusCode} {body}");
            Assert.Contains("ұйым басшысы", JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var sha256 = (await signer.GetFromJsonAsync<JsonElement>($"/api/documents/{orderId}")).GetProperty("sha256").GetString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => signer.PostAsync($"/api/documents/{orderId}/signatures", Pathways.Json(new { mode = "server" }))));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var replayed = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Single(replayed.Select(r => Assert.Single(r.GetProperty("signatures").EnumerateArray()).GetProperty("id").GetString()).Distinct());
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.Single((await signer.GetFromJsonAsync<JsonElement>($"/api/documents/{orderId}")).GetProperty("signatures").EnumerateArray());
        Assert.Equal(1, await AuditEventsAsync(api, "document.signed", Encoding.UTF8.GetBytes($"{orderId}:{sha256}")));

        await SignAndVerifyAsync(signer, toSign);
        using (var done = await signer.PostAsync($"/api/tasks/{taskId}/complete", Pathways.Json(new { data })))
        {
            Assert.True(done.StatusCode == HttpStatusCode.OK, $"completing after signing: {done.StatusCode} {await done.Content.ReadAsStringAsync()}");
        }

        return toSign;
    }

    /// <summary>
    /// The order's text carries its registry number and no other order number: every number of the registry's ORDER series in
    /// it is this one (pdftotext may drop a hyphen at a line break, so hyphens are ignored).
    /// </summary>
    public static void CarriesOnlyItsNumber(string orderText, string registryNumber)
    {
        var found = System.Text.RegularExpressions.Regex.Matches(orderText, @"[A-Za-z0-9]+-?ORDER-?\d{4}-?\d+")
            .Select(m => m.Value.Replace("-", string.Empty, StringComparison.Ordinal)).Distinct().ToList();
        Assert.Equal([registryNumber.Replace("-", string.Empty, StringComparison.Ordinal)], found);
    }

    /// <summary>How many audit events of <paramref name="action"/> carry exactly <paramref name="payload"/>.</summary>
    public static async Task<long> AuditEventsAsync(QadamApiFactory api, string action, byte[] payload)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        // An event whose commit found the chain busy waits to be placed; a reader of the chain places it first (AuditChain).
        await using (var place = new NpgsqlCommand("SELECT qadam.audit_chain()", connection))
        {
            await place.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(
            """SELECT count(*) FROM qadam.audit_events WHERE action = @action AND payload_digest = @digest""", connection);
        command.Parameters.AddWithValue("action", action);
        command.Parameters.AddWithValue("digest", Convert.ToHexStringLower(SHA256.HashData(payload)));
        return (long)(await command.ExecuteScalarAsync())!;
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
