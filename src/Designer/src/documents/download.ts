import type { DocumentInfo, QadamApi } from '../api/client';
import { el } from '../app/dom';

/** Hands a blob to the browser as a file download (the API needs the bearer token, so a plain link cannot fetch it). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = el('a', { attrs: { href: url, download: fileName } });
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function documentFileName(doc: Pick<DocumentInfo, 'registryNumber'>, signed = false): string {
  return `${doc.registryNumber.replace(/[^\p{L}\p{N}._-]+/gu, '_')}${signed ? '-signed' : ''}.docx`;
}

/** A button that downloads the document's DOCX (or its signed copy). */
export function downloadButton(api: QadamApi, doc: DocumentInfo, signed = false): HTMLButtonElement {
  const button = el('button', {
    class: 'download', i18n: signed ? 'documentSigned' : 'download',
    attrs: { 'data-testid': signed ? 'download-signed' : 'download', 'data-document-id': doc.id },
  });
  button.addEventListener('click', () => {
    button.disabled = true;
    api.documentContent(doc.id, signed).then((blob) => saveBlob(blob, documentFileName(doc, signed)))
      .finally(() => (button.disabled = false));
  });
  return button;
}
