import { describe, expect, it } from 'vitest';
import { evidenceFields, withEvidenceReadOnly } from './evidenceFields';

const schema = {
  type: 'default' as const,
  components: [
    { key: 'letterNumber', type: 'textfield', label: 'Хат нөмірі / Номер письма' },
    {
      type: 'group',
      components: [
        { key: 'letterEvidenceId', type: 'textfield', label: 'Хат / Письмо', properties: { evidence: 'required' } },
        { key: 'note', type: 'textfield', properties: { evidence: 'optional' } },
      ],
    },
  ],
};

describe('evidence fields', () => {
  it('finds the fields marked as required evidence, nested ones included, and nothing else', () => {
    expect(evidenceFields(schema)).toEqual([{ key: 'letterEvidenceId', label: 'Хат / Письмо' }]);
  });

  it('makes only those fields read-only, in a copy', () => {
    const copy = withEvidenceReadOnly(schema) as typeof schema;
    const group = copy.components[1] as { components: { readonly?: boolean }[] };
    expect(group.components[0]?.readonly).toBe(true);
    expect(group.components[1]?.readonly).toBeUndefined();
    expect((schema.components[1] as { components: { readonly?: boolean }[] }).components[0]?.readonly).toBeUndefined();
  });
});
