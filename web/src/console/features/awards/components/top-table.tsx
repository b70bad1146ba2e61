import { Table, Tag, Tooltip } from 'antd';
import type { TopEntry } from '../api/awards';
import { monthLabel, score, STATUS_COLOURS, STATUS_NAMES } from './text';

/**
 * A 流动红旗 or 标兵 list on screen: each window or person with their place in every month's ranking (in the top
 * places in red and bold; — where the month is not ranked or they had no result), the times in the top and the result.
 */
export function TopTable({ entries, months, top, subject, showCenter, testId }: { entries: TopEntry[]; months: string[]; top: number; subject: string; showCenter: boolean; testId: string }) {
  return (
    <Table<TopEntry>
      rowKey="subjectId"
      size="small"
      data-testid={testId}
      dataSource={entries}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '所选期间没有已关账的考核结果' }}
      rowClassName={(e) => `award-row-${e.status}`}
      columns={[
        { title: '序号', key: 'no', width: 56, render: (_v, _e, i) => i + 1 },
        { title: subject, dataIndex: 'name', fixed: 'left' },
        ...(showCenter ? [{ title: '所属中心', dataIndex: 'orgName' }] : []),
        ...months.map((month, mi) => ({
          title: monthLabel(month),
          key: month,
          align: 'center' as const,
          render: (_v: unknown, e: TopEntry) => {
            const r = e.ranks[mi];
            if (!r || r.rank === null) return <span style={{ color: '#999' }}>—</span>;
            const inTop = r.rank <= top;
            return (
              <Tooltip title={`${monthLabel(month, true)}第 ${r.rank} 名，${score(r.score)} 分`}>
                <span style={inTop ? { color: '#cf1322', fontWeight: 700 } : undefined}>{r.rank}</span>
              </Tooltip>
            );
          },
        })),
        { title: `进入前 ${top} 名次数`, dataIndex: 'timesInTop', align: 'center' as const },
        { title: '评定结果', dataIndex: 'status', render: (s: TopEntry['status']) => <Tag color={STATUS_COLOURS[s]}>{STATUS_NAMES[s]}</Tag> },
      ]}
    />
  );
}
