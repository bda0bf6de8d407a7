import type { Labelled } from '../api/client';
import { pick, t, type MessageKey } from '../i18n';
import { el } from '../app/dom';

/** A step's or task's name in the current language: its kk/ru label, else its BPMN name, else its id. */
export function stepLabel(step: Partial<Labelled>): string {
  return pick({ kk: step.labelKk, ru: step.labelRu }, step.name ?? step.elementId ?? '');
}

/** A case status in words, bound to the language switch. */
export function caseStatus(status: string): HTMLElement {
  const key = `caseStatus_${status}` as MessageKey;
  const known = t(key) !== key;
  return el('span', { class: `status status-${status}`, ...(known ? { i18n: key } : {}) }, known ? '' : status);
}

/** A timeline event (the engine's journal: started, entered, task-created ...) in words, or its code when unknown. */
export function timelineEvent(event: string): HTMLElement {
  const key = `event_${event}` as MessageKey;
  const known = t(key) !== key;
  return el('span', { class: 'event', ...(known ? { i18n: key } : {}) }, known ? '' : event);
}
