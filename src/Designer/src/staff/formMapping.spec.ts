import { describe, expect, it } from 'vitest';
import { dataToSubmit, placeFieldErrors, schemaFromFields, type FormSchema } from './formMapping';

describe('schemaFromFields', () => {
  it('makes one text field per key the API names, keyed as the server knows them', () => {
    // given the keys of a task's form
    const fields = ['recommendation', 'conclusion'];

    // when a schema is made from them
    const schema = schemaFromFields(fields);

    // then form-js gets a text field per key, with stable ids
    expect(schema.components).toEqual([
      { id: 'Field_0', type: 'textfield', key: 'recommendation', label: 'recommendation' },
      { id: 'Field_1', type: 'textfield', key: 'conclusion', label: 'conclusion' },
    ]);
  });
});

describe('placeFieldErrors', () => {
  const schema: FormSchema = {
    type: 'default',
    components: [
      { id: 'Recommendation', type: 'radio', key: 'recommendation' },
      { id: 'Text_1', type: 'text' },
      {
        id: 'Group_1',
        type: 'group',
        path: 'parent',
        components: [{ id: 'ParentIin', type: 'textfield', key: 'iin' }],
      },
    ],
  };

  it('shows each server error under the field whose key it names', () => {
    // given the API's 422 errors keyed by data path, one inside a group
    const errors = {
      'data.recommendation': ['Choose one of: distance, home, none.'],
      'data.parent.iin': ['The IIN has 12 digits.'],
    };

    // when they are placed on the form
    const placed = placeFieldErrors(schema, errors);

    // then form-js receives them by component id and nothing is left over
    expect(placed.byFieldId).toEqual({
      Recommendation: ['Choose one of: distance, home, none.'],
      ParentIin: ['The IIN has 12 digits.'],
    });
    expect(placed.general).toEqual([]);
  });

  it('lists errors that name no field of the form above it', () => {
    // given an error on the whole body and one on a member the form does not have
    const errors = { data: ['The data is required.'], 'data.secret': ['Unknown member.'] };

    // when they are placed
    const placed = placeFieldErrors(schema, errors);

    // then both are general, with the server's keys
    expect(placed.byFieldId).toEqual({});
    expect(placed.general).toEqual([
      { key: 'data', messages: ['The data is required.'] },
      { key: 'data.secret', messages: ['Unknown member.'] },
    ]);
  });
});

describe('dataToSubmit', () => {
  it('leaves out blank text but keeps false, zero and chosen values', () => {
    // given what form-js submitted
    const submitted = { recommendation: 'distance', conclusion: '  ', agreed: false, count: 0, note: null };

    // when the data to send is taken
    const data = dataToSubmit(submitted);

    // then only the blank and null fields are gone
    expect(data).toEqual({ recommendation: 'distance', agreed: false, count: 0 });
  });
});
