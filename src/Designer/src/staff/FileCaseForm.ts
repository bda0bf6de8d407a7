import { ApiError, type QadamApi } from '../api/client';
import { el, navigate, notice } from '../app/dom';
import { language, type MessageKey } from '../i18n';

/** Today in Kazakhstan (UTC+5), as yyyy-mm-dd: the default filing date. */
export function todayInKazakhstan(now = new Date()): string {
  return new Date(now.getTime() + 5 * 3600_000).toISOString().slice(0, 10);
}

/** The form a clerk, head or regional officer files a case with; the API's 422 errors show under their fields. */
export async function fileCaseForm(api: QadamApi): Promise<HTMLElement> {
  const pathways = (await api.listDefinitions())
    .filter((k) => k.kind === 'bpmn' && k.versions.some((v) => v.status === 'published'))
    .map((k) => k.key);
  const errors = new Map<string, HTMLElement>();
  const field = (name: string, label: MessageKey, control: HTMLElement) => {
    const error = el('span', { class: 'field-error', attrs: { 'data-field': name } });
    errors.set(name, error);
    return el('label', {}, el('span', { i18n: label }), control, error);
  };
  const pathway = el('select', { attrs: { id: 'case-pathway', name: 'pathway' } }, ...pathways.map((p) => el('option', { attrs: { value: p } }, p)));
  const iin = el('input', { attrs: { id: 'case-iin', name: 'studentIin', inputmode: 'numeric', maxlength: 12, required: true } });
  const ground = el('input', { attrs: { id: 'case-ground', name: 'ground', required: true } });
  const filedOn = el('input', { attrs: { id: 'case-filed-on', name: 'filedOn', type: 'date', value: todayInKazakhstan(), required: true } });
  const lang = el('select', { attrs: { id: 'case-language', name: 'language' } },
    el('option', { attrs: { value: 'kk' }, i18n: 'languageKk' }), el('option', { attrs: { value: 'ru' }, i18n: 'languageRu' }));
  lang.value = language();
  const status = el('div');
  const form = el('form', { class: 'file-case', attrs: { 'data-testid': 'file-case' } },
    el('h2', { i18n: 'newCase' }),
    el('div', { class: 'form-grid' },
      field('pathway', 'pathway', pathway), field('studentIin', 'studentIin', iin), field('ground', 'ground', ground),
      field('filedOn', 'filedOn', filedOn), field('language', 'applicantLanguage', lang)),
    status,
    el('button', { class: 'primary', i18n: 'fileCase', attrs: { type: 'submit', id: 'file-case' } }));
  // One key per form: a double click or a retry after a lost answer files the case once.
  let idempotencyKey = crypto.randomUUID();
  form.addEventListener('input', () => {
    idempotencyKey = crypto.randomUUID();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    errors.forEach((e) => e.replaceChildren());
    status.replaceChildren();
    api.fileCase({
      pathway: pathway.value, studentIin: iin.value.trim(), ground: ground.value.trim(), filedOn: filedOn.value,
      language: lang.value === 'ru' ? 'ru' : 'kk',
    }, idempotencyKey).then((filed) => navigate(`/app/cases/${filed.id}`), (error: unknown) => {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
        for (const [name, messages] of Object.entries(error.fieldErrors)) {
          const target = errors.get(name);
          if (target) {
            target.textContent = messages.join(' ');
          } else {
            status.append(notice('error', `${name}: ${messages.join(' ')}`));
          }
        }
      } else {
        status.replaceChildren(notice('error', error instanceof Error ? error.message : String(error)));
      }
    });
  });
  return form;
}
