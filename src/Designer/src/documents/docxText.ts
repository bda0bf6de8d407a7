// A text preview of a DOCX: the package is a ZIP (fflate reads it); its word/document.xml holds the paragraphs.
import { unzipSync } from 'fflate';

/**
 * The bytes of one file inside a ZIP, or undefined when it is not there; only that entry is inflated. The
 * synchronous reader is used because fflate's asynchronous one starts blob: workers, which the API's
 * Content-Security-Policy does not allow; a DOCX preview is small.
 */
export function zipEntry(zip: ArrayBuffer, name: string): Uint8Array | undefined {
  try {
    return unzipSync(new Uint8Array(zip), { filter: (file) => file.name === name })[name];
  } catch (error) {
    throw new Error(`not a ZIP package: ${(error as Error).message}`);
  }
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, entity: string) => {
    switch (entity) {
      case 'lt': return '<';
      case 'gt': return '>';
      case 'amp': return '&';
      case 'quot': return '"';
      case 'apos': return '\'';
      default:
        return String.fromCodePoint(entity.startsWith('#x') ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
    }
  });
}

/** The paragraphs of WordprocessingML, as text (runs joined, tabs and breaks kept), table cells included. */
export function paragraphsOf(documentXml: string): string[] {
  const paragraphs: string[] = [];
  for (const match of documentXml.matchAll(/<w:p(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/w:p>)/g)) {
    const body = match[1] ?? '';
    let text = '';
    for (const piece of body.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>/g)) {
      text += piece[1] !== undefined ? unescapeXml(piece[1]) : piece[2] === 'tab' ? '\t' : '\n';
    }
    paragraphs.push(text);
  }
  return paragraphs;
}

/** The text of a DOCX, one string per paragraph. */
export async function docxParagraphs(docx: ArrayBuffer): Promise<string[]> {
  const xml = zipEntry(docx, 'word/document.xml');
  if (!xml) {
    throw new Error('no word/document.xml in the package');
  }
  return paragraphsOf(new TextDecoder().decode(xml));
}
