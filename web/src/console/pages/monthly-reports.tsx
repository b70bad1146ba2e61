import { DownloadOutlined, EditOutlined, PrinterOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, Modal, Row, Space, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import dayjs from 'dayjs';
import { useState } from 'react';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { centerNow, formatDateTime } from '@/lib/format';
import { useMe } from '@/lib/auth';
import { Chart } from '@/features/dashboard/components/chart';
import { reportExportUrl, useMonthlyReport, useReportAction, useSubmissions, useTrend, type MonthlyReport, type SubmissionList } from '@/features/monthly-reports/api/monthly-reports';
import { ReportTable, type ReportLine } from '@/features/monthly-reports/components/report-table';
import { belowLabel, GROUP_NOTE, GROUP_SECTIONS, OWN_TOTAL_LINE, VERSION_ORIGIN_NAMES, type GroupKind } from '@domain/statistics/labels';
import { REPORT_STATUS_NAMES, SUBMISSION_STATE_NAMES, type SubmissionState } from '@domain/statistics/submission';
import '@shared/report-sheet.css';

const route = getRouteApi('/console/reports/monthly');

const monthTitle = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
const dayTitle = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const STATE_COLOR: Record<SubmissionState, string> = { submitted: 'green', submitted_late: 'red', pending: 'default', late: 'red', returned: 'orange', returned_late: 'red', missing: 'default' };
const ACTION_NAMES: Record<string, string> = { snapshot: '月末快照生成', submit: '报送', return: '退回', correct: '更正（生成新版本）' };

type Dialog = { kind: 'return'; reportId: string; rowVersion: number; name: string } | { kind: 'correct'; reportId: string; rowVersion: number } | null;

/**
 * 月度统计报表 (/reports/monthly, issue 13 §1): a center's monthly figures (本级, the centers below, per window, item and
 * department), locked at month end; the director (a village's agent) submits it upward by the due day or corrects it
 * (a new version with its reason); the upper level sees who has submitted and who is late, and returns a report with a
 * comment. A 12-month trend and a comparison of the centers below; every figure opens the ledger behind it.
 */
export function MonthlyReportsPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const go = useNavigate();
  const me = useMe();
  const report = useMonthlyReport(search);
  const data = report.data;
  const query = { month: data?.month ?? search.month, orgId: data?.org.orgId ?? search.orgId };
  const hasBelow = (data?.below.length ?? 0) > 0;
  const subs = useSubmissions(query, Boolean(data) && hasBelow);
  const trend = useTrend(query);
  const act = useReportAction();
  const showError = useErrorFeedback();
  const { message, modal } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<{ text: string }>();

  const toLedger = (s: Record<string, string>) => void go({ to: '/cases', search: s });
  const toCenter = (orgId: string) => void navigate({ search: { ...search, orgId } });

  const submit = (r: NonNullable<MonthlyReport['report']>, d: MonthlyReport) =>
    modal.confirm({
      title: `报送${monthTitle(d.month)}月报？`,
      content: `报送给${d.upperName ?? '上级'}（截止 ${dayTitle(d.dueDate)}）。报送后如需修改，请用“更正”生成新版本并写明原因。`,
      okText: '报送',
      cancelText: '取消',
      onOk: () =>
        act.mutateAsync({ id: r.id, action: 'submit', expectedVersion: r.rowVersion }).then(
          () => void message.success('月报已报送。'),
          (e: unknown) => showError(e, { onReload: () => void report.refetch() }),
        ),
    });

  const confirmDialog = async () => {
    if (!dialog) return;
    let text: string;
    try {
      ({ text } = await form.validateFields());
    } catch {
      // the form already shows what is missing under the field; nothing was sent
      return;
    }
    act.mutate(
      dialog.kind === 'return' ? { id: dialog.reportId, action: 'return', expectedVersion: dialog.rowVersion, comment: text } : { id: dialog.reportId, action: 'correct', expectedVersion: dialog.rowVersion, reason: text },
      {
        onSuccess: () => {
          void message.success(dialog.kind === 'return' ? `已退回${dialog.name}的月报，对方会收到站内消息。` : '已生成新版本，请核对后重新报送。');
          setDialog(null);
          form.resetFields();
        },
        onError: (e) => showError(e, { onReload: () => void report.refetch() }),
      },
    );
  };

  const lines = (d: MonthlyReport): ReportLine[] => [
    { key: 'own', name: `${d.org.centerName}（本级）`, measures: d.own, filter: { orgId: d.org.orgId, orgOnly: 'true' } },
    ...d.below.map((b) => ({ key: b.orgId, name: belowLabel(b.name, b.level), measures: b.measures, filter: { orgId: b.orgId }, orgId: b.orgId })),
    ...(d.below.length > 0 ? [{ key: 'total', name: '合计', measures: d.total, filter: { orgId: d.org.orgId }, bold: true }] : []),
  ];
  // the center's own cases only: closed by 本级合计, the 本级 line of the centers table, so the lines reconcile
  const groupLines = (d: MonthlyReport, kind: GroupKind): ReportLine[] => [
    ...d[kind].map((g) => ({
      key: `${kind}-${g.key || 'none'}`,
      name: g.name,
      measures: g.measures,
      filter: { orgId: d.org.orgId, orgOnly: 'true' as const, ...(kind === 'windows' && g.key ? { windowId: g.key } : {}), ...(kind === 'items' ? { itemCode: g.key } : {}) },
    })),
    ...(d[kind].length > 0 ? [{ key: `${kind}-own-total`, name: OWN_TOTAL_LINE, measures: d.own, filter: { orgId: d.org.orgId, orgOnly: 'true' as const }, bold: true }] : []),
  ];
  const groupTab = (d: MonthlyReport, kind: GroupKind) => ({
    key: kind,
    label: GROUP_SECTIONS[kind].title,
    children: (
      <>
        <ReportTable lines={groupLines(d, kind)} firstColumn={GROUP_SECTIONS[kind].column} period={d} onLedger={toLedger} testId={`monthly-${kind}`} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }} data-testid={`monthly-${kind}-note`}>
          {GROUP_NOTE}
        </Typography.Paragraph>
      </>
    ),
  });

  return (
    <>
      <PageHeader
        title="月度统计报表"
        description="按月统计本级和下级各中心的收件、办结、超期、评价、投诉等；月末自动锁定，按期逐级报送，数字可点开查看办件"
        extra={
          <Space wrap>
            <DatePicker
              picker="month"
              allowClear={false}
              value={data ? dayjs(`${data.month}-01`) : undefined}
              disabledDate={(d) => d.isAfter(centerNow(), 'month')}
              onChange={(d) => d && void navigate({ search: { ...search, month: d.format('YYYY-MM') } })}
              aria-label="统计月份"
              data-testid="monthly-month"
            />
            {search.orgId && search.orgId !== me.user.orgId && <Button onClick={() => void navigate({ search: { month: search.month } })}>回到本级</Button>}
            <Button icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!data}>
              打印
            </Button>
            <Button type="primary" icon={<DownloadOutlined />} href={reportExportUrl(query)} disabled={!data} data-testid="monthly-export">
              导出 Excel
            </Button>
          </Space>
        }
      />
      {report.isPending ? (
        <PageLoading />
      ) : report.isError ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <div className="report-sheet">
          <Card style={{ marginBottom: 12 }}>
            <h2 className="report-sheet-title" data-testid="monthly-title">
              {data!.org.centerName}月度统计报表（{monthTitle(data!.month)}）
            </h2>
            <div className="report-sheet-meta">
              <span>填报单位：{data!.org.centerName}</span>
              <span>
                统计期：{data!.from} 至 {data!.to}
              </span>
              <span>填报人：{data!.report?.submittedBy ?? '—'}</span>
              <span>单位：件、%、工作日</span>
            </div>
            <Space wrap style={{ marginBottom: 12 }} data-testid="monthly-status">
              {data!.report ? (
                <>
                  <Tag color="blue">第 {data!.report.version} 版</Tag>
                  <Tag color={data!.report.status === 'submitted' ? 'green' : data!.report.status === 'returned' ? 'orange' : 'default'}>{data!.upperName ? REPORT_STATUS_NAMES[data!.report.status] : '本级汇总，无需上报'}</Tag>
                  {data!.upperName && (data!.report.status !== 'returned' || data!.report.state === 'returned_late') && <Tag color={STATE_COLOR[data!.report.state]}>{SUBMISSION_STATE_NAMES[data!.report.state]}</Tag>}
                  <Typography.Text type="secondary" data-testid="monthly-taken">
                    {VERSION_ORIGIN_NAMES[data!.report.origin]}于 {formatDateTime(data!.report.takenAt)}
                  </Typography.Text>
                  {data!.upperName && (
                    <Typography.Text type="secondary">
                      报送给{data!.upperName}，截止 {dayTitle(data!.dueDate)}
                    </Typography.Text>
                  )}
                </>
              ) : (
                <Tag>未锁定：当前实时数据，月末自动生成快照</Tag>
              )}
              {data!.can.submit && (
                <Button type="primary" icon={<SendOutlined />} onClick={() => submit(data!.report!, data!)} data-testid="monthly-submit">
                  报送
                </Button>
              )}
              {data!.can.correct && (
                <Button icon={<EditOutlined />} onClick={() => setDialog({ kind: 'correct', reportId: data!.report!.id, rowVersion: data!.report!.rowVersion })} data-testid="monthly-correct">
                  更正
                </Button>
              )}
            </Space>
            {data!.report?.status === 'returned' && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                message={`${data!.report.returnedBy ?? '上级'}退回了本月报：${data!.report.returnComment ?? ''}`}
                description="请核对后点“更正”生成新版本（写明更正原因），或核对无误后重新报送。"
                data-testid="monthly-returned"
              />
            )}
            {data!.report?.reason && <Alert type="info" style={{ marginBottom: 12 }} message={`本版本为更正版本，更正原因：${data!.report.reason}`} />}
            <Tabs
              items={[
                { key: 'centers', label: '分单位', children: <ReportTable lines={lines(data!)} firstColumn="单位" period={data!} onLedger={toLedger} onCenter={toCenter} testId="monthly-centers" /> },
                groupTab(data!, 'windows'),
                groupTab(data!, 'items'),
                groupTab(data!, 'departments'),
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
              说明：收件、受理按登记、受理时间，办结、按时办结按办结时间统计；超期指本月办结时已超过期限，或到月末仍未办结且已过期限；即办件、网上办理、代办占比以收件数为分母；好评率、主动评价率、差评整改率与好差评统计口径一致；平均办结工作日自受理次日起算。点击数字打开办件台账（本级一行只含本级收件，合计含下级）。投诉、信访不是办件，请到投诉、信访台账查看。
            </Typography.Paragraph>
          </Card>

          {hasBelow && (
            <Card title={`下级报送情况（${monthTitle(data!.month)}，截止 ${dayTitle(data!.dueDate)}）`} style={{ marginBottom: 12 }} data-testid="monthly-submissions">
              {subs.isError ? (
                <QueryError error={subs.error} onRetry={() => void subs.refetch()} />
              ) : (
                <SubmissionsTable list={subs.data} loading={subs.isPending} onOpen={toCenter} onReturn={(c) => setDialog({ kind: 'return', reportId: c.reportId!, rowVersion: c.rowVersion!, name: c.name })} />
              )}
            </Card>
          )}

          <Row gutter={12}>
            <Col xs={24} lg={hasBelow ? 12 : 24}>
              <Card title="近 12 个月趋势（合计）" size="small" style={{ marginBottom: 12 }}>
                {trend.data ? (
                  <Chart
                    height={260}
                    label={`近 12 个月收件、办结、超期：${trend.data.series.map((s) => `${s.month} 收件 ${s.measures.received ?? 0}`).join('，')}`}
                    option={{
                      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
                      tooltip: { trigger: 'axis' },
                      legend: { top: 0 },
                      xAxis: { type: 'category', data: trend.data.months.map((m) => `${Number(m.slice(5, 7))}月`) },
                      yAxis: { type: 'value', minInterval: 1 },
                      series: [
                        { type: 'line', name: '收件', data: trend.data.series.map((s) => s.measures.received ?? 0) },
                        { type: 'line', name: '办结', data: trend.data.series.map((s) => s.measures.finished ?? 0) },
                        { type: 'line', name: '超期', data: trend.data.series.map((s) => s.measures.overdue ?? 0), itemStyle: { color: '#cf1322' } },
                      ],
                    }}
                    onClick={(i) => {
                      const m = trend.data?.months[i];
                      if (m) void navigate({ search: { ...search, month: m } });
                    }}
                  />
                ) : (
                  <PageLoading />
                )}
              </Card>
            </Col>
            {hasBelow && (
              <Col xs={24} lg={12}>
                <Card title="下级单位对比" size="small" style={{ marginBottom: 12 }}>
                  <Chart
                    height={260}
                    label={`下级单位对比：${data!.below.map((b) => `${b.name} 收件 ${b.measures.received ?? 0}`).join('，')}`}
                    option={{
                      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
                      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                      legend: { top: 0 },
                      xAxis: { type: 'category', data: data!.below.map((b) => b.name.replace(/便民服务(中心|室)$/, '')), axisLabel: { interval: 0, rotate: data!.below.length > 6 ? 30 : 0 } },
                      yAxis: { type: 'value', minInterval: 1 },
                      series: [
                        { type: 'bar', name: '收件', data: data!.below.map((b) => b.measures.received ?? 0) },
                        { type: 'bar', name: '办结', data: data!.below.map((b) => b.measures.finished ?? 0) },
                        { type: 'bar', name: '超期', data: data!.below.map((b) => b.measures.overdue ?? 0), itemStyle: { color: '#cf1322' } },
                      ],
                    }}
                    onClick={(i) => {
                      const b = data!.below[i];
                      if (b) toCenter(b.orgId);
                    }}
                  />
                </Card>
              </Col>
            )}
          </Row>

          {data!.versions.length > 0 && (
            <Card title="版本和报送记录" size="small" data-testid="monthly-history">
              <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
                {data!.versions.map((v) => (
                  <Descriptions.Item key={v.id} label={`第 ${v.version} 版${v.current ? '（当前）' : ''}`}>
                    {formatDateTime(v.takenAt)} {v.origin === 'correction' ? `${v.takenBy ?? ''}${VERSION_ORIGIN_NAMES.correction}` : `${VERSION_ORIGIN_NAMES.snapshot}（自动生成）`}
                    {v.reason ? `，原因：${v.reason}` : ''}，{REPORT_STATUS_NAMES[v.status]}
                  </Descriptions.Item>
                ))}
              </Descriptions>
              <Timeline
                items={data!.events.map((e) => ({
                  color: e.action === 'return' ? 'orange' : e.action === 'submit' ? 'green' : 'blue',
                  children: `${formatDateTime(e.at)} ${e.by ?? '系统'} ${ACTION_NAMES[e.action] ?? e.action}（第 ${e.version} 版）${e.comment ? `：${e.comment}` : ''}`,
                }))}
              />
            </Card>
          )}
        </div>
      )}
      <Modal
        open={dialog !== null}
        title={dialog?.kind === 'return' ? `退回${dialog.name}的月报` : '更正月报'}
        okText={dialog?.kind === 'return' ? '退回' : '生成新版本'}
        cancelText="取消"
        confirmLoading={act.isPending}
        onOk={() => void confirmDialog()}
        onCancel={() => {
          setDialog(null);
          form.resetFields();
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {dialog?.kind === 'return' ? '写明退回的原因和要核对的内容，对方会收到站内消息，更正后重新报送。' : '按当前办件数据重新统计，生成新版本；原版本保留可查。新版本须重新报送。'}
        </Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item name="text" label={dialog?.kind === 'return' ? '退回意见' : '更正原因'} rules={[{ required: true, whitespace: true, message: dialog?.kind === 'return' ? '请填写退回意见' : '请填写更正原因' }]}>
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="monthly-dialog-text" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function SubmissionsTable({ list, loading, onOpen, onReturn }: { list: SubmissionList | undefined; loading: boolean; onOpen: (orgId: string) => void; onReturn: (c: SubmissionList['centers'][number]) => void }) {
  if (!loading && list && list.centers.length === 0) return <Empty description="没有下级单位" />;
  const late = list?.centers.filter((c) => c.late).length ?? 0;
  return (
    <>
      {late > 0 && <Alert type="error" showIcon style={{ marginBottom: 8 }} message={`${late} 个单位逾期（未报送或逾期报送）`} data-testid="monthly-late-count" />}
      <Table
        rowKey="orgId"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={list?.centers ?? []}
        rowClassName={(c) => (c.late ? 'monthly-late-row' : '')}
        columns={[
          { title: '单位', dataIndex: 'name', render: (name: string, c) => <Typography.Link onClick={() => onOpen(c.orgId)}>{name}</Typography.Link> },
          {
            title: '报送情况',
            dataIndex: 'state',
            render: (s: SubmissionState, c) => (
              <Tag color={STATE_COLOR[s]} data-testid={`state-${c.orgId}`}>
                {SUBMISSION_STATE_NAMES[s]}
              </Tag>
            ),
          },
          { title: '版本', dataIndex: 'version', render: (v: number | null) => (v ? `第 ${v} 版` : '—') },
          { title: '报送时间', dataIndex: 'submittedAt', render: (v: string | null) => (v ? formatDateTime(v) : '—') },
          { title: '退回意见', dataIndex: 'returnComment', render: (v: string | null) => v ?? '—' },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, c) => (
              <Space>
                <Button size="small" onClick={() => onOpen(c.orgId)}>
                  查看
                </Button>
                {list?.canReturn && (c.state === 'submitted' || c.state === 'submitted_late') && (
                  <Button size="small" danger icon={<RollbackOutlined />} onClick={() => onReturn(c)} data-testid={`return-${c.orgId}`}>
                    退回
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
