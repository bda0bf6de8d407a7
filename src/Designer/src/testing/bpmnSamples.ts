// Small BPMN documents for specs: a parent application in three steps, with our extension attributes.

export interface SampleOptions {
  reviewLabelKk?: string;
  reviewRoles?: string;
  reviewParagraph?: string;
  reviewDeadline?: string;
  withNotify?: boolean;
  withoutReview?: boolean;
  condition?: string;
}

export function parentApplication(options: SampleOptions = {}): string {
  const review = options.withoutReview
    ? ''
    : `
    <bpmn:userTask id="Review" name="Review the application"
        qadam:labelKk="${options.reviewLabelKk ?? 'Өтінішті қарау'}" qadam:labelRu="Рассмотреть заявление"
        qadam:candidateRoles="${options.reviewRoles ?? 'clerk'}" qadam:formKey="review"${options.reviewDeadline ? ` qadam:deadline="${options.reviewDeadline}"` : ''}>
      <bpmn:extensionElements>
        <qadam:legalBasis act="Order 349" edition="2025-103" paragraph="${options.reviewParagraph ?? '5'}" />
      </bpmn:extensionElements>
    </bpmn:userTask>`;
  const notify = options.withNotify
    ? `
    <bpmn:serviceTask id="Notify" name="Notify the parent" qadam:activity="notify" qadam:labelKk="Ата-анаға хабарлау" />`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:qadam="http://qadam.kz/schema/bpmn"
    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
    id="Definitions_1" targetNamespace="http://qadam.kz/bpmn">
  <bpmn:process id="ParentApplication" name="Parent application" isExecutable="true">
    <bpmn:startEvent id="Start" name="Filed" />${review}${notify}
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="${options.withoutReview ? 'End' : 'Review'}">
      ${options.condition ? `<bpmn:conditionExpression>${options.condition}</bpmn:conditionExpression>` : ''}
    </bpmn:sequenceFlow>
    ${options.withoutReview ? '' : '<bpmn:sequenceFlow id="Flow_2" sourceRef="Review" targetRef="End" />'}
    <bpmn:endEvent id="End" name="Decided" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_1">
    <bpmndi:BPMNPlane id="Plane_1" bpmnElement="ParentApplication">
      <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}
