import { h } from '@bpmn-io/properties-panel/preact';
import { TextFieldEntry, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { is, getBusinessObject } from 'bpmn-js/lib/util/ModelUtil';
import { t, type MessageKey } from '../../i18n';
import { attributeFieldsFor, legalBasisFor, legalBasisLabels } from './attributes';
import { DeadlineEntry, FormEntry, RolesEntry, TemplateEntry } from './choiceEntries';

// Attributes chosen from a list (roles, forms, documents) or built from words (the deadline) rather than typed as keys.
const chosen: Record<string, Entry['component']> = {
  candidateRoles: RolesEntry as Entry['component'],
  formKey: FormEntry as Entry['component'],
  templateKey: TemplateEntry as Entry['component'],
  deadline: DeadlineEntry as Entry['component'],
};
const alwaysEdited = () => true;

// The panel's element and business objects are bpmn-js internals; typed here only as far as this provider uses them.
interface BusinessObject {
  $type: string;
  get(name: string): unknown;
}
interface PanelElement {
  id: string;
  businessObject: BusinessObject;
}
interface Modeling {
  updateModdleProperties(element: PanelElement, target: unknown, properties: Record<string, unknown>): void;
}
interface BpmnFactory {
  create(type: string, attributes?: Record<string, unknown>): BusinessObject;
}
interface Entry {
  id: string;
  element: PanelElement;
  component: (props: EntryProps) => unknown;
  isEdited: (node: unknown) => boolean;
  attribute: string;
  labelKey?: MessageKey;
  basisType?: string;
}
interface EntryProps {
  element: PanelElement;
  id: string;
  attribute: string;
  labelKey?: MessageKey;
  basisType?: string;
}
interface Group {
  id: string;
  label: string;
  entries: Entry[];
}
interface PropertiesPanel {
  registerProvider(priority: number, provider: QadamPropertiesProvider): void;
}

const LOW_PRIORITY = 500;

// The panel passes undefined for an emptied input; an empty attribute is removed rather than written as "".
const empty = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value);

/** The legal basis extension element of a business object, if it has one. */
function legalBasisOf(bo: BusinessObject, type: string): BusinessObject | undefined {
  const extensions = bo.get('extensionElements') as { get(name: string): BusinessObject[] } | undefined;
  return extensions?.get('values').find((value) => value.$type === type);
}

// Components are module-level functions (stable identities), so re-rendering the panel keeps the focused input.
function QadamAttribute(props: EntryProps) {
  const { element, id, attribute, labelKey } = props;
  const modeling = useService<Modeling>('modeling');
  const debounce = useService<unknown>('debounceInput');
  const bo = getBusinessObject(element) as BusinessObject;
  return h(TextFieldEntry, {
    id,
    element,
    label: labelKey ? t(labelKey) : `qadam:${attribute}`,
    debounce,
    getValue: () => (bo.get(`qadam:${attribute}`) as string | undefined) ?? '',
    setValue: (value: string | undefined) => modeling.updateModdleProperties(element, bo, { [`qadam:${attribute}`]: empty(value) }),
  });
}

function QadamLegalBasis(props: EntryProps) {
  const { element, id, attribute } = props;
  const type = props.basisType ?? '';
  const modeling = useService<Modeling>('modeling');
  const bpmnFactory = useService<BpmnFactory>('bpmnFactory');
  const debounce = useService<unknown>('debounceInput');
  const bo = getBusinessObject(element) as BusinessObject;
  const setValue = (value: string | undefined) => {
    let basis = legalBasisOf(bo, type);
    if (!basis) {
      // Created on first input: <bpmn:extensionElements><qadam:legalBasis .../></bpmn:extensionElements>.
      let extensions = bo.get('extensionElements') as BusinessObject | undefined;
      if (!extensions) {
        extensions = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
        modeling.updateModdleProperties(element, bo, { extensionElements: extensions });
      }
      basis = bpmnFactory.create(type);
      modeling.updateModdleProperties(element, extensions, {
        values: [...(extensions.get('values') as unknown[]), basis],
      });
    }
    modeling.updateModdleProperties(element, basis, { [attribute]: empty(value) });
  };
  return h(TextFieldEntry, {
    id,
    element,
    label: t(legalBasisLabels[attribute] ?? 'legalBasis'),
    debounce,
    getValue: () => (legalBasisOf(bo, type)?.get(attribute) as string | undefined) ?? '',
    setValue,
  });
}

/**
 * Adds a "Qadam" group to the bpmn-js properties panel with every attribute our shared moddle descriptor declares
 * for the selected element (labels, roles, organisation scope, form, template, deadline, activity ...) and the
 * legal basis citation (act, edition, paragraph) where the descriptor allows it.
 */
export default class QadamPropertiesProvider {
  static $inject = ['propertiesPanel'];

  constructor(propertiesPanel: PropertiesPanel) {
    propertiesPanel.registerProvider(LOW_PRIORITY, this);
  }

  getGroups(element: PanelElement): (groups: Group[]) => Group[] {
    return (groups) => {
      const bo = getBusinessObject(element);
      const isA = (type: string) => is(bo, type);
      const entries: Entry[] = attributeFieldsFor(isA).map((field) => ({
        id: `qadam-${field.attribute}`,
        element,
        component: chosen[field.attribute] ?? QadamAttribute,
        isEdited: chosen[field.attribute] ? alwaysEdited : isTextFieldEntryEdited,
        attribute: field.attribute,
        labelKey: field.label,
      }));
      const basis = legalBasisFor(isA);
      basis?.attributes.forEach((attribute) =>
        entries.push({
          id: `qadam-legalBasis-${attribute}`,
          element,
          component: QadamLegalBasis,
          isEdited: isTextFieldEntryEdited,
          attribute,
          basisType: basis.type,
        }));
      if (entries.some((entry) => entry.attribute === 'labelKk')) {
        // One name per step and language: the diagram shows the Qadam labels, so BPMN's own name field is not offered.
        const general = groups.find((group) => group.id === 'general');
        if (general) {
          general.entries = general.entries.filter((entry) => entry.id !== 'name');
        }
      }
      if (entries.length > 0) {
        groups.push({ id: 'qadam', label: t('propertiesGroup'), entries });
      }
      return groups;
    };
  }
}
