import { describe, expect, it } from 'vitest';
import { ApiError, QadamApi } from './client';

type Call = { url: string; init: RequestInit };

function fakeFetch(status: number, body: unknown, calls: Call[]): typeof fetch {
  return (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  }) as typeof fetch;
}

describe('QadamApi', () => {
  it('sends BPMN as XML with the bearer token and the chosen language', async () => {
    // given a signed-in client in Russian
    const calls: Call[] = [];
    const api = new QadamApi(() => 'token-1', () => 'ru', '', fakeFetch(200, { valid: true, problems: [] }, calls));

    // when a definition is validated
    const result = await api.validateDefinition('<bpmn:definitions/>');

    // then the XML goes as application/xml to the validate endpoint, with token and language
    expect(result.valid).toBe(true);
    expect(calls[0]!.url).toBe('/api/definitions/validate');
    expect(calls[0]!.init.method).toBe('POST');
    expect(calls[0]!.init.body).toBe('<bpmn:definitions/>');
    expect(calls[0]!.init.headers).toMatchObject({
      Authorization: 'Bearer token-1',
      'Content-Type': 'application/xml',
      'Accept-Language': 'ru',
    });
  });

  it('reads a refused draft as problems by element id', async () => {
    // given the API refusing a draft with 422 and errors by element
    const problem = { status: 422, title: 'The command cannot be applied.', errors: [{ elementId: 'review', message: 'no roles' }] };
    const api = new QadamApi(() => 't', () => 'kk', '', fakeFetch(422, problem, []));

    // when the draft is saved
    const error = await api.saveDraft('parent-application', '<x/>').catch((e: unknown) => e);

    // then the error lists the element problems and no field errors
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(422);
    expect((error as ApiError).definitionProblems).toEqual([{ elementId: 'review', message: 'no roles' }]);
    expect((error as ApiError).fieldErrors).toEqual({});
  });

  it('reads a refused completion as errors by field, and unwraps pages of the inbox', async () => {
    // given a 422 keyed by field, and an inbox page
    const refused = new QadamApi(() => 't', () => 'kk', '', fakeFetch(422, { errors: { 'data.recommendation': ['Choose one.'] } }, []));
    const inbox = new QadamApi(() => 't', () => 'kk', '', fakeFetch(200, { page: 1, pageSize: 50, total: 1, items: [{ id: 'a' }] }, []));

    // when a task is completed, and the inbox read
    const error = (await refused.completeTask('t1', {}).catch((e: unknown) => e)) as ApiError;
    const tasks = await inbox.inbox();

    // then the field errors are there, and the inbox is the page's items
    expect(error.fieldErrors).toEqual({ 'data.recommendation': ['Choose one.'] });
    expect(tasks).toEqual([{ id: 'a' }]);
  });
  it('uploads a template as multipart without setting Content-Type itself, and reads field errors of a refused one', async () => {
    // given the API refusing the DOCX with 422 and errors by field
    const calls: Call[] = [];
    const problem = { status: 422, title: 'The template is invalid', errors: { file: ['Unknown variable {{foo}}'] } };
    const api = new QadamApi(() => 't', () => 'kk', '', fakeFetch(422, problem, calls));

    // when a template is uploaded
    const error = await api.uploadTemplate('parent-application', 3, 'order-transfer', 'ru', new Blob(['x']), 'order.docx').catch((e: unknown) => e);

    // then the body is form data with the three fields, the browser sets the boundary, and the problem is by field
    const body = calls[0]!.init.body as FormData;
    expect(calls[0]!.url).toBe('/api/definitions/parent-application/versions/3/templates');
    expect(body.get('templateKey')).toBe('order-transfer');
    expect(body.get('language')).toBe('ru');
    expect(body.get('file')).toBeInstanceOf(Blob);
    expect(calls[0]!.init.headers).not.toHaveProperty('Content-Type');
    expect((error as ApiError).fieldErrors).toEqual({ file: ['Unknown variable {{foo}}'] });
  });

  it('downloads a document as a blob with the bearer token', async () => {
    const calls: Call[] = [];
    const api = new QadamApi(() => 'token-2', () => 'kk', '', fakeFetch(200, 'PK-bytes', calls));
    const blob = await api.documentContent('d1', true);
    expect(await blob.text()).toBe('PK-bytes');
    expect(calls[0]!.url).toBe('/api/documents/d1/content?signed=true');
    expect(calls[0]!.init.headers).toMatchObject({ Authorization: 'Bearer token-2' });
  });
});
