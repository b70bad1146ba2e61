import { EditOutlined, HistoryOutlined, LinkOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { formatDateTime } from '@/lib/format';
import { useNotices, type Notice } from '@/features/public-notices/api/public-notices';
import { NoticeForm } from '@/features/public-notices/components/notice-form';
import { NoticeHistory } from '@/features/public-notices/components/notice-history';
import { WithdrawModal } from '@/features/public-notices/components/withdraw-modal';

const route = getRouteApi('/console/notices');

const STATUS_COLOR: Record<string, string> = { 公示中: 'green', 待公示: 'blue', 已到期: 'default', 已撤下: 'red' };

/**
 * 政务公开公告: a center's notices on its public page (/open/<id>) — publish, edit (versioned), withdraw (a reason
 * inside the minimum display period), every version kept. The director sees their own center; the system
 * administrator picks any center of the tree.
 */
export function PublicNoticesPage() {
  const { orgId } = route.useSearch();
  const navigate = useNavigate();
  const list = useNotices(orgId);
  const [form, setForm] = useState<{ open: boolean; editing: Notice | null }>({ open: false, editing: null });
  const [withdrawing, setWithdrawing] = useState<Notice | null>(null);
  const [history, setHistory] = useState<string | undefined>();
  const data = list.data;
  const center = data?.orgId ?? orgId;

  return (
    <>
      <PageHeader
        title="政务公开公告"
        description="公告显示在本中心的政务公开页面上，从开始日期起公示；未满最短公示天数撤下的须写明原因并记录在案。每次发布、修改、撤下都留有记录。"
        extra={
          <Space wrap>
            {data && data.centers.length > 1 && (
              <Select
                showSearch
                optionFilterProp="label"
                style={{ width: 260 }}
                value={data.orgId}
                options={data.centers.map((c) => ({ value: c.id, label: c.name }))}
                onChange={(id: string) => void navigate({ to: '/notices', search: { orgId: id } })}
                aria-label="选择中心"
              />
            )}
            {center && (
              <Button icon={<LinkOutlined />} href={`/open/${encodeURIComponent(center)}`} target="_blank">
                查看公开页面
              </Button>
            )}
            <Button type="primary" icon={<PlusOutlined />} disabled={!data} onClick={() => setForm({ open: true, editing: null })} data-testid="notice-new">
              发布公告
            </Button>
          </Space>
        }
      />
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card size="small" title={data ? `${data.orgName}的公告` : '公告'}>
          <Table<Notice>
            rowKey="id"
            size="middle"
            loading={list.isPending}
            dataSource={data?.notices ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: <Empty description="还没有发布过公告" /> }}
            columns={[
              {
                title: '公告',
                dataIndex: 'title',
                render: (title: string, n) => (
                  <Space direction="vertical" size={0}>
                    <Typography.Text strong>{title}</Typography.Text>
                    <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0, maxWidth: 520 }}>
                      {n.body}
                    </Typography.Paragraph>
                    {n.withdrawReason && <Typography.Text type="danger">撤下原因：{n.withdrawReason}</Typography.Text>}
                  </Space>
                ),
              },
              {
                title: '公示期',
                width: 210,
                render: (_: unknown, n) => (
                  <Space direction="vertical" size={0}>
                    <span>
                      {n.startDate} 至 {n.endDate ?? '撤下为止'}
                    </span>
                    <Typography.Text type="secondary">
                      最短 {n.minDays} 天（到 {n.minimumLastDay}）
                    </Typography.Text>
                  </Space>
                ),
              },
              { title: '状态', dataIndex: 'statusName', width: 90, render: (s: string) => <Tag color={STATUS_COLOR[s] ?? 'default'}>{s}</Tag> },
              {
                title: '发布',
                width: 170,
                render: (_: unknown, n) => (
                  <Space direction="vertical" size={0}>
                    <span>{n.createdByName}</span>
                    <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
                  </Space>
                ),
              },
              {
                title: '操作',
                width: 230,
                render: (_: unknown, n) => (
                  <Space size={4} wrap>
                    {n.allowedActions.includes('edit') && (
                      <Button size="small" icon={<EditOutlined />} onClick={() => setForm({ open: true, editing: n })}>
                        修改
                      </Button>
                    )}
                    {n.allowedActions.includes('withdraw') && (
                      <Button size="small" danger icon={<StopOutlined />} onClick={() => setWithdrawing(n)} data-testid="notice-withdraw">
                        撤下
                      </Button>
                    )}
                    <Button size="small" type="text" icon={<HistoryOutlined />} onClick={() => setHistory(n.id)}>
                      记录
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
      {center && <NoticeForm open={form.open} orgId={center} editing={form.editing} onClose={() => setForm({ open: false, editing: null })} />}
      <WithdrawModal notice={withdrawing} onClose={() => setWithdrawing(null)} />
      <NoticeHistory id={history} onClose={() => setHistory(undefined)} />
    </>
  );
}
