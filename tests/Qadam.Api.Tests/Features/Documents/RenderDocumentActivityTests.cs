using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Tests.Features.Definitions;
using Qadam.Documents.Rendering;
using Qadam.Documents.Templates;
using Qadam.Workflows.Execution;

namespace Qadam.Api.Tests.Features.Documents;

/// <summary>The render-document activity run twice in one case (the protocol extract, then the order).</summary>
public sealed class RenderDocumentActivityTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    private const string Pathway = "two-documents";

    private static readonly string Bpmn = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:qadam="http://qadam.kz/schema/bpmn"
                          id="defs_{Pathway}" targetNamespace="http://qadam.kz/test">
          <bpmn:process id="{Pathway}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="renderProtocol" qadam:activity="render-document" qadam:templateKey="two-protocol" />
            <bpmn:serviceTask id="renderOrder" qadam:activity="render-document" qadam:templateKey="two-order" />
            <bpmn:userTask id="sign" qadam:candidateRoles="head" qadam:labelKk="Қол қою" qadam:labelRu="Подписание" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="renderProtocol" />
            <bpmn:sequenceFlow id="f2" sourceRef="renderProtocol" targetRef="renderOrder" />
            <bpmn:sequenceFlow id="f3" sourceRef="renderOrder" targetRef="sign" />
            <bpmn:sequenceFlow id="f4" sourceRef="sign" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task A_second_document_of_the_same_case_renders_too_instead_of_failing_with_the_node_already_has_a_parent()
    {
        await Pathways.PublishAsync(api, Pathway, Bpmn, beforePublish: async _ =>
        {
            await using var scope = api.Services.CreateAsyncScope();
            var catalog = scope.ServiceProvider.GetRequiredService<TemplateCatalog>();
            foreach (var (key, type) in new[] { ("two-protocol", "PROTOCOL"), ("two-order", "ORDER") })
            {
                foreach (var language in new[] { DocumentLanguage.Kk, DocumentLanguage.Ru })
                {
                    var uploaded = await catalog.UploadAsync(new TemplateUpload(key, language, type, Pathway, "1", Docx(), ["student.fullName"]),
                        CancellationToken.None);
                    Assert.True(uploaded.Succeeded, string.Join("; ", uploaded.Problems));
                }
            }
        });

        using var clerk = await api.ClientForAsync("clerk.s1");
        var caseId = (await Pathways.FileAsync(clerk, Pathway, await Pathways.ChildOfParentP1Async(api))).GetProperty("id").GetString()!;
        JsonElement documents = default;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await using (var scope = api.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<ProcessEngine>().RunDueJobsAsync();
            }

            documents = await clerk.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/documents");
            if (documents.GetArrayLength() == 2)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal(new[] { "two-protocol", "two-order" }, documents.EnumerateArray().Select(d => d.GetProperty("templateKey").GetString()!).ToArray());
    }

    private static byte[] Docx()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text("№ {{document.number}}: {{student.fullName}}")))));
        }

        return stream.ToArray();
    }
}
