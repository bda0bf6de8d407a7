import { t, type MessageKey } from '../i18n';

/** A pathway's name in the screen's language by its key (the names of workflows/<pathway>/pathway.json); the key when unknown. */
export function pathwayName(key: string): string {
  const message = `pathway_${key}` as MessageKey;
  const name = t(message);
  return name === message ? key : name;
}
