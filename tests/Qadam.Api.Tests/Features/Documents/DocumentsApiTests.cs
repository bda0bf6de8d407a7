using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Tests.Features.Definitions;
using Qadam.Documents.Rendering;
using Qadam.Documents.Templates;
using Qadam.Testing;
using Qadam.Workflows.Execution;

namespace Qadam.Api.Tests.Features.Documents;

/// <summary>
/// A case whose process renders the head's order: the document is numbered and stored, readable by the
/// case's people only, signed by the head, and verifies; a changed byte anywhere would fail verification.
/// </summary>
public sealed class DocumentsApiTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>, IAsyncLifetime
{
    private const string Pathway = "order-flow";

    private static readonly string Bpmn = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:qadam="http://qadam.kz/schema/bpmn"
                          id="defs_{Pathway}" targetNamespace="http://qadam.kz/test">
          <bpmn:process id="{Pathway}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="renderOrder" qadam:activity="render-document" qadam:templateKey="order-transfer" />
            <bpmn:userTask id="sign" qadam:candidateRoles="head" qadam:labelKk="Бұйрыққа қол қою" qadam:labelRu="Подписание приказа" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="renderOrder" />
            <bpmn:sequenceFlow id="f2" sourceRef="renderOrder" targetRef="sign" />
            <bpmn:sequenceFlow id="f3" sourceRef="sign" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public async Task InitializeAsync()
    {
        // xunit makes a test-class instance per test; the pathway and its template are set up once per database.
        await using var scope = api.Services.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<Qadam.Workflows.Persistence.WorkflowsDbContext>().Definitions
                .AnyAsync(d => d.Key == Pathway))
        {
            return;
        }

        var catalog = scope.ServiceProvider.GetRequiredService<TemplateCatalog>();
        await Pathways.PublishAsync(api, Pathway, Bpmn, beforePublish: async _ =>
        {
            foreach (var language in new[] { DocumentLanguage.Kk, DocumentLanguage.Ru })
            {
                var uploaded = await catalog.UploadAsync(new TemplateUpload("order-transfer", language, "ORDER", Pathway, "1",
                    OrderTemplate(), ["student.fullName", "student.iin"]), CancellationToken.None);
                Assert.True(uploaded.Succeeded, string.Join("; ", uploaded.Problems));
            }
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A one-paragraph order as Word writes it, the placeholder split across runs.</summary>
    private static byte[] OrderTemplate()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(
                new Paragraph(new Run(new Text("Қашықтан оқытуға ауыстыру туралы бұйрық № {{document.number}}"))),
                new Paragraph(
                    new Run(new Text("Білім алушы: {{student.") { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new Text("fullName}}, ЖСН {{student.iin}}")))));
        }

        return stream.ToArray();
    }

    /// <summary>Files a case and waits until its render job ran (here, or on the API's own engine worker).</summary>
    private async Task<(string CaseId, string DocumentId)> FileAndRenderAsync()
    {
        var iin = await Pathways.ChildOfParentP1Async(api);
        using var clerk = await api.ClientForAsync("clerk.s1");
        var caseId = (await Pathways.FileAsync(clerk, Pathway, iin)).GetProperty("id").GetString()!;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await using (var scope = api.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<ProcessEngine>().RunDueJobsAsync();
            }

            var list = await clerk.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/documents");
            if (list.GetArrayLength() > 0)
            {
                return (caseId, list[0].GetProperty("id").GetString()!);
            }

            await Task.Delay(100);
        }

        await using var check = api.Services.CreateAsyncScope();
        var jobs = check.ServiceProvider.GetRequiredService<Qadam.Workflows.Persistence.WorkflowsDbContext>().Jobs;
        throw new TimeoutException("The order was not rendered within 10 s: " + string.Join("; ", jobs.Select(j => j.LastError)));
    }

    [Fact]
    public async Task The_rendered_order_is_numbered_signed_by_the_head_and_verifies_and_stays_within_the_case()
    {
        var (caseId, id) = await FileAndRenderAsync();
        using var head = await api.ClientForAsync("head.s1");
        using var parent = await api.ClientForAsync("parent.p1");
        using var otherHead = await api.ClientForAsync("head.s2");

        var list = await head.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/documents");
        var document = Assert.Single(list.EnumerateArray());
        Assert.Matches("^s1-ORDER-\\d{4}-\\d{4}$", document.GetProperty("registryNumber").GetString());
        var docx = await head.GetByteArrayAsync($"/api/documents/{id}/content");
        using (var opened = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var text = opened.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains(document.GetProperty("registryNumber").GetString()!, text, StringComparison.Ordinal);
            Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        }

        // Unsigned: invalid, and the answer says why.
        var unsigned = await head.GetFromJsonAsync<JsonElement>($"/api/documents/{id}/verification");
        Assert.False(unsigned.GetProperty("isValid").GetBoolean());
        Assert.Contains(unsigned.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("no signature", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Forbidden,
            (await parent.PostAsync($"/api/documents/{id}/signatures", Pathways.Json(new { mode = "server" }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherHead.GetAsync($"/api/documents/{id}")).StatusCode);
        using var signed = await head.PostAsync($"/api/documents/{id}/signatures", Pathways.Json(new { mode = "server" }));
        Assert.True(signed.StatusCode == HttpStatusCode.Created, await signed.Content.ReadAsStringAsync());
        var verification = await parent.GetFromJsonAsync<JsonElement>($"/api/documents/{id}/verification");

        Assert.True(verification.GetProperty("contentIntact").GetBoolean());
        var cms = Assert.Single(verification.GetProperty("cmsSignatures").EnumerateArray());
        Assert.True(cms.GetProperty("chainTrusted").GetBoolean());
        Assert.NotNull(cms.GetProperty("iin").GetString());
        Assert.Single(verification.GetProperty("packageSignatures").EnumerateArray());
        Assert.Empty(verification.GetProperty("problems").EnumerateArray());
        var signedCopy = await head.GetByteArrayAsync($"/api/documents/{id}/content?signed=true");
        Assert.NotEqual(docx, signedCopy);

        // The parent sees the signed order in their tracker and downloads it.
        var children = await parent.GetFromJsonAsync<JsonElement>("/api/parents/me/cases");
        var mine = children.EnumerateArray().SelectMany(c => c.GetProperty("cases").EnumerateArray())
            .Single(c => c.GetProperty("id").GetString() == caseId);
        var order = Assert.Single(mine.GetProperty("documents").EnumerateArray());
        Assert.True(order.GetProperty("signed").GetBoolean());
        Assert.Equal(signedCopy, await parent.GetByteArrayAsync(order.GetProperty("contentUrl").GetString()));

        // The render ran on the engine's own (a job, no HTTP request): it is audited all the same, as the engine.
        var audit = await head.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/audit");
        var rendered = Assert.Single(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "engine.service-task-completed");
        Assert.Equal("system", rendered.GetProperty("actor").GetString());
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "document.signed");
    }

    [Fact]
    public async Task The_parent_reads_the_signed_order_as_a_PDF_rendered_by_the_server_with_the_same_text()
    {
        var (_, id) = await FileAndRenderAsync();
        using var head = await api.ClientForAsync("head.s1");
        using var parent = await api.ClientForAsync("parent.p1");
        using var otherParent = await api.ClientForAsync("parent.p2");
        using (var signed = await head.PostAsync($"/api/documents/{id}/signatures", Pathways.Json(new { mode = "server" })))
        {
            Assert.Equal(HttpStatusCode.Created, signed.StatusCode);
        }

        var signedCopy = await parent.GetByteArrayAsync($"/api/documents/{id}/content?signed=true");

        // The first request starts the rendering in the background: 202 with Retry-After, then the PDF.
        byte[]? pdf = null;
        for (var attempt = 0; attempt < 120 && pdf is null; attempt++)
        {
            using var response = await parent.GetAsync($"/api/documents/{id}/pdf");
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                Assert.NotNull(response.Headers.RetryAfter);
                await Task.Delay(500);
                continue;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            pdf = await response.Content.ReadAsByteArrayAsync();
        }

        Assert.NotNull(pdf);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var text = LibreOffice.Normalise(await LibreOffice.PdfTextAsync(pdf));
        Assert.Equal(LibreOffice.Normalise(await LibreOffice.ToPdfTextAsync(signedCopy)), text);
        Assert.Contains("Қашықтан оқытуға ауыстыру туралы бұйрық", text, StringComparison.Ordinal);
        // The DOCX stays the signed original, and the PDF is no one else's to read.
        Assert.Equal(signedCopy, await parent.GetByteArrayAsync($"/api/documents/{id}/content?signed=true"));
        Assert.Equal(HttpStatusCode.NotFound, (await otherParent.GetAsync($"/api/documents/{id}/pdf")).StatusCode);
    }

    [Fact]
    public async Task A_forged_client_signature_is_refused_with_a_problem_naming_the_field()
    {
        var (_, id) = await FileAndRenderAsync();
        using var head = await api.ClientForAsync("head.s1");

        using var forged = await head.PostAsync($"/api/documents/{id}/signatures", Pathways.Json(new { cms = Convert.ToBase64String(new byte[64]) }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, forged.StatusCode);
        var problem = await forged.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("cms", out _));
        var document = await head.GetFromJsonAsync<JsonElement>($"/api/documents/{id}");
        Assert.Empty(document.GetProperty("signatures").EnumerateArray());
    }

    [Fact]
    public async Task A_second_rendered_document_is_recorded_beside_the_first_regression_node_already_has_a_parent()
    {
        const string twoDocuments = "two-documents";
        var bpmn = Bpmn.Replace(Pathway, twoDocuments, StringComparison.Ordinal)
            .Replace("""<bpmn:userTask id="sign" """, """<bpmn:serviceTask id="renderNotice" qadam:activity="render-document" qadam:templateKey="parent-notice" /><bpmn:userTask id="sign" """, StringComparison.Ordinal)
            .Replace("""sourceRef="renderOrder" targetRef="sign" """, """sourceRef="renderOrder" targetRef="renderNotice" /><bpmn:sequenceFlow id="f4" sourceRef="renderNotice" targetRef="sign" """, StringComparison.Ordinal);
        await Pathways.PublishAsync(api, twoDocuments, bpmn, beforePublish: async _ =>
        {
            await using var scope = api.Services.CreateAsyncScope();
            var catalog = scope.ServiceProvider.GetRequiredService<TemplateCatalog>();
            foreach (var key in new[] { "order-transfer", "parent-notice" })
            {
                foreach (var language in new[] { DocumentLanguage.Kk, DocumentLanguage.Ru })
                {
                    var uploaded = await catalog.UploadAsync(new TemplateUpload(key, language, "DOC", twoDocuments, "1", OrderTemplate(),
                        ["student.fullName", "student.iin"]), CancellationToken.None);
                    Assert.True(uploaded.Succeeded, string.Join("; ", uploaded.Problems));
                }
            }
        });

        using var clerk = await api.ClientForAsync("clerk.s1");
        var caseId = (await Pathways.FileAsync(clerk, twoDocuments, await Pathways.ChildOfParentP1Async(api))).GetProperty("id").GetString()!;
        JsonElement list = default;
        for (var attempt = 0; attempt < 100 && (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() < 2); attempt++)
        {
            await using (var scope = api.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<ProcessEngine>().RunDueJobsAsync();
            }

            list = await clerk.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/documents");
            await Task.Delay(100);
        }

        Assert.Equal(["order-transfer", "parent-notice"], list.EnumerateArray().Select(d => d.GetProperty("templateKey").GetString()).Order());
        using var head = await api.ClientForAsync("head.s1");
        Assert.Equal("sign", Assert.Single((await head.GetFromJsonAsync<JsonElement>($"/api/tasks?caseId={caseId}")).GetProperty("items").EnumerateArray())
            .GetProperty("elementId").GetString());
    }
}
