import { DownloadOutlined, EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { useMe } from '@/lib/auth';
import { tableExportUrl, useStandardsTable, useStartRound, type StandardsTableRow } from '@/features/standards/api/standards';
import '@/features/standards/components/standards.css';
import '@shared/report-sheet.css';

const route = getRouteApi('/console/standards');

const STATUS_COLORS: Record<string, string> = { draft: 'default', submitted: 'processing', rectifying: 'orange', closed: 'green' };
const score = (n: number | null) => (n === null ? <Typography.Text type="secondary">—</Typography.Text> : n);

/**
 * 标准化建设 (/standards): the centers the signed-in person assesses (a village agent: their village) with 填写自评,
 * and the table of every center below — latest self and inspected scores, gaps open and overdue — printed on A4
 * or downloaded as Excel.
 */
export function StandardsTablePage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const go = useNavigate();
  const me = useMe();
  const table = useStandardsTable(search.year);
  const start = useStartRound();
  const showError = useErrorFeedback();
  const data = table.data;
  const thisYear = Number((data?.today ?? new Date().toISOString()).slice(0, 4));
  const open = (orgId: string) =>
    start.mutate(
      { orgId },
      {
        onSuccess: (round) => void go({ to: '/standards/rounds/$id', params: { id: round.id } }),
        onError: (e) => showError(e),
      },
    );
  const mineRows = data ? data.mine.map((m) => ({ ...m, row: data.rows.find((r) => r.orgId === m.orgId) })) : [];

  return (
    <>
      <PageHeader
        title="标准化建设"
        description="村便民服务室“五有”和乡镇便民服务中心的标准化建设：中心自评（附现场照片），县级检查评分，整改项限期整改"
        extra={
          <Space wrap>
            <Select
              style={{ width: 150 }}
              value={search.year ?? 0}
              onChange={(v) => void navigate({ search: v ? { year: v } : {} })}
              options={[{ value: 0, label: '各中心最近一轮' }, ...[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y} 年` }))]}
              aria-label="年度"
            />
            <Button icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!data}>
              打印
            </Button>
            <Button type="primary" icon={<DownloadOutlined />} href={tableExportUrl(search.year)} disabled={!data}>
              导出 Excel
            </Button>
          </Space>
        }
      />
      {table.isPending ? (
        <PageLoading />
      ) : table.isError ? (
        <QueryError error={table.error} onRetry={() => void table.refetch()} />
      ) : (
        <>
          {mineRows.length > 0 && (
            <Card title="本中心自评" size="small" style={{ marginBottom: 12 }} className="no-print">
              <Space direction="vertical" style={{ width: '100%' }}>
                {mineRows.map(({ orgId, orgName, row }) => (
                  <div key={orgId} className="standards-item-head" data-testid={`mine-${orgId}`}>
                    <Space wrap>
                      <Typography.Text strong>{orgName}</Typography.Text>
                      {row?.status ? <Tag color={STATUS_COLORS[row.status]}>{row.year} 年 · {row.statusName}</Tag> : <Tag>未开始自评</Tag>}
                      {row && row.gapsOpen > 0 && <Tag color={row.gapsOverdue > 0 ? 'red' : 'orange'}>整改项 {row.gapsOpen} 项{row.gapsOverdue > 0 ? `，逾期 ${row.gapsOverdue} 项` : ''}</Tag>}
                    </Space>
                    <Button type="primary" icon={<EditOutlined />} loading={start.isPending} onClick={() => open(orgId)}>
                      {row?.year === thisYear ? '打开' : `填写 ${thisYear} 年自评`}
                    </Button>
                  </div>
                ))}
              </Space>
            </Card>
          )}
          <div className="report-sheet">
            <Card>
              <h2 className="report-sheet-title" data-testid="standards-title">
                {data!.unitName}标准化建设情况表{data!.year ? `（${data!.year}年）` : ''}
              </h2>
              <div className="report-sheet-meta">
                <span>填报单位：{data!.unitName}</span>
                <span>统计范围：{data!.year ? `${data!.year} 年` : '各中心最近一轮'}</span>
                <span>制表人：{me.user.name}</span>
                <span>制表日期：{data!.today}</span>
              </div>
              <Table<StandardsTableRow>
                rowKey="orgId"
                size="small"
                pagination={false}
                scroll={{ x: 900 }}
                dataSource={data!.rows}
                locale={{ emptyText: <Empty description="没有可查看的中心" /> }}
                columns={[
                  {
                    title: '中心',
                    dataIndex: 'orgName',
                    render: (name: string, r) =>
                      r.roundId ? (
                        <Link to="/standards/rounds/$id" params={{ id: r.roundId }}>
                          {name}
                        </Link>
                      ) : (
                        name
                      ),
                  },
                  { title: '所属乡镇', dataIndex: 'parentName', render: (n: string | null) => n ?? '—' },
                  { title: '年度', dataIndex: 'year', width: 70, render: (y: number | null) => y ?? '—' },
                  { title: '状态', dataIndex: 'statusName', width: 170, render: (s: string, r) => <Tag color={r.status ? STATUS_COLORS[r.status] : 'default'}>{s}</Tag> },
                  { title: '自评得分', dataIndex: 'selfTotal', width: 90, align: 'right', render: score },
                  { title: '检查得分', dataIndex: 'inspectedTotal', width: 90, align: 'right', render: score },
                  { title: '检查日期', dataIndex: 'inspectedOn', width: 110, render: (d: string | null) => d ?? '—' },
                  { title: '未完成整改', dataIndex: 'gapsOpen', width: 100, align: 'right' },
                  {
                    title: '逾期未整改',
                    dataIndex: 'gapsOverdue',
                    width: 100,
                    align: 'right',
                    render: (n: number) => (n > 0 ? <Typography.Text type="danger" strong>{n}</Typography.Text> : n),
                  },
                ]}
              />
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
                说明：自评得分在中心提交自评后计入；检查得分为县级检查评分；未完成整改指尚未经县级确认的整改项，逾期未整改指超过整改期限仍未登记整改的整改项。
              </Typography.Paragraph>
            </Card>
          </div>
        </>
      )}
    </>
  );
}
