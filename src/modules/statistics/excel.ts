/**
 * 月度统计报表 in the official layout: title, 填报单位, 统计期, units, then the table (本级, each center below with
 * everything under it, 合计), then per window, item and department; 填报人, 审核人, 填报日期 at the foot. A4 landscape,
 * fitted to the page width, headings repeated on every printed page.
 */
import ExcelJS from 'exceljs';
import { MEASURES, measureText, type Measures } from '../../domain/statistics/measures.js';
import { REPORT_STATUS_NAMES } from '../../domain/statistics/submission.js';
import type { MonthlyReport } from '../../domain/statistics/contract.js';

/** Headed by the center's own name (柳河镇便民服务中心, 清河县政务服务中心), as the center signs its papers. */
export const reportTitle = (r: MonthlyReport) => `${r.org.centerName}月度统计报表（${r.month.slice(0, 4)}年${Number(r.month.slice(5, 7))}月）`;

export async function monthlyWorkbook(r: MonthlyReport, preparedBy: string, preparedOn: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '便民服务平台';
  const sheet = book.addWorksheet('月度统计', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  const width = MEASURES.length + 1;
  sheet.columns = [{ width: 24 }, ...MEASURES.map((m) => ({ width: m.name.length > 5 ? 11 : 8 }))];
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };

  sheet.mergeCells(1, 1, 1, width);
  const title = sheet.getCell(1, 1);
  title.value = reportTitle(r);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 28;

  const status = r.report ? `第 ${r.report.version} 版，${REPORT_STATUS_NAMES[r.report.status]}${r.report.reason ? `（更正原因：${r.report.reason}）` : ''}` : '未锁定（当前实时数据）';
  sheet.mergeCells(2, 1, 2, 6);
  sheet.getCell(2, 1).value = `填报单位：${r.org.centerName}`;
  sheet.mergeCells(2, 7, 2, 11);
  sheet.getCell(2, 7).value = `统计期：${r.from} 至 ${r.to}`;
  sheet.mergeCells(2, 12, 2, width);
  sheet.getCell(2, 12).value = `单位：件、%、工作日；${status}`;
  sheet.getCell(2, 12).alignment = { horizontal: 'right' };

  let row = 3;
  const section = (name: string, rows: { name: string; measures: Measures; bold?: boolean }[]) => {
    sheet.mergeCells(row, 1, row, width);
    sheet.getCell(row, 1).value = name;
    sheet.getCell(row, 1).font = { bold: true };
    row++;
    const head = sheet.getRow(row);
    head.values = [name.startsWith('一') ? '单位' : name.replace(/^.、按/, '').replace(/统计$/, ''), ...MEASURES.map((m) => `${m.name}（${m.unit}）`)];
    head.font = { bold: true };
    head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    head.height = 32;
    head.eachCell((c) => {
      c.border = border;
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    });
    row++;
    for (const x of rows) {
      const line = sheet.getRow(row++);
      line.values = [x.name, ...MEASURES.map((m) => (m.unit === '件' ? (x.measures[m.key] ?? 0) : measureText(m.key, x.measures[m.key])))];
      if (x.bold) line.font = { bold: true };
      for (let c = 1; c <= width; c++) {
        line.getCell(c).border = border;
        if (c > 1) line.getCell(c).alignment = { horizontal: 'right' };
      }
    }
    row++;
  };
  section('一、分单位统计', [
    { name: `${r.org.centerName}（本级）`, measures: r.own },
    ...r.below.map((b) => ({ name: b.level === 'village' ? b.name : `${b.name}（含下级）`, measures: b.measures })),
    { name: '合计', measures: r.total, bold: true },
  ]);
  section('二、按窗口统计', r.windows);
  section('三、按事项统计', r.items);
  section('四、按部门统计', r.departments);

  sheet.getRow(row).values = [`填报人：${r.report?.submittedBy ?? preparedBy}`, '', '', '', '', `审核人：`, '', '', '', '', `填报日期：${preparedOn}`];
  sheet.getRow(row).font = { bold: true };
  sheet.pageSetup.printArea = `A1:${sheet.getColumn(width).letter}${row}`;
  sheet.pageSetup.printTitlesRow = '1:2';
  return Buffer.from(await book.xlsx.writeBuffer());
}
