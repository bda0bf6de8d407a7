namespace Qadam.Browser.Tests;

/// <summary>
/// A small pathway of the browser tests' own (review by a clerk, then the head's decision), with diagram layout, so
/// the staff and parent screens are driven through a flow the tests control; the real pathways are seeded beside it.
/// </summary>
public static class BrowserApplication
{
    public const string Key = "browser-application";

    public const string Act = "Приказ МП РК от 27.11.2023 № 349";

    /// <summary>
    /// The review step's form (form-js), bilingual as the forms of workflows/ are: the recommendation is required, so the
    /// server refuses a completion without it; the review date is a date picker.
    /// </summary>
    public const string ReviewForm = """
        {
          "type": "default",
          "id": "review-application",
          "schemaVersion": 16,
          "components": [
            { "id": "Recommendation", "type": "textfield", "key": "recommendation", "label": "Ұсыныс / Рекомендация", "validate": { "required": true } },
            { "id": "ReviewedOn", "type": "datetime", "subtype": "date", "key": "reviewedOn", "dateLabel": "Қаралған күні / Дата рассмотрения" }
          ]
        }
        """;

    public const string Bpmn = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:qadam="http://qadam.kz/schema/bpmn"
                          xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                          xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="defs_browser_application" targetNamespace="http://qadam.kz/pathways">
          <bpmn:process id="{Key}" name="Заявление родителя (браузерный тест)" isExecutable="true">
            <bpmn:extensionElements>
              <qadam:legalBasis act="{Act}" edition="2025-103" paragraph="Прил. 2" />
            </bpmn:extensionElements>
            <bpmn:startEvent id="filed" name="Filed" />
            <bpmn:sequenceFlow id="f1" sourceRef="filed" targetRef="review" />
            <bpmn:userTask id="review" name="Review" qadam:candidateRoles="clerk" qadam:deadline="P3D" qadam:formKey="review-application"
                           qadam:labelKk="Өтінішті қарау" qadam:labelRu="Рассмотрение заявления">
              <bpmn:extensionElements>
                <qadam:legalBasis act="{Act}" edition="2025-103" paragraph="Прил. 2, п. 5" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="decide" />
            <bpmn:userTask id="decide" name="Decide" qadam:candidateRoles="head" qadam:labelKk="Директордың шешімі" qadam:labelRu="Решение директора">
              <bpmn:extensionElements>
                <qadam:legalBasis act="{Act}" edition="2025-103" paragraph="Прил. 2, п. 7" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f3" sourceRef="decide" targetRef="decided" />
            <bpmn:endEvent id="decided" name="Decided" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="diagram">
            <bpmndi:BPMNPlane id="plane" bpmnElement="{Key}">
              <bpmndi:BPMNShape id="filed_di" bpmnElement="filed"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="review_di" bpmnElement="review"><dc:Bounds x="240" y="80" width="100" height="80" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="decide_di" bpmnElement="decide"><dc:Bounds x="400" y="80" width="100" height="80" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="decided_di" bpmnElement="decided"><dc:Bounds x="562" y="102" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="188" y="120" /><di:waypoint x="240" y="120" /></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="340" y="120" /><di:waypoint x="400" y="120" /></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="f3_di" bpmnElement="f3"><di:waypoint x="500" y="120" /><di:waypoint x="562" y="120" /></bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;
}
