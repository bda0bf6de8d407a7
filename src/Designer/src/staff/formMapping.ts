// The mapping between the API's task data and errors and a form-js form.

/** The parts of a form-js component this mapping reads. */
export interface FormComponent {
  id?: string;
  type: string;
  key?: string;
  path?: string;
  label?: string;
  components?: FormComponent[];
  [other: string]: unknown;
}

export interface FormSchema {
  type: 'default';
  id?: string;
  schemaVersion?: number;
  components: FormComponent[];
  [other: string]: unknown;
}

/**
 * A form-js schema of one text field per key, for a task whose form the API names only by its fields
 * (GET /api/tasks/{id} answers `formFields`). Keys stay as the server knows them, so its errors find their field.
 */
export function schemaFromFields(fields: readonly string[]): FormSchema {
  return {
    type: 'default',
    id: 'qadam-task-form',
    schemaVersion: 16,
    components: fields.map((key, index) => ({ id: `Field_${index}`, type: 'textfield', key, label: key })),
  };
}

/** Each bound field of the schema by its data path (groups with a `path` prefix their children's keys). */
export function fieldsByPath(schema: FormSchema): Map<string, FormComponent> {
  const fields = new Map<string, FormComponent>();
  const walk = (components: readonly FormComponent[] | undefined, prefix: string) => {
    for (const component of components ?? []) {
      if (component.key) {
        fields.set(prefix + component.key, component);
      }
      if (component.components) {
        walk(component.components, component.path ? `${prefix}${component.path}.` : prefix);
      }
    }
  };
  walk(schema.components, '');
  return fields;
}

export interface PlacedErrors {
  /** form-js errors: messages by component id. */
  byFieldId: Record<string, string[]>;
  /** Errors that name no field of the form (the whole body, an unknown member), with the server's key. */
  general: Array<{ key: string; messages: string[] }>;
}

/**
 * Places the API's 422 errors (keyed `data.recommendation`, or `recommendation`) on the form's fields, so each
 * message shows under its input; the rest are listed above the form.
 */
export function placeFieldErrors(schema: FormSchema, errors: Record<string, readonly string[]>): PlacedErrors {
  const fields = fieldsByPath(schema);
  const placed: PlacedErrors = { byFieldId: {}, general: [] };
  for (const [key, messages] of Object.entries(errors)) {
    const path = key.replace(/^\$?\.?data\./, '');
    const field = fields.get(path);
    if (field?.id) {
      placed.byFieldId[field.id] = [...(placed.byFieldId[field.id] ?? []), ...messages];
    } else {
      placed.general.push({ key, messages: [...messages] });
    }
  }
  return placed;
}

/**
 * The data to send on completion: what form-js submitted, with blank text fields left out, so a field the
 * clerk did not touch is absent rather than an empty string the server would have to tell from a real value.
 */
export function dataToSubmit(formData: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(formData)) {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      continue;
    }
    data[key] = value;
  }
  return data;
}
