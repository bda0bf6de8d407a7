import type { DocumentInfo, QadamApi } from '../api/client';
import { el } from '../app/dom';
import { t } from '../i18n';
import { saveBlob } from './download';

/** How long a parent waits for a first rendering at most: LibreOffice takes seconds, a busy server a little more. */
const attempts = 40;
const pause = 3000;

/**
 * A button that opens the document as a PDF (a phone reads a PDF, not a DOCX). The server renders it from the signed
 * DOCX in the background the first time; meanwhile the button says so and asks again.
 */
export function readPdfButton(api: QadamApi, doc: Pick<DocumentInfo, 'id' | 'registryNumber'>): HTMLElement {
  const status = el('span', { class: 'muted', attrs: { role: 'status', 'aria-live': 'polite' } });
  const button = el('button', {
    class: 'download', i18n: 'readPdf', attrs: { 'data-testid': 'read-pdf', 'data-document-id': doc.id },
  });
  button.addEventListener('click', () => {
    button.disabled = true;
    status.textContent = t('pdfPreparing');
    void (async () => {
      try {
        for (let attempt = 0; attempt < attempts; attempt++) {
          const pdf = await api.documentPdf(doc.id);
          if (pdf) {
            saveBlob(pdf, `${doc.registryNumber.replace(/[^\p{L}\p{N}._-]+/gu, '_')}.pdf`);
            status.textContent = '';
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, pause));
        }
        status.textContent = t('pdfFailed');
      } catch {
        status.textContent = t('pdfFailed');
      } finally {
        button.disabled = false;
      }
    })();
  });
  return el('span', { class: 'read-pdf' }, button, ' ', status);
}
