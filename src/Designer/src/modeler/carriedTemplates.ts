import type { TemplateInfo } from '../api/client';
import { el } from '../app/dom';
import { t } from '../i18n';
import { templateTitle, type StepInfo } from './choices';

/** One document a version renders, and whether its Kazakh and Russian templates are there. */
export interface CarriedTemplate {
  templateKey: string;
  kk: boolean;
  ru: boolean;
}

/**
 * The templates a version carries for each document it renders (qadam:templateKey, in document order): a draft made from
 * a published edition gets that edition's, and publishing is refused while one is missing in either language.
 */
export function carriedTemplates(templateKeys: string[], templates: TemplateInfo[]): CarriedTemplate[] {
  const present = new Set(templates.map((tpl) => `${tpl.templateKey}:${tpl.language}`));
  return templateKeys.map((templateKey) => ({ templateKey, kk: present.has(`${templateKey}:kk`), ru: present.has(`${templateKey}:ru`) }));
}

/** The legal department's summary on the modeler screen: each document, and which language's template is there or missing. */
export function carriedTemplatesView(rows: CarriedTemplate[], version: number, steps: StepInfo[] = []): HTMLElement {
  const language = (row: CarriedTemplate, code: 'kk' | 'ru') => {
    const name = t(code === 'kk' ? 'languageKk' : 'languageRu');
    return el('span', { class: row[code] ? 'template-present' : 'template-missing', attrs: { 'data-language': code } },
      t(row[code] ? 'templatePresent' : 'templateMissing', { language: name }));
  };
  return el('section', { class: 'carried-templates', attrs: { 'data-testid': 'carried-templates', 'aria-live': 'polite' } },
    el('h2', {}, t('carriedTemplatesTitle', { version })),
    rows.length === 0
      ? el('p', {}, t('carriedTemplatesNone'))
      : el('ul', {}, ...rows.map((row) => el('li',
        { attrs: { 'data-template-key': row.templateKey, 'data-complete': String(row.kk && row.ru) } },
        el('span', { class: 'template-title' }, templateTitle(row.templateKey, steps)), ': ', language(row, 'kk'), ', ', language(row, 'ru')))));
}
