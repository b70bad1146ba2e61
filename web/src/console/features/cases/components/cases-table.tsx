import { Table, Typography } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import { Link, useNavigate } from '@tanstack/react-router';
import { atCenter } from '@/lib/format';
import type { CaseSummary } from '../api/case-schema';
import { KindTag, LightDot, StatusTag } from './case-tags';
import { ProvisionalTag } from '@/components/calendar/provisional-tag';

interface Props {
  cases: CaseSummary[];
  loading: boolean;
  pagination: TablePaginationConfig | false;
  emptyText?: string;
  /** extra column for the refusal register: reviewed or not */
  showRefusalReview?: boolean;
}

/** 2026-11-22 09:18: one line in a table cell. */
const short = (iso: string) => <span style={{ whiteSpace: 'nowrap' }}>{atCenter(iso).format('YYYY-MM-DD HH:mm')}</span>;

/** Cases as a table (ledger and work lists); a row opens the case. */
export function CasesTable({ cases, loading, pagination, emptyText, showRefusalReview }: Props) {
  const navigate = useNavigate();
  const columns: TableColumnsType<CaseSummary> = [
    {
      title: '办件编号',
      dataIndex: 'caseNo',
      width: 190,
      render: (caseNo: string, c) => (
        <Link to="/cases/$id" params={{ id: c.id }} onClick={(e) => e.stopPropagation()}>
          {caseNo}
        </Link>
      ),
    },
    {
      title: '办理事项',
      dataIndex: 'itemName',
      // long names (惠民惠农财政补贴“一卡通”发放账户变更) wrap instead of being cut; the full name also shows on hover
      render: (name: string, c) => (
        <span title={`${name}（${c.itemCode}）`} style={{ whiteSpace: 'normal', wordBreak: 'break-word' }} data-testid="ledger-item-name">
          {name} <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{c.itemCode}</Typography.Text>
        </span>
      ),
    },
    { title: '类型', dataIndex: 'sixKind', width: 84, render: (k: CaseSummary['sixKind']) => <KindTag kind={k} /> },
    { title: '状态', dataIndex: 'status', width: 140, render: (s: CaseSummary['status']) => <StatusTag status={s} /> },
    { title: '申请人', key: 'applicant', width: 100, ellipsis: true, render: (_: unknown, c) => c.applicant.name },
    { title: '受理时间', dataIndex: 'acceptedAt', width: 140, render: (v: string | null) => (v ? short(v) : <Typography.Text type="secondary">未受理</Typography.Text>) },
    {
      title: '承诺办结',
      dataIndex: 'dueAt',
      width: 140,
      render: (v: string | null, c) =>
        v ? (
          <>
            {short(v)}
            <ProvisionalTag show={c.dueProvisional} />
          </>
        ) : (
          '—'
        ),
    },
    { title: '亮灯', dataIndex: 'light', width: 76, render: (l: CaseSummary['light']) => <LightDot light={l} /> },
  ];
  if (showRefusalReview) {
    columns.push({
      title: '审查',
      key: 'review',
      width: 100,
      render: (_: unknown, c) =>
        c.refusalReview ? (
          c.refusalReview.opinion === 'questioned' ? (
            <Typography.Text type={c.refusalReview.answeredAt ? 'success' : 'danger'}>{c.refusalReview.answeredAt ? '异议已答复' : '有异议'}</Typography.Text>
          ) : (
            <Typography.Text type="success">已审查</Typography.Text>
          )
        ) : (
          <Typography.Text type="warning">待审查</Typography.Text>
        ),
    });
  }
  return (
    <Table<CaseSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={cases}
      loading={loading}
      pagination={pagination}
      onRow={(c) => ({ onClick: () => void navigate({ to: '/cases/$id', params: { id: c.id } }), style: { cursor: 'pointer' } })}
      locale={{ emptyText: emptyText ?? '没有符合条件的办件' }}
      scroll={{ x: 1040 }}
    />
  );
}
