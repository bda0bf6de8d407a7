import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type { ScreenFactory } from '../app/context';
import { el, link, navigate } from '../app/dom';
import { diffBpmn } from '../diff/bpmnDiff';
import { qadamModdleExtension } from '../moddle/qadam';
import DiffMarkersModule from './diff-markers';
import StepNamesModule from './step-names';
import type StepNames from './step-names/StepNames';
import type DiffMarkers from './diff-markers/DiffMarkers';
import { renderDiffList } from './diffList';
import { withDiagram } from './layout';
import { pathwayName } from '../staff/pathways';

interface ZoomCanvas {
  zoom(level: string | number): number;
  scrollToElement(element: unknown, padding?: number): void;
}

/** Two versions side by side, coloured by the diff, and the diff as a list: how a lawyer checks an amendment. */
export const compareScreen: ScreenFactory = async ({ api }, params, query) => {
  const key = params['key'] ?? '';
  const definition = (await api.listDefinitions()).find((k) => k.key === key);
  const versions = definition?.versions.map((v) => v.version) ?? [];
  const to = Number(query.get('to') ?? versions[0]);
  const from = Number(query.get('from') ?? versions.find((v) => v < to) ?? to);
  const [before, after] = await Promise.all([api.getDefinitionVersion(key, from), api.getDefinitionVersion(key, to)]);
  const diff = await diffBpmn(before.content, after.content);

  const picker = (id: string, selected: number) => {
    const select = el('select', { attrs: { id } }, ...versions.map((v) => el('option', { attrs: { value: v } }, String(v))));
    select.value = String(selected);
    return select;
  };
  const fromSelect = picker('compare-from', from);
  const toSelect = picker('compare-to', to);
  const show = el('button', {
    i18n: 'compareShow',
    on: { click: () => navigate(`/app/definitions/${encodeURIComponent(key)}/compare?from=${fromSelect.value}&to=${toSelect.value}`) },
  });

  const beforeHost = el('div', { class: 'compare-canvas', attrs: { 'data-testid': 'compare-before' } });
  const afterHost = el('div', { class: 'compare-canvas', attrs: { 'data-testid': 'compare-after' } });
  const viewer = (container: HTMLElement) =>
    new NavigatedViewer({ container, additionalModules: [DiffMarkersModule, StepNamesModule], moddleExtensions: { qadam: qadamModdleExtension() } });
  const beforeViewer = viewer(beforeHost);
  const afterViewer = viewer(afterHost);

  const focus = (id: string) => {
    for (const v of [afterViewer, beforeViewer]) {
      const element = v.get<{ get(id: string): unknown }>('elementRegistry').get(id);
      if (element) {
        // A click on a line of the list shows that element at a readable size on both sides.
        const canvas = v.get<ZoomCanvas>('canvas');
        canvas.zoom(1);
        canvas.scrollToElement(element, 80);
      }
    }
  };

  const listHost = el('div', {}, renderDiffList(diff, focus));
  const pathName = el('span', {}, pathwayName(key));
  const root = el('section', { class: 'compare' },
    el('div', { class: 'toolbar' },
      link('/app/definitions', { i18n: 'backToList', class: 'button' }),
      el('h1', {}, el('span', { i18n: 'compareTitle' }), ': ', pathName),
      el('span', { class: 'spacer' }),
      el('label', {}, el('span', { i18n: 'compareBefore' }), fromSelect),
      el('label', {}, el('span', { i18n: 'compareAfter' }), toSelect),
      show),
    el('p', { class: 'legend', i18n: 'diffLegend' }),
    el('div', { class: 'compare-body' },
      el('figure', {}, el('figcaption', {}, el('span', { i18n: 'compareBefore' }), ` · ${from}`), beforeHost),
      el('figure', {}, el('figcaption', {}, el('span', { i18n: 'compareAfter' }), ` · ${to}`), afterHost)),
    listHost);

  return {
    root,
    // Imported once in the document: bpmn-js measures the container to fit the diagram.
    mounted: async () => {
      await Promise.all([
        beforeViewer.importXML(await withDiagram(before.content)),
        afterViewer.importXML(await withDiagram(after.content)),
      ]);
      beforeViewer.get<DiffMarkers>('diffMarkers').show(diff, 'before');
      afterViewer.get<DiffMarkers>('diffMarkers').show(diff, 'after');
      [beforeViewer, afterViewer].forEach((v) => v.get<ZoomCanvas>('canvas').zoom('fit-viewport'));
    },
    // The list and the diagrams' step names follow the language; the diagrams keep their zoom.
    relabel: () => {
      listHost.replaceChildren(renderDiffList(diff, focus));
      pathName.textContent = pathwayName(key);
      [beforeViewer, afterViewer].forEach((v) => v.get<StepNames>('stepNames').apply());
    },
    dispose: () => {
      beforeViewer.destroy();
      afterViewer.destroy();
    },
  };
};
