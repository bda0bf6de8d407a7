import { t, type MessageKey } from '../i18n';

/** A document's title in the screen's language by its template (workflows/<pathway>/templates), not its registry code. */
export function documentTitle(templateKey: string): string {
  const key = `document_${templateKey}` as MessageKey;
  const title = t(key);
  return title === key ? t('document_other') : title;
}
