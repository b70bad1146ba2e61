import ExcelJS from 'exceljs';
import { wallTime } from '../../domain/calendar/office-hours.js';
import { CHANNEL_NAMES, LIGHT_NAMES, OUTCOME_NAMES } from '../../domain/vocabulary/index.js';
import type { CaseSummary } from './presenter.js';

/** Local date and time in the center's zone, as a clerk writes it: 2026-03-02 09:00. */
const local = (iso: string | null, timeZone: string) => (iso ? wallTime(iso, timeZone) : '');

/** The filtered ledger as an Excel sheet, exactly the rows of the filter, personal data masked. */
export async function ledgerWorkbook(cases: CaseSummary[], title: string, timeZone: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '便民服务平台';
  const sheet = book.addWorksheet('办件台账', { views: [{ state: 'frozen', ySplit: 2 }] });
  const columns = [
    ['办件编号', 24], ['事项编码', 10], ['事项名称', 30], ['办件类型', 8], ['状态', 14], ['申请人', 12], ['身份证号', 20],
    ['联系电话', 14], ['收件渠道', 9], ['收件时间', 17], ['受理时间', 17], ['承诺办结时间', 17], ['亮灯', 6], ['办理结果', 9], ['结果文号', 16],
  ] as const;
  sheet.columns = columns.map(([, width]) => ({ width }));
  sheet.mergeCells(1, 1, 1, columns.length);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  const header = sheet.getRow(2);
  header.values = columns.map(([name]) => name);
  header.font = { bold: true };
  for (const c of cases) {
    sheet.addRow([
      c.caseNo, c.itemCode, c.itemName, c.sixKindName, c.statusName, c.applicant.name, c.applicant.idNumber, c.applicant.phone,
      CHANNEL_NAMES[c.channel], local(c.createdAt, timeZone), local(c.acceptedAt, timeZone), local(c.dueAt, timeZone) + (c.dueAt && c.dueProvisional ? '（暂定）' : ''),
      c.light ? LIGHT_NAMES[c.light] : '', c.outcome ? OUTCOME_NAMES[c.outcome] : '', c.resultNo ?? '',
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
