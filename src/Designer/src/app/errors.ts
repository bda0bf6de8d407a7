import { ApiError } from '../api/client';
import { t } from '../i18n';

/**
 * What a person reads about a failure, in the screen's language: the API words its problems in the language asked for
 * (Accept-Language); a missing record, a refusal, a server fault or a lost connection get the app's own sentence, never
 * the HTTP reason phrase ("Not Found") or a script error.
 */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 404) {
      return t('errorNotFound');
    }
    if (error.status === 401 || error.status === 403) {
      return t('errorForbidden');
    }
    if (error.status >= 500) {
      return t('errorServer');
    }
    return error.problem.detail || error.problem.title || t('errorRequest');
  }
  // fetch rejects with a TypeError when the server cannot be reached; other script errors are the app's own fault.
  if (error instanceof TypeError && /fetch|network|load failed/i.test(error.message)) {
    return t('errorNetwork');
  }
  console.error(error);
  return t('errorRequest');
}
