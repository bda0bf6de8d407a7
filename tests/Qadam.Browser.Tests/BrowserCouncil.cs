using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Documents.Rendering;
using Qadam.Documents.Templates;

namespace Qadam.Browser.Tests;

/// <summary>
/// The browser tests' council pathway: the school's council votes (one ballot per member, a majority of the
/// members decides, the real pathways' ballot form), the protocol extract and the order are rendered, the head signs the
/// order, and the case ends transferred. Its two DOCX templates are uploaded in the arrangement unless already there.
/// </summary>
public static class BrowserCouncil
{
    public const string Key = "browser-council";

    public const string Act = "Приказ МП РК от 27.11.2023 № 349";

    /// <summary>The variables the templates print; the registry number is the renderer's own.</summary>
    private static readonly string[] KnownVariables = ["student.fullName", "student.iin", "caseNumber"];

    public const string Bpmn = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:qadam="http://qadam.kz/schema/bpmn"
                          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                          xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                          xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="defs_browser_council" targetNamespace="http://qadam.kz/pathways">
          <bpmn:process id="{Key}" name="Совет и приказ (браузерный тест)" isExecutable="true">
            <bpmn:extensionElements>
              <qadam:legalBasis act="{Act}" edition="2025-103" paragraph="Прил. 1, п. 28" />
            </bpmn:extensionElements>
            <bpmn:startEvent id="filed" name="Filed" />
            <bpmn:userTask id="councilVote" name="Голосование педагогического совета" qadam:candidateRoles="councilMember" qadam:formKey="council-ballot"
                           qadam:organisationScope="=member.organisation" qadam:assignee="=member.user"
                           qadam:labelKk="Педагогикалық кеңестің дауыс беруі" qadam:labelRu="Голосование педагогического совета">
              <bpmn:extensionElements>
                <qadam:legalBasis act="{Act}" edition="2025-103" paragraph="Прил. 1, п. 28 пп. 1)" />
              </bpmn:extensionElements>
              <bpmn:multiInstanceLoopCharacteristics isSequential="false" qadam:collection="council.members" qadam:elementVariable="member" qadam:outputCollection="councilVotes">
                <bpmn:completionCondition xsi:type="bpmn:tFormalExpression">councilVotes.filter(b =&gt; b.vote === 'yes').length &gt; nrOfInstances / 2 || councilVotes.filter(b =&gt; b.vote === 'no').length &gt;= nrOfInstances / 2</bpmn:completionCondition>
              </bpmn:multiInstanceLoopCharacteristics>
            </bpmn:userTask>
            <bpmn:serviceTask id="renderProtocolExtract" name="Выписка из протокола" qadam:activity="render-document" qadam:templateKey="council-protocol-extract"
                              qadam:labelKk="Хаттамадан үзінді" qadam:labelRu="Выписка из протокола" />
            <bpmn:exclusiveGateway id="approved" name="Совет за?" qadam:labelKk="Кеңес қолдады ма?" qadam:labelRu="Совет за?" default="refuse">
              <bpmn:extensionElements>
                <qadam:legalBasis act="{Act}" edition="2025-103" paragraph="Прил. 1, п. 28 пп. 1)" />
              </bpmn:extensionElements>
            </bpmn:exclusiveGateway>
            <bpmn:serviceTask id="renderOrder" name="Проект приказа" qadam:activity="render-document" qadam:templateKey="order-transfer"
                              qadam:labelKk="Бұйрық жобасы" qadam:labelRu="Проект приказа" />
            <bpmn:userTask id="signOrder" name="Подписание приказа руководителем" qadam:candidateRoles="head" qadam:signs="order-transfer" qadam:formKey="sign-order" qadam:templateKey="order-transfer"
                           qadam:labelKk="Басшының бұйрығына қол қою" qadam:labelRu="Подписание приказа руководителем">
              <bpmn:extensionElements>
                <qadam:legalBasis act="{Act}" edition="2025-103" paragraph="Прил. 1, п. 28 пп. 1)" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:serviceTask id="statusTransferred" name="Переведён на дистанционное обучение" qadam:activity="set-case-status"
                              qadam:labelKk="Қашықтан оқытуға ауыстырылды" qadam:labelRu="Переведён на дистанционное обучение" />
            <bpmn:endEvent id="transferred" name="Переведён" />
            <bpmn:serviceTask id="statusRefused" name="Отказано" qadam:activity="set-case-status" qadam:labelKk="Бас тартылды" qadam:labelRu="Отказано" />
            <bpmn:endEvent id="refused" name="Отказано" />
            <bpmn:sequenceFlow id="f1" sourceRef="filed" targetRef="councilVote" />
            <bpmn:sequenceFlow id="f2" sourceRef="councilVote" targetRef="renderProtocolExtract" />
            <bpmn:sequenceFlow id="f3" sourceRef="renderProtocolExtract" targetRef="approved" />
            <bpmn:sequenceFlow id="approve" sourceRef="approved" targetRef="renderOrder">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">councilVotes.filter(b =&gt; b.vote === 'yes').length &gt; council.members.length / 2</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="refuse" sourceRef="approved" targetRef="statusRefused" />
            <bpmn:sequenceFlow id="f4" sourceRef="renderOrder" targetRef="signOrder" />
            <bpmn:sequenceFlow id="f5" sourceRef="signOrder" targetRef="statusTransferred" />
            <bpmn:sequenceFlow id="f6" sourceRef="statusTransferred" targetRef="transferred" />
            <bpmn:sequenceFlow id="f7" sourceRef="statusRefused" targetRef="refused" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>Uploads the protocol extract and the order, in both languages, unless the key/version/language is there already.</summary>
    public static async Task EnsureTemplatesAsync(IServiceProvider services, int version)
    {
        await using var scope = services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<TemplateCatalog>();
        var processVersion = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (templateKey, type, titleKk, titleRu) in new[]
                 {
                     ("council-protocol-extract", "PROTOCOL", "Педагогикалық кеңес отырысы хаттамасынан үзінді", "Выписка из протокола заседания педагогического совета"),
                     ("order-transfer", "ORDER", "Қашықтан оқытуға ауыстыру туралы бұйрық", "Приказ о переводе на дистанционное обучение"),
                 })
        {
            foreach (var language in new[] { DocumentLanguage.Kk, DocumentLanguage.Ru })
            {
                if (await catalog.FindForProcessAsync(templateKey, language, Key, processVersion, CancellationToken.None) is not null)
                {
                    continue;
                }

                var uploaded = await catalog.UploadAsync(new TemplateUpload(templateKey, language, type, Key, processVersion,
                    Docx(language == DocumentLanguage.Kk ? titleKk : titleRu), KnownVariables), CancellationToken.None);
                Assert.True(uploaded.Succeeded, string.Join("; ", uploaded.Problems));
            }
        }
    }

    /// <summary>A one-page document: its title and number, the pupil and the case.</summary>
    private static byte[] Docx(string title)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(
                new Paragraph(new Run(new Text($"{title} № {{{{document.number}}}}"))),
                new Paragraph(new Run(new Text("Білім алушы / Обучающийся: {{student.fullName}}, ЖСН/ИИН {{student.iin}}") { Space = SpaceProcessingModeValues.Preserve })),
                new Paragraph(new Run(new Text("Іс / Дело: {{caseNumber}}")))));
        }

        return stream.ToArray();
    }
}
