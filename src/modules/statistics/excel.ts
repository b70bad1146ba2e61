/**
 * 月度统计报表 in the official layout: title, 填报单位, 统计期, units, then the table (本级, each center below with
 * everything under it, 合计), then per window, item and department (本级 only, closed by 本级合计); 填报人, 审核人,
 * 填报日期 at the foot. A4 landscape, fitted to the page width, headings repeated on every printed page. Shares and
 * days are numbers with a number format, so they can be summed and charted; a measure with no value reads —.
 */
import ExcelJS from 'exceljs';
import { belowLabel, GROUP_NOTE, GROUP_SECTIONS, OWN_TOTAL_LINE, type GroupKind } from '../../domain/statistics/labels.js';
import { MEASURES, type Measures } from '../../domain/statistics/measures.js';
import { REPORT_STATUS_NAMES } from '../../domain/statistics/submission.js';
import type { MonthlyReport } from '../../domain/statistics/contract.js';

/** Headed by the center's own name (柳河镇便民服务中心, 清河县政务服务中心), as the center signs its papers. */
export const reportTitle = (r: MonthlyReport) => `${r.org.centerName}月度统计报表（${r.month.slice(0, 4)}年${Number(r.month.slice(5, 7))}月）`;

/** A measure's number format: 59.6% for shares (the cell holds 0.596), 2.4 for days, whole numbers for counts. */
const NUM_FMT: Record<(typeof MEASURES)[number]['unit'], string> = { '件': '0', '%': '0.0%', '天': '0.0' };

/** `preparedOn`: the day of the export (填报日期). 填报人 is whoever submitted the version, as on the screen. */
export async function monthlyWorkbook(r: MonthlyReport, preparedOn: string): Promise<Buffer> {
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
  const section = (name: string, column: string, rows: { name: string; measures: Measures; bold?: boolean }[], note?: string) => {
    sheet.mergeCells(row, 1, row, width);
    sheet.getCell(row, 1).value = name;
    sheet.getCell(row, 1).font = { bold: true };
    row++;
    const head = sheet.getRow(row);
    head.values = [column, ...MEASURES.map((m) => `${m.name}（${m.unit}）`)];
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
      line.getCell(1).value = x.name;
      MEASURES.forEach((m, i) => {
        const cell = line.getCell(i + 2);
        const value = x.measures[m.key];
        // counts are 0 when there are none; a share or an average of nothing has no value
        cell.value = value ?? (m.unit === '件' ? 0 : '—');
        if (typeof cell.value === 'number') cell.numFmt = NUM_FMT[m.unit];
      });
      if (x.bold) line.font = { bold: true };
      for (let c = 1; c <= width; c++) {
        line.getCell(c).border = border;
        if (c > 1) line.getCell(c).alignment = { horizontal: 'right' };
      }
    }
    if (note) {
      sheet.mergeCells(row, 1, row, width);
      sheet.getCell(row, 1).value = `注：${note}`;
      sheet.getCell(row, 1).font = { size: 9, color: { argb: 'FF595959' } };
      row++;
    }
    row++;
  };
  section('一、分单位统计', '单位', [
    { name: `${r.org.centerName}（本级）`, measures: r.own },
    ...r.below.map((b) => ({ name: belowLabel(b.name, b.level), measures: b.measures })),
    { name: '合计', measures: r.total, bold: true },
  ]);
  const groups: [string, GroupKind][] = [
    ['二', 'windows'],
    ['三', 'items'],
    ['四', 'departments'],
  ];
  for (const [n, kind] of groups) {
    const { title, column } = GROUP_SECTIONS[kind];
    section(`${n}、${title.replace(/（本级）$/, '统计（本级）')}`, column, [...r[kind], { name: OWN_TOTAL_LINE, measures: r.own, bold: true }], GROUP_NOTE);
  }

  sheet.getRow(row).values = [`填报人：${r.report?.submittedBy ?? '—'}`, '', '', '', '', `审核人：`, '', '', '', '', `填报日期：${preparedOn}`];
  sheet.getRow(row).font = { bold: true };
  sheet.pageSetup.printArea = `A1:${sheet.getColumn(width).letter}${row}`;
  sheet.pageSetup.printTitlesRow = '1:2';
  return Buffer.from(await book.xlsx.writeBuffer());
}
