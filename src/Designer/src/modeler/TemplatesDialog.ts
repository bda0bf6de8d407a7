import { fileButton } from '../forms/fileButton';
import { errorText } from '../app/errors';
import { ApiError, type QadamApi, type TemplateInfo } from '../api/client';
import { el, formatDate, notice } from '../app/dom';
import { t } from '../i18n';
import { qadamModdle } from '../moddle/qadam';
import { modelerDialog } from './modelerDialog';
import { pathwayName } from '../staff/pathways';
import { templateTitle, type StepInfo } from './choices';

/** The template keys a version names (qadam:templateKey on its steps), each once, in document order. */
export function templateKeysOf(xml: string): string[] {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const keys = Array.from(doc.getElementsByTagName('*'))
    .map((node) => node.getAttributeNS(qadamModdle.uri, 'templateKey'))
    .filter((k): k is string => !!k && k.trim().length > 0);
  return [...new Set(keys)];
}

/** The steps of a version's XML with their labels and what they name, to title its documents. */
export function stepsOfXml(xml: string): StepInfo[] {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const attr = (node: Element, name: string) => node.getAttributeNS(qadamModdle.uri, name) || undefined;
  return Array.from(doc.getElementsByTagName('*'))
    .filter((node) => attr(node, 'labelKk') || attr(node, 'labelRu') || attr(node, 'templateKey') || attr(node, 'formKey'))
    .map((node) => ({
      labelKk: attr(node, 'labelKk'), labelRu: attr(node, 'labelRu'), name: node.getAttribute('name') || undefined,
      formKey: attr(node, 'formKey'), templateKey: attr(node, 'templateKey'),
    }));
}

export interface TemplatesOptions {
  api: QadamApi;
  host: HTMLElement;
  key: string;
  version: number;
  xml: string;
}

function templatesTable(templates: TemplateInfo[], steps: StepInfo[]): HTMLElement {
  return templates.length === 0 ? el('p', { i18n: 'templateNone' }) : el('table', { class: 'data', attrs: { 'data-testid': 'template-list' } },
    el('thead', {}, el('tr', {}, el('th', { i18n: 'propTemplate' }), el('th', { i18n: 'templateLanguage' }), el('th', { i18n: 'templateVariables' }),
      el('th', { i18n: 'templateSize' }), el('th', { i18n: 'templateUploadedAt' }), el('th', {}, 'SHA-256'))),
    el('tbody', {}, ...templates.map((tpl) => el('tr', { attrs: { 'data-template-key': tpl.templateKey, 'data-language': tpl.language } },
      el('td', {}, templateTitle(tpl.templateKey, steps)), el('td', { i18n: tpl.language === 'kk' ? 'languageKk' : 'languageRu' }), el('td', {}, tpl.variables.length
        // The placeholders are the template author's ({{student.fullName}}): counted, listed on demand.
        ? el('details', {}, el('summary', {}, String(tpl.variables.length)), el('span', { class: 'mono' }, tpl.variables.join(', ')))
        : '—'),
      el('td', {}, `${Math.ceil(tpl.sizeBytes / 1024)} KB`), el('td', {}, formatDate(tpl.uploadedAt)),
      el('td', { class: 'mono' }, tpl.sha256.slice(0, 12))))));
}

/** Uploads a DOCX template for a template key of the version, in Kazakh or Russian, showing the server's problems. */
export async function openTemplates(options: TemplatesOptions): Promise<void> {
  const { api, key, version } = options;
  const { body } = modelerDialog(options.host, 'templates', el('span', {}, t('templatesTitle', { key: pathwayName(key), version })));
  const keys = templateKeysOf(options.xml);
  const steps = stepsOfXml(options.xml);
  const listHost = el('div');
  const status = el('div', { attrs: { 'aria-live': 'polite' } });
  const errors: Record<string, HTMLElement> = {
    templateKey: el('span', { class: 'field-error', attrs: { 'data-field': 'templateKey' } }),
    language: el('span', { class: 'field-error', attrs: { 'data-field': 'language' } }),
    file: el('span', { class: 'field-error', attrs: { 'data-field': 'file' } }),
  };
  const keySelect = el('select', { attrs: { id: 'template-key' } }, ...keys.map((k) => el('option', { attrs: { value: k } }, templateTitle(k, steps))));
  const language = el('select', { attrs: { id: 'template-language' } },
    el('option', { attrs: { value: 'kk' }, i18n: 'languageKk' }), el('option', { attrs: { value: 'ru' }, i18n: 'languageRu' }));
  const file = el('input', { attrs: { id: 'template-file', type: 'file', accept: '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document' } });

  const load = async () => {
    try {
      listHost.replaceChildren(templatesTable(await api.listTemplates(key, version), steps));
    } catch (error) {
      listHost.replaceChildren(notice('info', `${t('templateListUnavailable')} ${error instanceof ApiError ? `(${error.status})` : ''}`));
    }
  };

  const upload = async (event: Event) => {
    event.preventDefault();
    Object.values(errors).forEach((e) => e.replaceChildren());
    status.replaceChildren();
    const chosen = file.files?.[0];
    if (!chosen) {
      errors['file']!.textContent = t('templateFileRequired');
      return;
    }
    try {
      const uploaded = await api.uploadTemplate(key, version, keySelect.value, language.value as 'kk' | 'ru', chosen, chosen.name);
      status.replaceChildren(notice('success', t('templateUploaded', { templateKey: templateTitle(uploaded.templateKey, steps), language: t(uploaded.language === 'kk' ? 'languageKk' : 'languageRu') })),
        uploaded.variables.length ? el('p', {}, el('span', { i18n: 'templateVariables' }), `: ${uploaded.variables.join(', ')}`) : '');
      await load();
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length) {
        const general: string[] = [];
        for (const [field, messages] of Object.entries(error.fieldErrors)) {
          const target = errors[field];
          if (target) {
            target.replaceChildren(...messages.map((m) => el('div', {}, m)));
          } else {
            general.push(`${field}: ${messages.join(' ')}`);
          }
        }
        status.replaceChildren(notice('error', error.problem.title ?? error.message), ...general.map((m) => notice('error', m)));
      } else {
        status.replaceChildren(notice('error', errorText(error)));
      }
    }
  };

  const form = el('form', { class: 'form-grid', attrs: { 'data-testid': 'template-upload' } },
    el('label', {}, el('span', { i18n: 'propTemplate' }), keySelect, errors['templateKey']),
    el('label', {}, el('span', { i18n: 'templateLanguage' }), language, errors['language']),
    el('div', { class: 'file-row' }, el('span', { i18n: 'templateFile' }), fileButton(file), errors['file']),
    el('div', {}, el('button', { class: 'primary', i18n: 'templateUpload', attrs: { type: 'submit', id: 'upload-template' } })));
  form.addEventListener('submit', (event) => void upload(event));
  body.append(keys.length ? form : notice('info', t('templateNoKeys')), status, listHost);
  await load();
}
