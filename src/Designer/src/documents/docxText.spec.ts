import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { docxParagraphs, paragraphsOf } from './docxText';

/** A minimal ZIP (local headers, central directory, end record) as Word writes one, deflated or stored. */
function zip(files: Record<string, string>, deflate = true): ArrayBuffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const raw = Buffer.from(text, 'utf8');
    const data = deflate ? deflateRawSync(raw) : raw;
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(deflate ? 8 : 0, 10);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(raw.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, nameBytes, data);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  const all = Buffer.concat([...parts, directory, end]);
  return all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) as ArrayBuffer;
}

const documentXml = '<w:document xmlns:w="x"><w:body>'
  + '<w:p><w:r><w:t>Бұйрық № 42</w:t></w:r></w:p>'
  + '<w:p/>'
  + '<w:p w:rsidR="1"><w:r><w:t xml:space="preserve">Білім алушы: </w:t></w:r><w:r><w:t>Айгерім &amp; К°</w:t></w:r><w:r><w:tab/><w:t>5А</w:t></w:r></w:p>'
  + '</w:body></w:document>';

describe('docxParagraphs', () => {
  it('reads the paragraphs of a deflated package, runs joined, entities and tabs kept', async () => {
    // given a DOCX whose document part is deflated, beside another part
    const docx = zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': documentXml });

    // when its text is read
    const paragraphs = await docxParagraphs(docx);

    // then each paragraph is one string, the empty one included
    expect(paragraphs).toEqual(['Бұйрық № 42', '', 'Білім алушы: Айгерім & К°\t5А']);
  });

  it('reads a stored (uncompressed) package and refuses what is not a DOCX', async () => {
    expect(await docxParagraphs(zip({ 'word/document.xml': documentXml }, false))).toHaveLength(3);
    await expect(docxParagraphs(zip({ 'other.xml': '<x/>' }))).rejects.toThrow('word/document.xml');
    await expect(docxParagraphs(new TextEncoder().encode('plain text').buffer as ArrayBuffer)).rejects.toThrow('ZIP');
  });

  it('does not take w:pPr or w:proofErr for a paragraph', () => {
    expect(paragraphsOf('<w:p><w:pPr><w:jc/></w:pPr><w:proofErr/><w:r><w:t>a</w:t></w:r></w:p>')).toEqual(['a']);
  });
});
