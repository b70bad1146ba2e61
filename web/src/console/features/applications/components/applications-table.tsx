import { Table } from 'antd';
import { Link } from '@tanstack/react-router';
import { formatDateTime } from '@/lib/format';
import type { ApplicationView } from '../api/applications';
import { ApplicationSourceTag, ApplicationStatusTag, PreReviewLight } from './application-tags';

interface Props {
  applications: ApplicationView[];
  loading?: boolean;
  total?: number | undefined;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
}

/** 网上申请: the light, number, item, applicant, when submitted, by when pre-reviewed, where it stands. */
export function ApplicationsTable({ applications, loading, total, page, pageSize, onPage }: Props) {
  return (
    <Table<ApplicationView>
      rowKey="id"
      loading={loading}
      dataSource={applications}
      locale={{ emptyText: '没有网上申请' }}
      scroll={{ x: 900 }}
      pagination={{ current: page, pageSize, total, onChange: onPage, showTotal: (n) => `共 ${n} 件` }}
      columns={[
        { title: '亮灯', dataIndex: 'light', width: 80, render: (_: unknown, a) => <PreReviewLight light={a.light} /> },
        {
          title: '申请编号',
          dataIndex: 'applicationNo',
          render: (no: string, a) => (
            <>
              <Link to="/applications/$id" params={{ id: a.id }} data-testid="application-link">
                {no}
              </Link>{' '}
              <ApplicationSourceTag source={a.source} />
            </>
          ),
        },
        { title: '申请事项', dataIndex: 'itemName' },
        { title: '申请人', render: (_: unknown, a) => `${a.applicant.name} ${a.applicant.phone}` },
        { title: '提交时间', dataIndex: 'submittedAt', render: (v: string) => formatDateTime(v) },
        { title: '预审期限', dataIndex: 'preReviewDueAt', render: (v: string | null) => (v ? formatDateTime(v) : '—') },
        { title: '状态', render: (_: unknown, a) => <ApplicationStatusTag status={a.status} /> },
        { title: '办件编号', dataIndex: 'caseNo', render: (v: string | null, a) => (v && a.caseId ? <Link to="/cases/$id" params={{ id: a.caseId }}>{v}</Link> : '—') },
      ]}
    />
  );
}
