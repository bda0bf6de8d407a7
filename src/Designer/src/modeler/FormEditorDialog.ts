import { errorText } from '../app/errors';
import '@bpmn-io/form-js-viewer/dist/assets/form-js-base.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js-editor/dist/assets/dragula.css';
import '@bpmn-io/form-js-editor/dist/assets/properties-panel.css';
import { FormEditor } from '@bpmn-io/form-js-editor';
import { ApiError, type QadamApi } from '../api/client';
import { el, notice } from '../app/dom';
import { language, onLanguageChange, t } from '../i18n';
import { translateFormEditor } from './form-editor/formEditorTranslation';
import { modelerDialog } from './modelerDialog';

/** A new form for a key: one text block, so the editor opens on something to drag fields below. */
export function blankForm(formKey: string): Record<string, unknown> {
  return { type: 'default', id: formKey, schemaVersion: 16, exporter: { name: 'qadam', version: '1' }, components: [] };
}

export interface FormEditorOptions {
  api: QadamApi;
  host: HTMLElement;
  key: string;
  version: number;
  formKey: string;
  /** The form's title (its step's name in the screen's language); the key when there is none. */
  title?: string;
  /** Only a draft's forms are saved; a published version's form opens read only. */
  editable: boolean;
}

/** Opens a user task's form in the form-js editor, loaded from and saved to the API (forms of the version). */
export async function openFormEditor(options: FormEditorOptions): Promise<void> {
  const { api, key, version, formKey } = options;
  const status = el('div', { attrs: { 'aria-live': 'polite' } });
  const container = el('div', { class: 'form-editor', attrs: { 'data-testid': 'form-editor-canvas' } });
  let editor: FormEditor | undefined;
  const { body } = modelerDialog(options.host, 'form-editor', el('span', {}, t('formEditorTitle', { formKey: options.title ?? formKey })), () => {
    editor?.destroy();
    container.dispatchEvent(new Event('qadam:form-editor-closed'));
  });

  let schema: Record<string, unknown>;
  let isNew = false;
  try {
    schema = await api.getForm(key, version, formKey);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) {
      body.append(notice('error', errorText(error)));
      return;
    }
    schema = blankForm(formKey);
    isNew = true;
  }

  const save = async () => {
    try {
      await api.saveForm(key, version, formKey, editor!.saveSchema());
      status.replaceChildren(notice('success', t('formSaved')));
    } catch (error) {
      const messages = error instanceof ApiError
        ? [error.message, ...Object.entries(error.fieldErrors).map(([k, v]) => `${k}: ${v.join(' ')}`)].filter((m, i, all) => all.indexOf(m) === i)
        : [String(error)];
      status.replaceChildren(...messages.map((m) => notice('error', m)));
    }
  };

  body.append(
    isNew ? notice('info', t('formEditorNew')) : '',
    options.editable ? '' : notice('info', t('formEditorReadOnly')),
    el('div', { class: 'toolbar' }, el('span', { class: 'spacer' }),
      el('button', { class: 'primary', i18n: 'save', attrs: { id: 'save-form', disabled: !options.editable }, on: { click: () => void save() } })),
    status, container);
  // form-js's own words (palette, properties panel) in the screen's language; it has no translate module of its own.
  const words = translateFormEditor(container, language);
  const stopRelabel = onLanguageChange(() => words.relabel());
  container.addEventListener('qadam:form-editor-closed', () => {
    words.disconnect();
    stopRelabel();
  });
  editor = new FormEditor({ container, exporter: { name: 'qadam', version: '1' } });
  await editor.importSchema(schema);
}
