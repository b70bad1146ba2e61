/**
 * The year's arrangement as an Excel sheet, for administrators who type the State Council notice into a table
 * rather than a JSON file: a template to download, and the reader that turns a filled-in sheet into the same
 * year file (year-file.ts) the JSON import checks, so both give the same answers and the same Chinese errors.
 */
import ExcelJS from 'exceljs';
import { DomainError } from '../../domain/errors.js';
import type { YearFile } from '../../domain/calendar/year-file.js';
import { readWorkbook } from '../../server/read-xlsx.js';

const SHEET_NAME = '节假日安排';
const YEAR_LABEL = '年度';
const SOURCE_LABEL = '依据（通知标题）';
const HEADERS = ['节日名称', '放假开始日期', '放假结束日期', '调休上班日期（多个用顿号分隔）'] as const;
const HOLIDAY_NAMES = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];

/** A calendar sheet is a dozen rows: anything far beyond that is not one, and is refused before it is unpacked. */
export const CALENDAR_XLSX_LIMITS = { maxBytes: 1024 * 1024, maxRows: 200, maxCells: 2_000 };

/** The template: year and source on top, then one row per holiday with its name filled in and the dates empty. */
export async function yearTemplateXlsx(year: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'bianmin';
  const sheet = workbook.addWorksheet(SHEET_NAME);
  sheet.columns = [{ width: 18 }, { width: 18 }, { width: 18 }, { width: 40 }];
  const label = (cell: ExcelJS.Cell, text: string) => {
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
  };
  label(sheet.getCell('A1'), YEAR_LABEL);
  sheet.getCell('B1').value = year;
  label(sheet.getCell('A2'), SOURCE_LABEL);
  sheet.getCell('B2').value = `国务院办公厅关于${year}年部分节假日安排的通知`;
  sheet.mergeCells('B2:D2');
  HEADERS.forEach((h, i) => label(sheet.getRow(4).getCell(i + 1), h));
  HOLIDAY_NAMES.forEach((name, i) => {
    const row = sheet.getRow(5 + i);
    row.getCell(1).value = name;
    for (const c of [2, 3]) row.getCell(c).numFmt = 'yyyy-mm-dd';
  });
  sheet.getCell('A13').value =
    '填写说明：日期按 YYYY-MM-DD 填写（如 2027-02-05），放假日期含周末；没有调休上班日的留空。节日名称可按通知改写（如“国庆节、中秋节”），不需要的行整行删除。';
  sheet.mergeCells('A13:D14');
  sheet.getCell('A13').alignment = { wrapText: true, vertical: 'top' };
  sheet.getCell('A13').font = { color: { argb: 'FF7F7F7F' } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const pad = (n: string) => n.padStart(2, '0');

/** A date cell as 'YYYY-MM-DD': a real Excel date, or text such as 2027-2-5, 2027/2/5 or 2027年2月5日. */
function dateText(value: ExcelJS.CellValue): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10); // exceljs gives dates at UTC midnight
  const text = cellText(value);
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  return m ? `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}` : text;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return String(value).trim();
}

/**
 * The sheet as a year file. Rows below the header with a name are holidays; make-up days may be several in one
 * cell. Whether the dates make sense is left to parseYearFile, which says so for every row at once.
 */
export async function readYearFromXlsx(buffer: Buffer): Promise<YearFile> {
  let workbook: ExcelJS.Workbook;
  try {
    workbook = await readWorkbook(buffer, CALENDAR_XLSX_LIMITS);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'SPREADSHEET_TOO_LARGE') throw error;
    throw new DomainError('CALENDAR_FILE_UNREADABLE', '文件不是有效的 Excel（.xlsx）文件。请下载模板填写后另存为 .xlsx 再导入。');
  }
  const sheet = workbook.getWorksheet(SHEET_NAME) ?? workbook.worksheets[0];
  if (!sheet) throw new DomainError('CALENDAR_FILE_UNREADABLE', '表格里没有工作表。请下载模板填写后再导入。');

  let year: unknown = undefined;
  let source = '';
  let headerRow = 0;
  for (let r = 1; r <= Math.min(sheet.rowCount, 20) && headerRow === 0; r++) {
    const row = sheet.getRow(r);
    const first = cellText(row.getCell(1).value);
    if (first === YEAR_LABEL) {
      const v = row.getCell(2).value;
      const text = cellText(v);
      year = /^\d{4}$/.test(text) ? Number(text) : text;
    } else if (first.startsWith('依据')) source = cellText(row.getCell(2).value);
    else if (first === HEADERS[0]) headerRow = r;
  }
  if (headerRow === 0) {
    throw new DomainError('CALENDAR_FILE_UNREADABLE', `表格中找不到表头“${HEADERS.join('、')}”。请下载模板填写后再导入。`);
  }
  const holidays: YearFile['holidays'] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const name = cellText(row.getCell(1).value);
    if (!name || name.startsWith('填写说明')) continue;
    const workdays = cellText(row.getCell(4).value)
      .split(/[、,，;；\s]+/)
      .filter(Boolean)
      .map((d) => dateText(d));
    holidays.push({ name, from: dateText(row.getCell(2).value), to: dateText(row.getCell(3).value), workdays });
  }
  return { year: year as number, source, holidays };
}
