import { qadamModdle } from '../../moddle/qadam';
import type { MessageKey } from '../../i18n';

/** An attribute the panel edits on the element itself (`qadam:labelKk="..."`). */
export interface AttributeField {
  attribute: string;
  label: MessageKey | undefined;
}

const labels: Record<string, MessageKey> = {
  labelKk: 'propLabelKk',
  labelRu: 'propLabelRu',
  candidateRoles: 'propRoles',
  organisationScope: 'propOrganisationScope',
  formKey: 'propForm',
  templateKey: 'propTemplate',
  deadline: 'propDeadlineWords',
  activity: 'propActivity',
  assignee: 'propAssignee',
  table: 'propTable',
  resultVariable: 'propResultVariable',
  tableDate: 'propTableDate',
  outputs: 'propOutputs',
  correlationKey: 'propCorrelationKey',
  payload: 'propPayload',
  signs: 'propSigns',
};

export const legalBasisLabels: Record<string, MessageKey> = {
  act: 'propLegalAct',
  edition: 'propLegalEdition',
  paragraph: 'propLegalParagraph',
};

interface DescriptorType {
  name: string;
  extends?: string[];
  meta?: { allowedIn?: string[] };
  properties: Array<{ name: string }>;
}

const types = qadamModdle.types as DescriptorType[];

/**
 * The attributes the shared descriptor declares for an element, in descriptor order, given a test of its type
 * (`is(businessObject, 'bpmn:UserTask')`). Labels come first because every flow node has them.
 */
export function attributeFieldsFor(isA: (type: string) => boolean): AttributeField[] {
  const seen = new Set<string>();
  const fields: AttributeField[] = [];
  for (const type of types) {
    if (!type.extends?.some(isA)) {
      continue;
    }
    for (const property of type.properties) {
      if (!seen.has(property.name)) {
        seen.add(property.name);
        fields.push({ attribute: property.name, label: labels[property.name] });
      }
    }
  }
  return fields;
}

/** The legal basis element's type name and attributes, when the descriptor allows it on an element of that type. */
export function legalBasisFor(isA: (type: string) => boolean): { type: string; attributes: string[] } | undefined {
  const type = types.find((t) => t.meta?.allowedIn?.some(isA));
  return type ? { type: `${qadamModdle.prefix}:${type.name}`, attributes: type.properties.map((p) => p.name) } : undefined;
}
