import { describe, expect, it } from 'vitest';
import { attributeFieldsFor, legalBasisFor } from './attributes';

const typeTest = (...types: string[]) => (type: string) => types.includes(type);

describe('attributeFieldsFor', () => {
  it('gives a user task its labels, roles, scope, form, deadline and template from the shared descriptor', () => {
    // (the descriptor grows with the engine: this names what the issue requires, not every attribute)
    // given a user task (a flow node)
    const isA = typeTest('bpmn:UserTask', 'bpmn:Activity', 'bpmn:FlowNode');

    // when its fields are read from the descriptor
    const fields = attributeFieldsFor(isA).map((f) => f.attribute);

    // then the labels come first and every attribute the engine reads on a user task is editable
    expect(fields.slice(0, 2)).toEqual(['labelKk', 'labelRu']);
    expect(fields).toEqual(expect.arrayContaining(['candidateRoles', 'organisationScope', 'formKey', 'deadline', 'templateKey', 'signs']));
    expect(fields).not.toContain('activity');
  });

  it('gives a gateway only its labels', () => {
    // given an exclusive gateway
    const isA = typeTest('bpmn:ExclusiveGateway', 'bpmn:Gateway', 'bpmn:FlowNode');

    // when its fields are read
    // then only the kk/ru labels apply
    expect(attributeFieldsFor(isA).map((f) => f.attribute)).toEqual(['labelKk', 'labelRu']);
  });

  it('allows a legal basis on flow nodes and the process, not on sequence flows', () => {
    // given a process, a task and a sequence flow
    // when the legal basis is looked up
    // then the process and the task have one with act, edition, paragraph; the flow has none
    expect(legalBasisFor(typeTest('bpmn:Process'))).toEqual({ type: 'qadam:LegalBasis', attributes: ['act', 'edition', 'paragraph'] });
    expect(legalBasisFor(typeTest('bpmn:UserTask', 'bpmn:FlowNode'))?.type).toBe('qadam:LegalBasis');
    expect(legalBasisFor(typeTest('bpmn:SequenceFlow', 'bpmn:FlowElement'))).toBeUndefined();
  });
});

describe('the shared descriptor', () => {
  it('keeps plain attribute names after moddle has registered a copy (regression: moddle renames in place)', async () => {
    // given a moddle that registered the extension, as bpmn-js does on start
    const { BpmnModdle } = await import('bpmn-moddle');
    const { qadamModdleExtension } = await import('../../moddle/qadam');
    const moddle = new BpmnModdle({ qadam: qadamModdleExtension() });
    await moddle.fromXML('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" />');

    // when the panel reads the fields of a user task
    const fields = attributeFieldsFor(typeTest('bpmn:UserTask', 'bpmn:FlowNode'));

    // then the names are still the descriptor's own, without a prefix
    expect(fields[0]).toEqual({ attribute: 'labelKk', label: 'propLabelKk' });
    expect(fields.every((field) => !field.attribute.includes(':'))).toBe(true);
    expect(legalBasisFor(typeTest('bpmn:Process'))?.attributes).toEqual(['act', 'edition', 'paragraph']);
  });
});

describe('labels of the fields', () => {
  it('has a kk/ru label for every attribute the descriptor declares on a drawn element', async () => {
    // given every flow-node type the descriptor extends
    const { qadamModdle } = await import('../../moddle/qadam');
    const drawn = ['bpmn:FlowNode', 'bpmn:UserTask', 'bpmn:ServiceTask', 'bpmn:BusinessRuleTask', 'bpmn:CallActivity'];

    // when the fields of an element that is all of them are read
    const fields = attributeFieldsFor((type) => drawn.includes(type));

    // then none falls back to its raw attribute name
    expect(fields.filter((field) => !field.label).map((field) => field.attribute)).toEqual([]);
    expect(qadamModdle.types.length).toBeGreaterThan(0);
  });
});
