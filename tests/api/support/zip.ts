import { crc32, createDeflateRaw } from 'node:zlib';

/**
 * A small zip writer for tests that need crafted .xlsx files (zip bombs, lying headers). An entry's content is
 * `chunk` repeated `times` times, deflated as a stream so a 200 MB sheet never exists in the test's memory.
 */
export interface ZipEntry {
  name: string;
  /** Written once before the repeated chunk. */
  head?: string;
  chunk: Buffer | string;
  times?: number;
  /** Written once after it. */
  tail?: string;
  /** Write this as the unpacked size instead of the real one (a lying header). */
  declaredSize?: number;
}

async function deflateRepeated(head: Buffer, chunk: Buffer, times: number, tail: Buffer): Promise<{ packed: Buffer; crc: number; size: number }> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (d: Buffer) => out.push(d));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  const write = async (b: Buffer) => {
    crc = crc32(b, crc);
    if (!deflate.write(b)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  await write(head);
  // written in blocks of about 1 MB: two million 90-byte writes through a stream would take half a minute
  const perBlock = Math.max(1, Math.min(times, Math.floor((1 << 20) / Math.max(1, chunk.length))));
  const block = Buffer.concat(Array.from({ length: perBlock }, () => chunk));
  for (let left = times; left > 0; left -= perBlock) await write(left >= perBlock ? block : block.subarray(0, left * chunk.length));
  await write(tail);
  deflate.end();
  await done;
  return { packed: Buffer.concat(out), crc, size: head.length + chunk.length * times + tail.length };
}

export async function zip(entries: ZipEntry[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const chunk = typeof entry.chunk === 'string' ? Buffer.from(entry.chunk) : entry.chunk;
    const { packed, crc, size } = await deflateRepeated(Buffer.from(entry.head ?? ''), chunk, entry.times ?? 1, Buffer.from(entry.tail ?? ''));
    const name = Buffer.from(entry.name);
    const declared = entry.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006';
const XML = '<?xml version="1.0" encoding="UTF-8"?>';

/**
 * A one-sheet workbook whose sheet holds `rows` copies of one row: 2 000 000 rows are ~170 MB of XML packed into a
 * few hundred KB, like the crafted file that took the server to 4 GB. `declaredSheetSize` makes the zip lie about
 * the sheet's unpacked size.
 */
export function xlsxWithRows(rows: number, options: { declaredSheetSize?: number } = {}): Promise<Buffer> {
  const row = '<row r="2"><c r="A2" t="inlineStr"><is><t>低保</t></is></c><c r="B2"><v>1</v></c></row>';
  return zip([
    {
      name: '[Content_Types].xml',
      chunk:
        `${XML}<Types xmlns="${PKG}/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      chunk: `${XML}<Relationships xmlns="${PKG}/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      chunk: `${XML}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="事项目录" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      chunk: `${XML}<Relationships xmlns="${PKG}/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      head: `${XML}<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>事项编码</t></is></c></row>`,
      chunk: row,
      times: rows,
      tail: '</sheetData></worksheet>',
      ...(options.declaredSheetSize === undefined ? {} : { declaredSize: options.declaredSheetSize }),
    },
  ]);
}
