import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { MEASURES, measureText, type MeasureKey, type Measures } from '@domain/statistics/measures';

/**
 * The ledger's filters a figure opens (GET /api/cases: orgId with everything below it, or alone with orgOnly, windowId,
 * itemCode, channel, dates, status, kind).
 */
type LedgerLinkSearch = {
  orgId?: string;
  orgOnly?: 'true';
  windowId?: string;
  itemCode?: string;
  channel?: 'online' | 'agent';
  from?: string;
  to?: string;
  completedFrom?: string;
  completedTo?: string;
  overdueFrom?: string;
  overdueTo?: string;
  onTime?: 'true';
  status?: 'returned';
  kind?: 'immediate';
};

export interface ReportLine {
  key: string;
  name: string;
  measures: Measures;
  /** what narrows the ledger to this line's cases (a center, a window, an item) */
  filter: LedgerLinkSearch;
  /** a center below: its name opens its own report */
  orgId?: string;
  bold?: boolean;
}

/** Which ledger a figure opens: the cases received in the month, or those finished in it (complaints and petitions are not cases). */
export function ledgerSearchOf(key: MeasureKey, month: { from: string; to: string }): LedgerLinkSearch | null {
  const received = { from: month.from, to: month.to };
  const finished = { completedFrom: month.from, completedTo: month.to };
  switch (key) {
    case 'received':
    case 'accepted':
      return received;
    case 'overdue':
      return { overdueFrom: month.from, overdueTo: month.to };
    case 'onlineShare':
      return { ...received, channel: 'online' };
    case 'proxyShare':
      return { ...received, channel: 'agent' };
    case 'immediateShare':
      return { ...received, kind: 'immediate' };
    case 'returned':
      return { ...received, status: 'returned' };
    case 'onTime':
      return { ...finished, onTime: 'true' };
    case 'finished':
    case 'avgWorkingDays':
    case 'goodRate':
    case 'activeRate':
    case 'rectifyRate':
      return finished;
    default:
      return null;
  }
}

/** The report's table: a line per center, window, item or department, every measure a link to the ledger behind it. */
export function ReportTable({
  lines,
  firstColumn,
  period,
  onLedger,
  onCenter,
  testId,
}: {
  lines: ReportLine[];
  firstColumn: string;
  period: { from: string; to: string };
  onLedger: (search: Record<string, string>) => void;
  onCenter?: (orgId: string) => void;
  testId: string;
}) {
  const columns: ColumnsType<ReportLine> = [
    {
      title: firstColumn,
      dataIndex: 'name',
      fixed: 'left',
      width: 190,
      render: (name: string, line) =>
        line.orgId && onCenter ? (
          <Typography.Link onClick={() => onCenter(line.orgId!)} data-testid={`open-center-${line.orgId}`}>
            {name}
          </Typography.Link>
        ) : (
          <span style={line.bold ? { fontWeight: 600 } : undefined}>{name}</span>
        ),
    },
    ...MEASURES.map((m) => ({
      title: (
        <span>
          {m.name}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            （{m.unit}）
          </Typography.Text>
        </span>
      ),
      key: m.key,
      align: 'right' as const,
      width: m.name.length > 5 ? 104 : 84,
      render: (_: unknown, line: ReportLine) => {
        const text = measureText(m.key, line.measures[m.key]);
        const search = ledgerSearchOf(m.key, period);
        if (!search || text === '—') return <span style={line.bold ? { fontWeight: 600 } : undefined}>{text}</span>;
        const all = Object.fromEntries(Object.entries({ ...line.filter, ...search }).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;
        return (
          <Typography.Link onClick={() => onLedger(all)} style={line.bold ? { fontWeight: 600 } : undefined} title={`在办件台账中查看：${m.name}`} data-testid={`${testId}-${line.key}-${m.key}`}>
            {text}
          </Typography.Link>
        );
      },
    })),
  ];
  return <Table<ReportLine> rowKey="key" size="small" bordered pagination={false} columns={columns} dataSource={lines} scroll={{ x: 'max-content' }} data-testid={testId} locale={{ emptyText: '该月没有数据' }} />;
}
