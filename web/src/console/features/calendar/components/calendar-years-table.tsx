import { Table } from 'antd';
import { formatDateTime } from '@/lib/format';
import type { CalendarYear } from '../api/get-calendar-years';

/** The loaded years and where each arrangement came from. */
export function CalendarYearsTable({ years, loading, onPick }: { years: CalendarYear[]; loading: boolean; onPick: (year: number) => void }) {
  return (
    <Table<CalendarYear>
      rowKey="year"
      size="small"
      loading={loading}
      pagination={false}
      dataSource={[...years].sort((a, b) => b.year - a.year)}
      onRow={(y) => ({ onClick: () => onPick(y.year), style: { cursor: 'pointer' } })}
      locale={{ emptyText: '尚未导入任何年度安排' }}
      columns={[
        { title: '年度', dataIndex: 'year', width: 70, render: (y: number) => `${y}年` },
        { title: '依据', dataIndex: 'source', render: (s: string, y) => <div>{s}<div style={{ color: '#8c8c8c', fontSize: 12 }}>调整 {y.days} 天 · 导入于 {formatDateTime(y.importedAt)}</div></div> },
      ]}
    />
  );
}
