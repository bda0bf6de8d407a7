import { el } from '../app/dom';
import type { MessageKey } from '../i18n';

/** A large modal beside the diagram (form editor, templates, dry run); closing it removes it and calls `onClose`. */
export function modelerDialog(host: HTMLElement, testId: string, title: HTMLElement | MessageKey, onClose?: () => void) {
  const body = el('div', { class: 'modeler-dialog-body' });
  const dialog = el('dialog', { class: 'modeler-dialog', attrs: { 'data-testid': testId } });
  const close = () => {
    dialog.close();
  };
  dialog.addEventListener('close', () => {
    onClose?.();
    dialog.remove();
  });
  dialog.append(el('div', { class: 'modeler-dialog-head' },
    typeof title === 'string' ? el('h2', { i18n: title }) : el('h2', {}, title),
    el('span', { class: 'spacer' }),
    el('button', { i18n: 'close', attrs: { type: 'button', 'data-testid': `${testId}-close` }, on: { click: close } })), body);
  host.append(dialog);
  dialog.showModal();
  return { dialog, body, close };
}
