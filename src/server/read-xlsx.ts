/**
 * A size-limited reader for uploaded .xlsx files.
 *
 * An .xlsx is a zip of XML files, and exceljs unpacks every entry into memory and builds an object for every
 * cell before we see a single row. A crafted file of a few hundred KB (one sheet of many MB of repeated rows,
 * deflated ~1000:1) made the server take 4 GB and block for 15 s. So before exceljs opens a file we read the
 * zip's central directory ourselves (no new dependency: the format is small) and check the declared entry
 * count and sizes; then we inflate every entry with a hard output cap (zlib's maxOutputLength, so a lying
 * header cannot make us allocate more than the budget) and count the rows and cells in the sheets' XML. Only a
 * file within every limit reaches exceljs, which then unpacks the very same bytes.
 */
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { DomainError } from '../domain/errors.js';

export interface SpreadsheetLimits {
  /** The file as uploaded. */
  maxBytes: number;
  /** All entries together, unpacked (the XML exceljs reads). */
  maxUncompressedBytes: number;
  /** Rows over all worksheets (every <row> element, empty formatted ones too). */
  maxRows: number;
  /** Cells over all worksheets (every <c> element). */
  maxCells: number;
  /** Files in the zip. A workbook of a few sheets has 10–30. */
  maxEntries: number;
  /** Unpacked ÷ packed for an entry above 1 MB unpacked; real sheets stay far below, zip bombs near 1000. */
  maxRatio: number;
}

/**
 * Enough for the largest legitimate import (5000 catalog items of long text is about 20 MB of XML and 115 000
 * cells), small enough that exceljs's objects for it stay in the low hundreds of MB.
 */
export const DEFAULT_SPREADSHEET_LIMITS: SpreadsheetLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxUncompressedBytes: 50 * 1024 * 1024,
  maxRows: 20_000,
  maxCells: 400_000,
  maxEntries: 500,
  maxRatio: 500,
};

export interface SpreadsheetStats {
  entries: number;
  compressedBytes: number;
  uncompressedBytes: number;
  rows: number;
  cells: number;
}

const MB = 1024 * 1024;
const mb = (bytes: number) => `${Math.max(1, Math.round(bytes / MB))} MB`;

const tooLarge = (what: string, details: Record<string, unknown>) =>
  new DomainError('SPREADSHEET_TOO_LARGE', `表格文件过大：${what}。请删去空行、多余的工作表和图片，或拆分后分批导入。`, details, 413);

export const unreadable = () =>
  new DomainError('SPREADSHEET_UNREADABLE', '文件不是有效的 Excel（.xlsx）文件。请在 Excel 或 WPS 中另存为 .xlsx 后再导入。', undefined, 422);

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_LOCATOR = 0x07064b50;

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

/** The central directory, read as strictly as JSZip reads it (exceljs unzips with JSZip). */
function readDirectory(buffer: Buffer, limits: SpreadsheetLimits): Entry[] {
  if (buffer.length < 22) throw unreadable();
  // The end-of-central-directory record is the last thing in the file, after a comment of up to 64 KB.
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable();
  const count = buffer.readUInt16LE(eocd + 10);
  const dirSize = buffer.readUInt32LE(eocd + 12);
  const dirOffset = buffer.readUInt32LE(eocd + 16);
  // ZIP64 is for archives over 4 GB or 65 535 entries; no spreadsheet we accept needs it.
  if (eocd >= 20 && buffer.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) throw tooLarge('文件使用了超大压缩格式（ZIP64）', {});
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) throw tooLarge('文件使用了超大压缩格式（ZIP64）', {});
  if (count > limits.maxEntries) throw tooLarge(`文件内含 ${count} 个部件，超过 ${limits.maxEntries} 个`, { entries: count });
  // The directory must sit exactly before its end record: data glued in front (which JSZip would skip over) or a
  // directory pointing elsewhere means our reading and exceljs's could differ, so such a file is refused.
  if (dirOffset + dirSize !== eocd) throw unreadable();

  const entries: Entry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buffer.readUInt32LE(p) !== CENTRAL) throw unreadable();
    const nameLength = buffer.readUInt16LE(p + 28);
    const extraLength = buffer.readUInt16LE(p + 30);
    const commentLength = buffer.readUInt16LE(p + 32);
    const entry: Entry = {
      flags: buffer.readUInt16LE(p + 8),
      method: buffer.readUInt16LE(p + 10),
      compressedSize: buffer.readUInt32LE(p + 20),
      uncompressedSize: buffer.readUInt32LE(p + 24),
      localOffset: buffer.readUInt32LE(p + 42),
      name: buffer.toString('utf8', p + 46, Math.min(eocd, p + 46 + nameLength)),
    };
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || entry.localOffset === 0xffffffff) {
      throw tooLarge('文件使用了超大压缩格式（ZIP64）', {});
    }
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  if (p !== eocd) throw unreadable();
  return entries;
}

/** Checks declared sizes, then the real ones; returns each entry's bytes (unpacked, at most the budget). */
function unpack(buffer: Buffer, entries: Entry[], limits: SpreadsheetLimits): { entry: Entry; data: Buffer }[] {
  let declared = 0;
  for (const entry of entries) {
    declared += entry.uncompressedSize;
    if (declared > limits.maxUncompressedBytes) {
      throw tooLarge(`解压后超过 ${mb(limits.maxUncompressedBytes)}`, { uncompressedBytes: declared, limit: limits.maxUncompressedBytes });
    }
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > MB && ratio > limits.maxRatio) {
      throw tooLarge(`“${entry.name}”的压缩比异常（${Math.round(ratio)} 倍）`, { entry: entry.name, ratio: Math.round(ratio) });
    }
  }
  let budget = limits.maxUncompressedBytes;
  return entries.map((entry) => {
    // flag bit 0: encrypted (a password-protected workbook, which exceljs cannot open either)
    if (entry.flags & 1) throw unreadable();
    const p = entry.localOffset;
    if (p + 30 > buffer.length || buffer.readUInt32LE(p) !== LOCAL) throw unreadable();
    const start = p + 30 + buffer.readUInt16LE(p + 26) + buffer.readUInt16LE(p + 28);
    const end = start + entry.compressedSize;
    if (end > buffer.length) throw unreadable();
    const packed = buffer.subarray(start, end);
    let data: Buffer;
    if (entry.method === 0) data = packed;
    else if (entry.method === 8) {
      try {
        // Never more than what is left of the budget, whatever the header claims.
        data = inflateRawSync(packed, { maxOutputLength: Math.max(1, Math.min(budget, entry.uncompressedSize + 1)) });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
          // More than declared: JSZip would stop at the size check too, but only after inflating all of it.
          throw entry.uncompressedSize + 1 > budget
            ? tooLarge(`解压后超过 ${mb(limits.maxUncompressedBytes)}`, { limit: limits.maxUncompressedBytes })
            : unreadable();
        }
        throw unreadable();
      }
    } else throw unreadable();
    if (data.length !== entry.uncompressedSize) throw unreadable();
    budget -= data.length;
    return { entry, data };
  });
}

/** Counts the elements named `tag` (with or without a namespace prefix) in XML held as bytes. */
function countTags(xml: Buffer, tag: 'row' | 'c'): number {
  const re = tag === 'row' ? /<(?:[A-Za-z_][\w.-]*:)?row[\s/>]/g : /<(?:[A-Za-z_][\w.-]*:)?c[\s/>]/g;
  // latin1 keeps one byte per character: the tags are ASCII, and the string is no larger than the XML
  return xml.toString('latin1').match(re)?.length ?? 0;
}

/**
 * Checks an .xlsx file against the limits without building any workbook: the zip directory first (refusing a
 * bomb from its header alone, in milliseconds), then the real unpacked sizes, then rows and cells. Throws
 * SPREADSHEET_TOO_LARGE (413) or SPREADSHEET_UNREADABLE (422) with a Chinese message.
 */
export function inspectXlsx(buffer: Buffer, options: Partial<SpreadsheetLimits> = {}): SpreadsheetStats {
  const limits = { ...DEFAULT_SPREADSHEET_LIMITS, ...options };
  if (buffer.length > limits.maxBytes) {
    throw tooLarge(`文件超过 ${mb(limits.maxBytes)}`, { bytes: buffer.length, limit: limits.maxBytes });
  }
  const entries = readDirectory(buffer, limits);
  const parts = unpack(buffer, entries, limits);
  let rows = 0;
  let cells = 0;
  for (const { entry, data } of parts) {
    if (!/^\/?xl\/worksheets\/[^/]+\.xml$/i.test(entry.name)) continue;
    rows += countTags(data, 'row');
    cells += countTags(data, 'c');
    if (rows > limits.maxRows) throw tooLarge(`超过 ${limits.maxRows} 行（含带格式的空行）`, { rows, limit: limits.maxRows });
    if (cells > limits.maxCells) throw tooLarge(`超过 ${limits.maxCells} 个单元格（含带格式的空单元格）`, { cells, limit: limits.maxCells });
  }
  return {
    entries: entries.length,
    compressedBytes: buffer.length,
    uncompressedBytes: parts.reduce((sum, p) => sum + p.data.length, 0),
    rows,
    cells,
  };
}

/**
 * Opens an uploaded .xlsx with exceljs once inspectXlsx has found it within the limits. Use this for every
 * spreadsheet a person uploads; never call `workbook.xlsx.load` on an upload directly.
 */
export async function readWorkbook(buffer: Buffer, options: Partial<SpreadsheetLimits> = {}): Promise<ExcelJS.Workbook> {
  inspectXlsx(buffer, options);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw unreadable();
  }
  return workbook;
}
