import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { apiSchema, schemaPath } from '../../scripts/api-schema.mjs';

describe('schema.d.ts', () => {
  it('is what openapi-typescript generates from the committed OpenAPI document', async () => {
    // given the committed document (checked against the served one by OpenApiCommittedTests)
    // when the client's types are generated from it
    const generated = await apiSchema();

    // then they are the committed types: run `npm run api:generate` after regenerating openapi.json
    expect(await readFile(schemaPath, 'utf8')).toBe(generated);
  });
});
