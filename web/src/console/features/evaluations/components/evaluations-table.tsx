import { Link } from '@tanstack/react-router';
import { Table, Tag, Tooltip } from 'antd';
import { isBadLevel, isGoodLevel } from '@domain/evaluation/levels';
import { formatDateTime } from '@/lib/format';
import type { Evaluation } from '../api/evaluations';

const levelColor = (level: string) => (isBadLevel(level) ? 'red' : isGoodLevel(level) ? 'green' : 'default');

/** The ratings: case, center and window, responsible person, level, channel (default and paper marked), comment. */
export function EvaluationsTable(props: {
  evaluations: Evaluation[];
  loading: boolean;
  total: number | undefined;
  page: number;
  pageSize: number | undefined;
  onPage: (page: number, pageSize: number) => void;
  showCenter: boolean;
}) {
  return (
    <Table<Evaluation>
      rowKey="id"
      size="middle"
      loading={props.loading}
      dataSource={props.evaluations}
      pagination={{ current: props.page, pageSize: props.pageSize ?? 20, total: props.total, showTotal: (n) => `共 ${n} 条`, onChange: props.onPage }}
      columns={[
        { title: '评价时间', dataIndex: 'ratedAt', width: 150, render: (v: string) => formatDateTime(v) },
        {
          title: '办件',
          key: 'case',
          render: (_, e) => (
            <>
              <Link to="/cases/$id" params={{ id: e.caseId }}>
                {e.caseNo}
              </Link>
              <div style={{ color: '#595959' }}>{e.itemName}</div>
            </>
          ),
        },
        ...(props.showCenter ? [{ title: '中心', dataIndex: 'centerName', width: 140 }] : []),
        { title: '窗口', key: 'window', width: 120, render: (_: unknown, e: Evaluation) => e.windowName ?? '—' },
        { title: '承办人', key: 'person', width: 90, render: (_: unknown, e: Evaluation) => e.person?.name ?? '—' },
        {
          title: '满意度',
          key: 'level',
          width: 110,
          render: (_, e) => (
            <>
              <Tag color={levelColor(e.level)}>{e.levelName}</Tag>
              {e.round === 2 && <Tag>整改后评价</Tag>}
            </>
          ),
        },
        {
          title: '渠道',
          key: 'channel',
          width: 170,
          render: (_, e) => (
            <>
              {e.channelName}
              {e.isDefault && <Tag style={{ marginLeft: 4 }}>默认</Tag>}
              {e.enteredBy && <div style={{ color: '#595959' }}>代录：{e.enteredBy.name}</div>}
            </>
          ),
        },
        { title: '文字评价', dataIndex: 'comment', ellipsis: true, render: (v: string | null) => (v ? <Tooltip title={v}>{v}</Tooltip> : '—') },
        { title: '状态', key: 'excluded', width: 90, render: (_, e) => (e.excluded ? <Tooltip title={e.excluded.reason}>已剔除</Tooltip> : '计入') },
      ]}
    />
  );
}
