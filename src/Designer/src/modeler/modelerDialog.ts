import { el } from '../app/dom';
import type { MessageKey } from '../i18n';

/** A large modal over the diagram (form editor, templates) or a panel beside it (dry run); closing it removes it and calls `onClose`. */
export function modelerDialog(host: HTMLElement, testId: string, title: HTMLElement | MessageKey, onClose?: () => void, side = false) {
  const body = el('div', { class: 'modeler-dialog-body' });
  // A side dialog (the dry run) leaves the diagram in view and usable: what it marks there is part of its answer.
  const dialog = el('dialog', { class: side ? 'modeler-dialog modeler-side-dialog' : 'modeler-dialog', attrs: { 'data-testid': testId } });
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
  if (side) {
    dialog.show();
  } else {
    dialog.showModal();
  }
  return { dialog, body, close };
}
