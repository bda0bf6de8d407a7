import { errorText } from '../app/errors';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'diagram-js-minimap/assets/diagram-js-minimap.css';
import './modeler.css';
import MinimapModule from 'diagram-js-minimap';
import Modeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import { ApiError, type DefinitionKey, type DefinitionProblem, type DefinitionVersion, type LegalBasis } from '../api/client';
import type { ScreenFactory } from '../app/context';
import { el, formatDate, link, notice } from '../app/dom';
import { diffBpmn } from '../diff/bpmnDiff';
import { t } from '../i18n';
import { qadamModdle, qadamModdleExtension } from '../moddle/qadam';
import { statusLabel } from './DefinitionsScreen';
import { pathwayName } from '../staff/pathways';
import { renderDiffList } from './diffList';
import { withDiagram } from './layout';
import ProblemOverlaysModule from './problem-overlays';
import type ProblemOverlays from './problem-overlays/ProblemOverlays';
import QadamPropertiesModule from './qadam-properties';
import FlushableInputModule from './flushable-input';
import TranslateModule from './translate';
import StepNamesModule from './step-names';
import { showDryRunPath } from './dryRunPath';
import type FlushableInput from './flushable-input/FlushableInput';
import { openDryRun } from './DryRunDialog';
import { openFormEditor } from './FormEditorDialog';
import { openTemplates, stepsOfXml, templateKeysOf } from './TemplatesDialog';
import { carriedTemplates, carriedTemplatesView } from './carriedTemplates';

interface Selection {
  select(element: unknown): void;
  get(): unknown[];
}
interface ScrollingCanvas {
  zoom(level: string | number): number;
  scrollToElement(element: unknown, padding?: number | { top: number; bottom: number; left: number; right: number }): void;
}

/** The smallest zoom at which a step's name is still readable on a 1,366 px screen. */
const readableZoom = 0.65;

/** Resolves after the next paint: preact (the properties panel) subscribes to diagram events only then. */
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
interface Registry {
  get(id: string): unknown;
}

/** Tomorrow in Kazakhstan (UTC+5), as yyyy-mm-dd: the default effective-from date of a publication. */
export function tomorrowInKazakhstan(now = new Date()): string {
  const local = new Date(now.getTime() + 5 * 3600_000 + 24 * 3600_000);
  return local.toISOString().slice(0, 10);
}

/** The process-level legal basis written in the BPMN, to prefill the publication's citation. */
function processLegalBasis(xml: string): LegalBasis | undefined {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const process = doc.getElementsByTagNameNS('http://www.omg.org/spec/BPMN/20100524/MODEL', 'process')[0];
  const basis = process
    ? Array.from(process.children).find((c) => c.localName === 'extensionElements')
      ?.getElementsByTagNameNS(qadamModdle.uri, 'legalBasis')[0]
    : undefined;
  return basis?.getAttribute('act')
    ? { act: basis.getAttribute('act') ?? '', edition: basis.getAttribute('edition'), paragraph: basis.getAttribute('paragraph') }
    : undefined;
}

function latestPublished(key: DefinitionKey | undefined, except?: number): DefinitionVersion | undefined {
  return key?.versions.find((v) => v.status === 'published' && v.version !== except);
}

/** The legal department's editor: one version in bpmn-js, with our properties, validation, drafts and publishing. */
export const modelerScreen: ScreenFactory = async ({ api, me }, params, query) => {
  const key = params['key'] ?? '';
  const [content, keys] = await Promise.all([api.getDefinitionVersion(key, Number(params['version'])), api.listDefinitions()]);
  let definitionKey = keys.find((k) => k.key === key);
  let loaded: DefinitionVersion = content.version;
  let dirty = false;

  const canvasHost = el('div', { class: 'modeler-canvas', attrs: { 'data-testid': 'modeler-canvas' } });
  const panelHost = el('div', { class: 'modeler-panel', attrs: { 'data-testid': 'properties-panel' } });
  const status = el('div', { class: 'modeler-status', attrs: { 'aria-live': 'polite' } });
  const problemsHost = el('section', { class: 'problems', attrs: { 'data-testid': 'problems' } });
  const title = el('span');
  const modeler = new Modeler({
    container: canvasHost,
    // Our group opens first: the legal department edits labels, roles and citations far more than BPMN internals.
    propertiesPanel: { parent: panelHost, layout: { groups: { qadam: { open: true } } } },
    // A long process read whole: the minimap shows where the readable part of the diagram is.
    minimap: { open: true },
    additionalModules: [
      BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, FlushableInputModule, QadamPropertiesModule, ProblemOverlaysModule,
      TranslateModule, StepNamesModule, MinimapModule,
    ],
    moddleExtensions: { qadam: qadamModdleExtension() },
  });
  const overlays = modeler.get<ProblemOverlays>('problemOverlays');

  const showTitle = () => {
    title.replaceChildren(`${pathwayName(loaded.key)} · `, el('span', { i18n: 'version' }), ` ${loaded.version} `, statusLabel(loaded.status));
  };
  const say = (kind: 'info' | 'error' | 'success', text: string) => status.replaceChildren(notice(kind, text));
  const xml = async () => {
    modeler.get<FlushableInput>('flushableInput').flush();
    return (await modeler.saveXML({ format: true })).xml ?? '';
  };
  /** Selects an element (its properties open in the panel) and brings it into view at a readable zoom. */
  const focus = (id: string) => {
    const element = modeler.get<Registry>('elementRegistry').get(id);
    if (element) {
      const canvas = modeler.get<ScrollingCanvas>('canvas');
      canvas.zoom(1);
      // Padding on the left keeps the element clear of the palette.
      canvas.scrollToElement(element, { top: 100, bottom: 100, left: 200, right: 100 });
      modeler.get<Selection>('selection').select(element);
    }
  };

  const showProblems = (problems: DefinitionProblem[]) => {
    const placement = overlays.show(problems);
    problemsHost.replaceChildren();
    if (problems.length === 0) {
      return;
    }
    // Each problem under the name the step shows on the diagram (the screen's language), never its id.
    const nameOf = (id: string) => {
      const element = modeler.get<Registry>('elementRegistry').get(id) as { businessObject?: { name?: string } } | undefined;
      return element?.businessObject?.name?.trim() || undefined;
    };
    problemsHost.append(el('h2', { i18n: 'validationProblems' }), el('ul', {}, ...problems.map((p) => {
      const onElement = placement.onElements.has(p.elementId);
      const name = onElement ? nameOf(p.elementId) : undefined;
      const item = el('li', { class: 'problem', attrs: { 'data-element-id': p.elementId } },
        onElement ? el('button', { class: 'link-button', on: { click: () => focus(p.elementId) } },
          name ? `«${name}»` : el('span', { i18n: 'stepOfProblem' }))
          : el('span', { i18n: 'problemOnProcess' }),
        `: ${p.message}`);
      return item;
    })));
  };

  const validate = async () => {
    try {
      const result = await api.validateDefinition(await xml());
      showProblems(result.problems);
      say(result.valid ? 'success' : 'error', result.valid ? t('validationOk') : `${t('validationProblems')}: ${result.problems.length}`);
    } catch (error) {
      say('error', errorText(error));
    }
  };

  // What the version carries for each document it renders; a draft from a published edition gets that edition's templates.
  const carriedHost = el('div');
  const showCarried = async () => {
    try {
      const current = await xml();
      const rows = carriedTemplates(templateKeysOf(current), await api.listTemplates(key, loaded.version));
      carriedHost.replaceChildren(carriedTemplatesView(rows, loaded.version, stepsOfXml(current)));
    } catch {
      carriedHost.replaceChildren();
    }
  };

  const saveDraft = async () => {
    try {
      const saved = await api.saveDraft(key, await xml());
      loaded = saved;
      dirty = false;
      showProblems([]);
      showTitle();
      definitionKey = (await api.listDefinitions()).find((k) => k.key === key);
      history.replaceState(null, '', `/app/definitions/${encodeURIComponent(key)}/versions/${saved.version}`);
      say('success', t('draftSaved', { version: saved.version }));
      void showCarried();
    } catch (error) {
      if (error instanceof ApiError && error.definitionProblems.length > 0) {
        showProblems(error.definitionProblems);
        say('error', t('draftRejected'));
      } else {
        say('error', errorText(error));
      }
    }
  };

  const publish = async () => {
    modeler.get<FlushableInput>('flushableInput').flush();
    if (loaded.status !== 'draft' || dirty) {
      say('error', t('publishOnlyDrafts'));
      return;
    }
    const current = await xml();
    const previous = latestPublished(definitionKey, loaded.version);
    const previousXml = previous ? (await api.getDefinitionVersion(key, previous.version)).content : undefined;
    openPublishDialog({
      key,
      version: loaded.version,
      basis: processLegalBasis(current) ?? previous?.legalBasis ?? undefined,
      changes: previousXml ? renderDiffList(await diffBpmn(previousXml, current)) : el('p', { i18n: 'publishNoPrevious' }),
      host: root,
      submit: async (effectiveFrom, legalBasis) => {
        const published = await api.publish(key, loaded.version, { effectiveFrom, legalBasis });
        loaded = published;
        showTitle();
        definitionKey = (await api.listDefinitions()).find((k) => k.key === key);
        void showCarried();
        status.replaceChildren(notice('success', t('published', { version: published.version, date: formatDate(effectiveFrom) })),
          previous
            ? link(`/app/definitions/${encodeURIComponent(key)}/compare?from=${previous.version}&to=${published.version}`,
              { class: 'button', i18n: 'compareWithPrevious', attrs: { 'data-testid': 'compare-after-publish' } })
            : '');
      },
    });
  };

  /** The form of the selected user task (qadam:formKey), in the form-js editor. */
  const editForm = () => {
    const selected = modeler.get<Selection>('selection').get()[0] as { businessObject?: { $type: string; get(name: string): unknown } } | undefined;
    const bo = selected?.businessObject;
    if (!bo || bo.$type !== 'bpmn:UserTask') {
      say('info', t('formEditorPickTask'));
      return;
    }
    const formKey = bo.get('qadam:formKey');
    if (typeof formKey !== 'string' || !formKey.trim()) {
      say('info', t('formEditorNoKey'));
      return;
    }
    const title = (bo.get('name') as string | undefined)?.trim();
    void openFormEditor({ api, host: root, key, version: loaded.version, formKey: formKey.trim(), title, editable: loaded.status === 'draft' });
  };

  modeler.on('commandStack.changed', (event: { trigger?: string }) => {
    if (event.trigger === 'clear') {
      return;
    }
    if (!dirty) {
      say('info', t('unsavedChanges'));
    }
    dirty = true;
  });
  // Closing the tab with unsaved edits asks first; the edits live only in this page until "Save draft".
  const guard = (event: BeforeUnloadEvent) => {
    if (dirty) {
      event.preventDefault();
    }
  };
  window.addEventListener('beforeunload', guard);

  const toolbar = el('div', { class: 'toolbar' },
    link('/app/definitions', { i18n: 'backToList', class: 'button' }),
    el('h1', {}, title),
    el('span', { class: 'spacer' }),
    el('button', { i18n: 'formEditor', attrs: { id: 'edit-form' }, on: { click: editForm } }),
    el('button', { i18n: 'templates', attrs: { id: 'templates' }, on: { click: () => void xml().then((current) => openTemplates({ api, host: root, key, version: loaded.version, xml: current })) } }),
    el('button', { i18n: 'dryRun', attrs: { id: 'dry-run' }, on: { click: () => {
      // The dry run runs the saved version: unsaved edits are not in it.
      if (dirty) {
        say('info', t('dryRunUnsaved'));
      }
      openDryRun({
        api, host: root, key, version: loaded.version,
        organisation: me.organisationCode && /^[sc]\d/.test(me.organisationCode) ? me.organisationCode : 's1',
        onPath: (path) => showDryRunPath(modeler, path),
      });
    } } }),
    el('button', { i18n: 'validate', attrs: { id: 'validate' }, on: { click: () => void validate() } }),
    el('button', { i18n: 'saveDraft', attrs: { id: 'save-draft' }, on: { click: () => void saveDraft() } }),
    el('button', { class: 'primary', i18n: 'publish', attrs: { id: 'publish' }, on: { click: () => void publish() } }));
  const root = el('section', { class: 'modeler' }, toolbar, status, carriedHost,
    el('div', { class: 'modeler-body' }, canvasHost, panelHost), problemsHost);
  showTitle();

  return {
    root,
    // bpmn-js measures its container while importing: the diagram is imported once the screen is in the document.
    mounted: async () => {
      await modeler.importXML(await withDiagram(content.content));
      dirty = false;
      const canvas = modeler.get<ScrollingCanvas>('canvas');
      // A long process fitted whole is a thumbnail: below a readable scale it opens at its start, the minimap showing the rest.
      if (canvas.zoom('fit-viewport') < readableZoom) {
        canvas.zoom(readableZoom);
        const start = modeler.get<{ filter(f: (e: { type: string }) => boolean): unknown[] }>('elementRegistry')
          .filter((e) => e.type === 'bpmn:StartEvent')[0];
        if (start) {
          canvas.scrollToElement(start, { top: 200, bottom: 200, left: 120, right: 2000 });
        }
      }
      void showCarried();
      // ?element=<id> opens the version on one step (links from the comparison and from problem lists).
      const element = query.get('element');
      if (element) {
        // The panel re-mounts on import and listens to the selection only once painted.
        await afterPaint();
        await afterPaint();
        focus(element);
      }
    },
    // The diagram keeps unsaved edits across a language switch; only language-bound texts change.
    relabel: () => {
      showTitle();
      void showCarried();
      // bpmn-js's palette and panels redraw their texts (translate module) on i18n.changed.
      modeler.get<{ fire: (event: string) => void }>('eventBus').fire('i18n.changed');
      // The properties panel draws its labels when the selection changes: select the same again to redraw them.
      const selection = modeler.get<Selection>('selection');
      const selected = selection.get();
      selection.select(null);
      selection.select(selected);
    },
    dispose: () => {
      window.removeEventListener('beforeunload', guard);
      modeler.destroy();
    },
  };
};

interface PublishDialogOptions {
  key: string;
  version: number;
  basis?: LegalBasis;
  changes: HTMLElement;
  host: HTMLElement;
  submit: (effectiveFrom: string, basis: LegalBasis) => Promise<void>;
}

/** Asks for the effective date and legal basis, and says what changes for new cases and that running ones keep theirs. */
function openPublishDialog(options: PublishDialogOptions): void {
  const input = (id: string, value: string, type = 'text', required = false) =>
    el('input', { attrs: { id, name: id, type, value, required } });
  const date = input('effective-from', tomorrowInKazakhstan(), 'date', true);
  const act = input('legal-act', options.basis?.act ?? '', 'text', true);
  const edition = input('legal-edition', options.basis?.edition ?? '');
  const paragraph = input('legal-paragraph', options.basis?.paragraph ?? '');
  const explainNew = el('p', { attrs: { 'data-testid': 'publish-explain-new' } });
  const explain = () => explainNew.replaceChildren(
    t('publishExplainNew', { date: formatDate(date.value), key: options.key, version: options.version }));
  date.addEventListener('input', explain);
  explain();
  const errors = el('div');
  const field = (labelKey: Parameters<typeof t>[0], control: HTMLInputElement) =>
    el('label', {}, el('span', { i18n: labelKey }), control);
  const dialog = el('dialog', { class: 'publish-dialog', attrs: { 'data-testid': 'publish-dialog' } });
  const form = el('form', { attrs: { method: 'dialog' } },
    el('h2', { i18n: 'publishTitle' }),
    field('effectiveFrom', date), field('publishAct', act), field('publishEdition', edition), field('publishParagraph', paragraph),
    explainNew,
    el('p', { class: 'keep-edition', i18n: 'publishExplainRunning' }),
    el('h3', { i18n: 'publishChangesTitle' }),
    options.changes,
    errors,
    el('div', { class: 'dialog-actions' },
      el('button', { attrs: { type: 'button', value: 'cancel' }, i18n: 'cancel', on: { click: () => dialog.close() } }),
      el('button', { class: 'primary', attrs: { type: 'submit', id: 'confirm-publish' }, i18n: 'publishConfirm' })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!act.value.trim() || !date.value) {
      errors.replaceChildren(notice('error', t('fieldRequired')));
      return;
    }
    const basis: LegalBasis = { act: act.value.trim(), edition: edition.value.trim() || null, paragraph: paragraph.value.trim() || null };
    options.submit(date.value, basis).then(() => {
      dialog.close();
      dialog.remove();
    }, (error: unknown) => {
      const messages = error instanceof ApiError
        ? [error.message, ...Object.entries(error.fieldErrors).map(([k, v]) => `${k}: ${v.join(' ')}`)]
        : [String(error)];
      errors.replaceChildren(...messages.map((m) => notice('error', m)));
    });
  });
  dialog.append(form);
  options.host.append(dialog);
  dialog.showModal();
}
