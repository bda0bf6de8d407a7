/** The TypeScript text of src/api/schema.d.ts for the committed OpenAPI document. */
export function apiSchema(): Promise<string>;
export const schemaPath: URL;
