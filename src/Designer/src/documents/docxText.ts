// A text preview of a DOCX without a library: the package is a ZIP; its word/document.xml holds the paragraphs.

const endOfCentralDirectory = 0x06054b50;
const centralEntry = 0x02014b50;
const localHeader = 0x04034b50;

/** The bytes of one file inside a ZIP, or undefined when it is not there. Stored and deflated entries are read. */
export async function zipEntry(zip: ArrayBuffer, name: string): Promise<Uint8Array | undefined> {
  const view = new DataView(zip);
  let end = -1;
  // The end record sits in the last 22 bytes plus at most a 64 KiB comment.
  for (let i = zip.byteLength - 22; i >= Math.max(0, zip.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === endOfCentralDirectory) {
      end = i;
      break;
    }
  }
  if (end < 0) {
    throw new Error('not a ZIP package');
  }
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  for (let n = 0; n < count && view.getUint32(at, true) === centralEntry; n++) {
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const offset = view.getUint32(at + 42, true);
    const entryName = decoder.decode(new Uint8Array(zip, at + 46, nameLength));
    if (entryName === name) {
      if (view.getUint32(offset, true) !== localHeader) {
        throw new Error('broken ZIP entry');
      }
      const start = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
      const data = new Uint8Array(zip.slice(start, start + compressedSize));
      if (method === 0) {
        return data;
      }
      if (method !== 8) {
        throw new Error(`unsupported ZIP compression ${method}`);
      }
      const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
      return new Uint8Array(await new Response(stream).arrayBuffer());
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  return undefined;
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
  const xml = await zipEntry(docx, 'word/document.xml');
  if (!xml) {
    throw new Error('no word/document.xml in the package');
  }
  return paragraphsOf(new TextDecoder().decode(xml));
}
