import { el } from '../app/dom';
import { t } from '../i18n';

/**
 * A file input the person reads in the screen's language: the browser's own control speaks the browser's language
 * ("Choose File", "No file chosen") and cannot be restyled, so it is hidden (still focusable and reachable by its label)
 * behind the app's button and the chosen file's name.
 */
export function fileButton(input: HTMLInputElement): HTMLElement {
  input.classList.add('file-hidden');
  const name = el('span', { class: 'muted file-name', i18n: 'fileNone', attrs: { 'data-testid': `${input.id}-name` } });
  input.addEventListener('change', () => {
    const chosen = input.files?.[0];
    if (chosen) {
      delete name.dataset['i18n'];
      name.textContent = chosen.name;
    } else {
      name.dataset['i18n'] = 'fileNone';
      name.textContent = t('fileNone');
    }
  });
  return el('span', { class: 'file-field' }, input,
    el('label', { class: 'file-choice', attrs: { for: input.id } }, el('span', { class: 'button', i18n: 'fileChoose' }), ' ', name));
}
