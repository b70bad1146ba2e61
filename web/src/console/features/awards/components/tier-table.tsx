import { Descriptions, Table, Tag } from 'antd';
import type { TierList } from '../api/awards';
import { NOTE_TEXT, score, TIER_NAMES } from './text';

type Entry = TierList['entries'][number];
const TIER_COLOURS = { 1: 'red', 2: 'blue', 3: 'default' } as const;

/** The year-end tiers on screen: how many places each tier has, and every person with quarters, average and tier. */
export function TierTable({ list, showCenter }: { list: TierList; showCenter: boolean }) {
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, md: 4 }} style={{ marginBottom: 12 }} data-testid="tier-summary">
        <Descriptions.Item label="参加档次评定">{list.counted} 人</Descriptions.Item>
        {([0, 1, 2] as const).map((i) => (
          <Descriptions.Item key={i} label={`${TIER_NAMES[(i + 1) as 1 | 2 | 3]}（${list.settings.tierShares[i]}%）`}>
            {list.sizes[i]} 人（名额 {list.places[i]}）
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Table<Entry>
        rowKey="subjectId"
        size="small"
        data-testid="tier-table"
        dataSource={list.entries}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '所选年度没有已关账的考核结果' }}
        columns={[
          { title: '名次', dataIndex: 'rank', width: 64, align: 'center', render: (r: number | null) => r ?? '—' },
          { title: '姓名', dataIndex: 'name' },
          ...(showCenter ? [{ title: '所属中心', dataIndex: 'orgName' }] : []),
          ...[0, 1, 2, 3].map((q) => ({ title: `第${'一二三四'[q]}季度`, key: `q${q}`, align: 'right' as const, render: (_v: unknown, e: Entry) => score(e.quarterScores[q]) })),
          { title: '年度平均分', dataIndex: 'yearScore', align: 'right', render: (x: number) => <strong>{score(x)}</strong> },
          { title: '全年扣分', dataIndex: 'deducted', align: 'right', render: (x: number) => (x > list.settings.maxDeducted ? <span style={{ color: '#cf1322' }}>{score(x)}</span> : score(x)) },
          { title: '入职日期', dataIndex: 'serviceStart', render: (d: string | null) => d ?? '—' },
          { title: '档次', dataIndex: 'tier', render: (t: Entry['tier']) => (t ? <Tag color={TIER_COLOURS[t]}>{TIER_NAMES[t]}</Tag> : <Tag>不参加评定</Tag>) },
          { title: '说明', key: 'notes', width: 280, render: (_v, e) => e.notes.map((n) => NOTE_TEXT(n, list)).join('；') || '' },
        ]}
      />
    </>
  );
}
