import ExcelJS from 'exceljs';
import type { ReportNumbers, SupervisionReport } from '../../domain/contract/supervision-report.js';
import { CARD_LEVEL_NAMES, CARD_LEVELS } from '../../domain/supervision/cards.js';
import { VIOLATION_STATUS_NAMES, VIOLATION_STATUSES } from '../../domain/supervision/violations.js';

/** 清河县便民服务电子监察月报（2026年3月） */
export function reportTitle(report: SupervisionReport): string {
  const [y, m] = report.month.split('-').map(Number) as [number, number];
  return `${report.org.name}便民服务电子监察月报（${y}年${m}月）`;
}

export const rateText = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/**
 * The report as a workbook: sheet 月报 with a row per center and the total (cases, violations by status, cards),
 * sheet 规则统计 with the violations of each center by rule, and the top rules. Title, unit, period, 制表人 and
 * 制表日期 head each sheet.
 */
export async function reportWorkbook(report: SupervisionReport, preparedBy: string, preparedOn: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '便民服务平台';
  const title = reportTitle(report);
  const head = (sheet: ExcelJS.Worksheet, width: number) => {
    sheet.mergeCells(1, 1, 1, width);
    sheet.getCell(1, 1).value = title;
    sheet.getCell(1, 1).font = { bold: true, size: 14 };
    sheet.getCell(1, 1).alignment = { horizontal: 'center' };
    sheet.getRow(2).values = [`填报单位：${report.org.centerName}`, '', '', `统计期间：${report.from} 至 ${report.to}`, '', '', `制表人：${preparedBy}`, '', `制表日期：${preparedOn}`];
  };

  const sheet = book.addWorksheet('月报', { views: [{ state: 'frozen', ySplit: 3 }] });
  const columns: [string, number, (n: ReportNumbers) => number | string][] = [
    ['收件数', 8, (n) => n.cases.received],
    ['办结数', 8, (n) => n.cases.completed],
    ['按时办结数', 10, (n) => n.cases.completedOnTime],
    ['超期件数', 8, (n) => n.cases.overdue],
    ['按时办结率', 10, (n) => rateText(n.cases.onTimeRate)],
    ['监察记录', 8, (n) => n.violations.total],
    ...VIOLATION_STATUSES.map((s): [string, number, (n: ReportNumbers) => number] => [VIOLATION_STATUS_NAMES[s], 8, (n) => n.violations.byStatus[s]]),
    ['督办单', 8, (n) => n.cards.issued],
    ...CARD_LEVELS.map((l): [string, number, (n: ReportNumbers) => number] => [CARD_LEVEL_NAMES[l], 9, (n) => n.cards.byLevel[l]]),
    ['已回告', 8, (n) => n.cards.replied],
    ['逾期回告', 8, (n) => n.cards.repliedLate],
    ['已销号', 8, (n) => n.cards.closed],
  ];
  sheet.columns = [{ width: 26 }, ...columns.map(([, width]) => ({ width }))];
  head(sheet, columns.length + 1);
  sheet.getRow(3).values = ['中心', ...columns.map(([name]) => name)];
  sheet.getRow(3).font = { bold: true };
  for (const r of report.rows) sheet.addRow([r.subtree ? `${r.name}（含下级）` : `${r.name}（本级）`, ...columns.map(([, , value]) => value(r.numbers))]);
  const total = sheet.addRow(['合计', ...columns.map(([, , value]) => value(report.total))]);
  total.font = { bold: true };

  const rules = book.addWorksheet('规则统计');
  rules.columns = [{ width: 26 }, { width: 10 }, { width: 30 }, { width: 10 }];
  head(rules, 4);
  rules.getRow(3).values = ['中心', '规则编号', '规则名称', '次数'];
  rules.getRow(3).font = { bold: true };
  for (const r of report.rows) for (const v of r.numbers.violations.byRule) rules.addRow([r.name, v.ruleNumber, v.name, v.count]);
  rules.addRow([]);
  rules.addRow(['触发最多的监察规则']).font = { bold: true };
  for (const v of report.topRules) rules.addRow(['全部', v.ruleNumber, v.name, v.count]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
