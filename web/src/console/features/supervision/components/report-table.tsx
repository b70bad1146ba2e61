import { Button, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CARD_LEVEL_NAMES } from '@domain/supervision/cards';
import { VIOLATION_STATUS_NAMES } from '@domain/supervision/violations';
import type { ReportNumbers, SupervisionReport } from '../api/report';

type Row = SupervisionReport['rows'][number] & { key: string };

const rate = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

const num = (title: string, value: (n: ReportNumbers) => number | string) => ({
  title,
  key: title,
  align: 'right' as const,
  render: (_: unknown, row: Row) => value(row.numbers),
});

/**
 * The report's table: a row per center (the chosen one's own figures, then each below it with its own subtree) and
 * the total. A center with centers below it opens its own report (a township's villages).
 */
export function ReportTable({ report, onCenter }: { report: SupervisionReport; onCenter: (orgId: string) => void }) {
  const columns: ColumnsType<Row> = [
    {
      title: '中心',
      key: 'name',
      fixed: 'left',
      render: (_, row) =>
        row.key === 'total' ? (
          <strong>合计</strong>
        ) : row.subtree && row.level !== 'village' ? (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onCenter(row.orgId)}>
            {row.name}（含下级）
          </Button>
        ) : (
          `${row.name}${row.subtree ? '' : '（本级）'}`
        ),
    },
    {
      title: '办件',
      children: [
        num('收件', (n) => n.cases.received),
        num('办结', (n) => n.cases.completed),
        num('按时办结', (n) => n.cases.completedOnTime),
        num('超期', (n) => n.cases.overdue),
        num('按时办结率', (n) => rate(n.cases.onTimeRate)),
      ],
    },
    {
      title: '监察记录',
      children: [
        num('合计', (n) => n.violations.total),
        num(VIOLATION_STATUS_NAMES.open, (n) => n.violations.byStatus.open),
        num(VIOLATION_STATUS_NAMES.explained, (n) => n.violations.byStatus.explained),
        num(VIOLATION_STATUS_NAMES.confirmed, (n) => n.violations.byStatus.confirmed),
        num(VIOLATION_STATUS_NAMES.dismissed, (n) => n.violations.byStatus.dismissed),
      ],
    },
    {
      title: '督办单',
      children: [
        num('发出', (n) => n.cards.issued),
        num(CARD_LEVEL_NAMES.blue, (n) => n.cards.byLevel.blue),
        num(CARD_LEVEL_NAMES.orange, (n) => n.cards.byLevel.orange),
        num(CARD_LEVEL_NAMES.red, (n) => n.cards.byLevel.red),
        num('已回告', (n) => n.cards.replied),
        num('逾期回告', (n) => n.cards.repliedLate),
        num('已销号', (n) => n.cards.closed),
      ],
    },
  ];
  const rows: Row[] = [
    ...report.rows.map((r) => ({ ...r, key: r.orgId })),
    { key: 'total', orgId: report.org.orgId, name: '合计', level: report.org.level, subtree: true, numbers: report.total },
  ];
  return <Table<Row> rowKey="key" size="small" bordered columns={columns} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }} data-testid="report-table" />;
}
