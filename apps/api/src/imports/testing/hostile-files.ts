import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/** One part of a zip: its bytes, or a generator of chunks for parts too large to hold in memory. */
export interface ZipPart {
  name: string;
  data: Buffer | (() => Iterable<Buffer>);
  /** Write this uncompressed size in the headers instead of the real one (a lying file). */
  declaredSize?: number;
}

interface Packed {
  name: Buffer;
  compressed: Buffer;
  crc: number;
  size: number;
}

async function pack(part: ZipPart): Promise<Packed> {
  const name = Buffer.from(part.name, 'utf8');
  if (Buffer.isBuffer(part.data)) {
    return { name, compressed: deflateRawSync(part.data), crc: crc32(part.data), size: part.data.length };
  }
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = 0;
  let size = 0;
  for (const chunk of part.data()) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { name, compressed: Buffer.concat(out), crc, size };
}

/** A zip file written by hand, so a test can make one that lies or explodes. */
export async function zipOf(parts: ZipPart[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const packed = await pack(part);
    const size = part.declaredSize ?? packed.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.crc >>> 0, 14);
    local.writeUInt32LE(packed.compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(packed.name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.crc >>> 0, 16);
    central.writeUInt32LE(packed.compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(packed.name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, packed.name, packed.compressed);
    centrals.push(central, packed.name);
    offset += local.length + packed.name.length + packed.compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xml = (text: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`, 'utf8');
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a minimal XLSX workbook whose one sheet and shared strings are given. */
export function workbookParts(
  sheetData: ZipPart['data'],
  sharedStrings: ZipPart['data'] = xml(`<sst xmlns="${MAIN}" count="0" uniqueCount="0"/>`),
): ZipPart[] {
  return [
    {
      name: '[Content_Types].xml',
      data: xml(
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      data: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: xml(
        `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheetData },
    { name: 'xl/sharedStrings.xml', data: sharedStrings },
  ];
}

/** A sheet whose rows are given as XML (`<row r="1">…</row>`…). */
export function sheetXml(rows: string): Buffer {
  return xml(`<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`);
}

/** Shared strings holding one string of `megabytes` MB of the letter A, generated a megabyte at a time. */
export function hugeSharedString(megabytes: number): () => Iterable<Buffer> {
  return function* () {
    yield Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="1" uniqueCount="1"><si><t>`,
    );
    const megabyte = Buffer.alloc(1024 * 1024, 'A');
    for (let i = 0; i < megabytes; i += 1) yield megabyte;
    yield Buffer.from('</t></si></sst>');
  };
}

/** A sheet of `count` rows of one inline cell each, generated in chunks. */
export function manyRows(count: number): () => Iterable<Buffer> {
  return function* () {
    yield Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>`,
    );
    for (let start = 1; start <= count; start += 10_000) {
      let chunk = '';
      for (let r = start; r < Math.min(start + 10_000, count + 1); r += 1)
        chunk += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>x${r}</t></is></c></row>`;
      yield Buffer.from(chunk);
    }
    yield Buffer.from('</sheetData></worksheet>');
  };
}
