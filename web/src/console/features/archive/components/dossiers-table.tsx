import { Table, Typography } from 'antd';
import { Link, useNavigate } from '@tanstack/react-router';
import { formatBytes, formatDate } from '@/lib/format';
import type { DossierSummary } from '../api/archive';
import { CheckTag } from './check-tag';
import { EMPTY_ARCHIVE } from './text';

interface Props {
  dossiers: DossierSummary[];
  loading?: boolean;
  total?: number | undefined;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  /** a filter or search is set: an empty list says nothing matched, not that nothing is archived */
  filtered: boolean;
}

/** 案卷 in a list; a click on a row opens the dossier. */
export function DossiersTable({ dossiers, loading, total, page, pageSize, onPage, filtered }: Props) {
  const navigate = useNavigate();
  return (
    <Table<DossierSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={dossiers}
      scroll={{ x: 'max-content' }}
      data-testid="dossiers-table"
      locale={{ emptyText: filtered ? '没有符合条件的案卷，请调整年度、保管期限或检索词。' : `还没有归档的案卷。${EMPTY_ARCHIVE}` }}
      onRow={(d) => ({ onClick: () => void navigate({ to: '/archive/dossiers/$id', params: { id: d.id } }), style: { cursor: 'pointer' } })}
      pagination={{ current: page, pageSize, total, onChange: onPage, showSizeChanger: true, showTotal: (n) => `共 ${n} 卷` }}
      columns={[
        {
          title: '档号',
          dataIndex: 'archiveNo',
          render: (no: string, d) => (
            <Link to="/archive/dossiers/$id" params={{ id: d.id }} data-testid="dossier-link" onClick={(e) => e.stopPropagation()}>
              {no}
            </Link>
          ),
        },
        { title: '办件编号', dataIndex: 'caseNo' },
        { title: '事项', dataIndex: 'itemName' },
        { title: '申请人', dataIndex: 'applicantName' },
        // the period over its last year, the count over the size: two short lines each, so the list fits a hall screen
        {
          title: '保管期限',
          dataIndex: 'periodName',
          render: (name: string, d) => <TwoLines main={name} sub={d.keepUntil ? `至 ${d.keepUntil.slice(0, 4)} 年底` : null} />,
        },
        { title: '件数', dataIndex: 'fileCount', align: 'right', render: (n: number, d) => <TwoLines main={`${n} 件`} sub={formatBytes(d.totalBytes)} /> },
        { title: '归档日期', dataIndex: 'archivedAt', render: (at: string) => formatDate(at) },
        { title: '检测', dataIndex: 'check', render: (_: unknown, d) => <CheckTag dossier={d} /> },
      ]}
    />
  );
}

function TwoLines({ main, sub }: { main: string; sub: string | null }) {
  return (
    <>
      <div>{main}</div>
      {sub && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {sub}
        </Typography.Text>
      )}
    </>
  );
}
