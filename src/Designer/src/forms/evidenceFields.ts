// A form field marked `"properties": { "evidence": "required" }` holds the id of a file uploaded to the case (the
// authority's letter, 349 Annex 2 para 9 / 2025 Annex 1 para 26; the VKK conclusion, para 7 / para 24; order 97 para 4,
// 9, 11). The server refuses the step without it (src/Api/Features/Evidence/RequiredEvidence.cs); the screen offers an
// upload beside the field instead of asking a person to type an id.
import type { FormSchema } from '../staff/formMapping';

export interface EvidenceField {
  key: string;
  label: string;
}

type Component = { key?: unknown; label?: unknown; properties?: { evidence?: unknown }; components?: unknown; readonly?: unknown };

function components(schema: { components?: unknown }): Component[] {
  const found: Component[] = [];
  const walk = (list: unknown) => {
    if (!Array.isArray(list)) {
      return;
    }
    for (const component of list as Component[]) {
      found.push(component);
      walk(component.components);
    }
  };
  walk(schema.components);
  return found;
}

function isEvidence(component: Component): boolean {
  return typeof component.key === 'string' && component.properties?.evidence === 'required';
}

/** The evidence fields of a form, in the form's order, with their label as stored ("kk / ru"). */
export function evidenceFields(schema: FormSchema): EvidenceField[] {
  return components(schema).filter(isEvidence).map((c) => ({
    key: c.key as string,
    label: typeof c.label === 'string' ? c.label : (c.key as string),
  }));
}

/** A copy of the schema whose evidence fields are read-only: their value comes from the upload, not the keyboard. */
export function withEvidenceReadOnly(schema: FormSchema): FormSchema {
  const copy = structuredClone(schema) as FormSchema;
  for (const component of components(copy)) {
    if (isEvidence(component)) {
      component.readonly = true;
    }
  }
  return copy;
}
