import { CalculatorOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import dayjs from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { newIdempotencyKey } from '@shared/idempotency-key';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { useMe } from '@/lib/auth';
import { centerNow, formatDateTime } from '@/lib/format';
import {
  useAddItem,
  useAppeal,
  useAssessment,
  useAssessmentRules,
  useCloseMonth,
  useDecideAppeal,
  useRecompute,
  useSetChief,
  useUploadEvidence,
  useWithdrawItem,
  type AssessmentDeduction,
  type AssessmentMonth,
  type AssessmentSubject,
} from '@/features/assessment/api/assessment';
import { DeductionsTable } from '@/features/assessment/components/deductions-table';

const route = getRouteApi('/console/assessment');
const monthText = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;

/**
 * 考核评分 (issue 13 §2): the month's 100-point scores of the center's windows and people, ranked; each subject's
 * deductions with their rule and case. The director recomputes the automatic deductions, enters manual items and
 * bonuses, names the windows' chief representatives, decides appeals and closes the month; everyone else sees the
 * ranking, their own deductions and appeals them within the appeal period.
 */
export function AssessmentPage() {
  const search = route.useSearch();
  const month = search.month ?? centerNow().format('YYYY-MM');
  const navigate = useNavigate();
  const me = useMe();
  const query = useAssessment(month);
  const data = query.data;
  const showError = useErrorFeedback();
  const { message, modal } = App.useApp();
  const recompute = useRecompute();
  const close = useCloseMonth();
  const withdraw = useWithdrawItem();
  const [entering, setEntering] = useState(false);
  const [appealing, setAppealing] = useState<AssessmentDeduction | null>(null);
  const [deciding, setDeciding] = useState<AssessmentMonth['appeals'][number] | null>(null);

  const mine = data?.people.find((p) => p.id === me.user.id);
  const pending = data?.appeals.filter((a) => a.status === 'pending') ?? [];
  const open = data?.status === 'open';

  const doRecompute = () =>
    recompute.mutate(
      { month },
      {
        onSuccess: (r) => void message.success(`已重新计算：新增 ${r.added} 条，撤回 ${r.withdrawn} 条，恢复 ${r.restored} 条（不会重复扣分）。`),
        onError: (e) => showError(e),
      },
    );
  const doClose = () =>
    data &&
    modal.confirm({
      title: `关账 ${monthText(month)}的考核？`,
      content: '关账后本月的得分和排名即为最终结果，用于评先评优，不能再录入、申诉或重新计算。',
      okText: '确认关账',
      cancelText: '取消',
      onOk: () =>
        close.mutateAsync({ month, expectedVersion: data.version }).then(
          () => void message.success('已关账，本月得分和排名已定。'),
          (e: unknown) => {
            showError(e);
          },
        ),
    });
  const doWithdraw = (d: AssessmentDeduction) =>
    modal.confirm({
      title: '撤销这条记录？',
      content: `${d.ruleName}：${d.reason}。撤销后不再计分，记录保留。`,
      okText: '撤销',
      cancelText: '取消',
      onOk: () => withdraw.mutateAsync({ id: d.itemId, expectedVersion: d.version }).then(() => void message.success('已撤销。'), (e: unknown) => showError(e)),
    });

  const header = (
    <PageHeader
      title="考核评分"
      description="每月百分制考核：基础分 100 分，自动扣分来自超期、投诉、差评、监察和考勤记录，主任录入的扣分须写明原因，加分最多到 110 分。"
      extra={
        <Space wrap>
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            disabledDate={(d) => d.isAfter(centerNow(), 'month')}
            onChange={(d) => d && void navigate({ to: '/assessment', search: { month: d.format('YYYY-MM') } })}
            aria-label="考核月份"
          />
          {data?.canManage && open && (
            <>
              <Button icon={<CalculatorOutlined />} onClick={doRecompute} loading={recompute.isPending}>
                重新计算
              </Button>
              <Button icon={<PlusOutlined />} onClick={() => setEntering(true)}>
                录入扣分或加分
              </Button>
              <Button type="primary" icon={<LockOutlined />} onClick={doClose} loading={close.isPending}>
                关账
              </Button>
            </>
          )}
        </Space>
      }
    />
  );

  if (query.error) return (<>{header}<QueryError error={query.error} onRetry={() => void query.refetch()} /></>);
  if (!data) return <>{header}<Card loading /></>;

  return (
    <>
      {header}
      <Alert
        style={{ marginBottom: 16 }}
        type={open ? 'info' : 'success'}
        showIcon
        message={
          open ? (
            <span>
              {monthText(month)}考核<Tag color="orange" style={{ marginLeft: 8 }}>进行中</Tag>
              {data.computedAt ? `自动扣分最近计算于 ${formatDateTime(data.computedAt)}；` : '自动扣分尚未计算；'}
              扣分记录后 {data.settings.appealDays} 天内可申诉，申诉期满后才能关账{data.settings.chiefShare ? '；首席代表分担所在窗口扣分的一半' : ''}。
            </span>
          ) : (
            <span>
              {monthText(month)}考核<Tag color="green" style={{ marginLeft: 8 }}>已关账</Tag>关账时间 {formatDateTime(data.closedAt)}，得分和排名为最终结果。
            </span>
          )
        }
      />

      {mine && (
        <Card title="我的得分" style={{ marginBottom: 16 }} className="assessment-mine">
          <Space size={48} wrap style={{ marginBottom: 12 }}>
            <Statistic title="本月得分" value={mine.score} suffix="分" />
            <Statistic title="扣分" value={mine.deducted} />
            <Statistic title="加分" value={mine.bonus} />
            <Statistic title="本中心排名" value={mine.rank} suffix={`/ ${data.people.length}`} />
          </Space>
          {mine.chiefOf.length > 0 && <Typography.Paragraph type="secondary">您是 {mine.chiefOf.join('、')} 的首席代表。</Typography.Paragraph>}
          <DeductionsTable deductions={mine.deductions} onAppeal={(d) => setAppealing(d)} />
        </Card>
      )}

      {data.canManage && pending.length > 0 && (
        <Card title={`待处理的申诉（${pending.length}）`} style={{ marginBottom: 16 }}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={pending}
            columns={[
              { title: '考核对象', dataIndex: 'subjectName', width: 140 },
              { title: '扣分', render: (_, a) => `${a.ruleName}（−${a.points}）：${a.itemReason}` },
              { title: '申诉人', dataIndex: 'byName', width: 100 },
              { title: '申诉理由', dataIndex: 'reason' },
              { title: '操作', width: 100, render: (_, a) => <Button type="primary" size="small" onClick={() => setDeciding(a)}>处理</Button> },
            ]}
          />
        </Card>
      )}

      <Card>
        <Tabs
          items={[
            { key: 'people', label: `人员排名（${data.people.length}）`, children: <Ranking month={data} subjects={data.people} onWithdraw={data.canManage && open ? doWithdraw : undefined} /> },
            { key: 'windows', label: `窗口排名（${data.windows.length}）`, children: <Ranking month={data} subjects={data.windows} onWithdraw={data.canManage && open ? doWithdraw : undefined} /> },
          ]}
        />
      </Card>

      {entering && <EntryModal month={data} onClose={() => setEntering(false)} />}
      {appealing && <AppealModal item={appealing} onClose={() => setAppealing(null)} />}
      {deciding && <DecideModal appeal={deciding} onClose={() => setDeciding(null)} />}
    </>
  );
}

function Ranking({ month, subjects, onWithdraw }: { month: AssessmentMonth; subjects: AssessmentSubject[]; onWithdraw?: ((d: AssessmentDeduction) => void) | undefined }) {
  const setChief = useSetChief();
  const upload = useUploadEvidence();
  const { message } = App.useApp();
  const onEvidence = onWithdraw
    ? (d: AssessmentDeduction, file: File) => upload.mutate({ id: d.itemId, file }, { onSuccess: () => void message.success('证据已上传。'), onError: (e) => showError(e) })
    : undefined;
  const showError = useErrorFeedback();
  const isWindows = subjects[0]?.kind === 'window';
  return (
    <Table<AssessmentSubject>
      rowKey="id"
      size="middle"
      dataSource={subjects}
      pagination={false}
      locale={{ emptyText: '本中心没有需要考核的窗口或人员' }}
      expandable={{
        rowExpandable: (s) => s.detail,
        expandedRowRender: (s) => <DeductionsTable deductions={s.deductions} onWithdraw={onWithdraw} onEvidence={onEvidence} />,
      }}
      columns={[
        { title: '名次', dataIndex: 'rank', width: 70, render: (r: number) => <strong>{r}</strong> },
        { title: isWindows ? '窗口' : '姓名', dataIndex: 'name', render: (n: string, s) => <span>{n}{s.chiefOf.length > 0 && <Tag style={{ marginLeft: 6 }}>首席代表</Tag>}</span> },
        { title: isWindows ? '部门' : '岗位', dataIndex: 'note', render: (v: string | null) => v ?? '—' },
        { title: '得分', dataIndex: 'score', width: 90, render: (v: number) => <strong className="assessment-score">{v}</strong> },
        { title: '扣分', dataIndex: 'deducted', width: 80 },
        { title: '加分', dataIndex: 'bonus', width: 80 },
        ...(isWindows
          ? [
              {
                title: '首席代表',
                width: 200,
                render: (_: unknown, s: AssessmentSubject) =>
                  month.canManage && month.status === 'open' ? (
                    <Select
                      allowClear
                      placeholder="未设置"
                      style={{ width: 160 }}
                      value={s.chief?.id}
                      aria-label={`${s.name}的首席代表`}
                      options={month.staff.map((p) => ({ value: p.id, label: p.name }))}
                      onChange={(v: string | undefined) => setChief.mutate({ windowId: s.id, userId: v ?? null }, { onError: (e) => showError(e) })}
                    />
                  ) : (
                    (s.chief?.name ?? '—')
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}

function EntryModal({ month, onClose }: { month: AssessmentMonth; onClose: () => void }) {
  const [form] = Form.useForm();
  const rules = useAssessmentRules();
  const add = useAddItem();
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  const key = useRef(newIdempotencyKey());
  const kind = Form.useWatch('subjectKind', form) as 'person' | 'window' | undefined;
  const ruleCode = Form.useWatch('ruleCode', form) as string | undefined;
  const manual = useMemo(() => (rules.data?.rules ?? []).filter((r) => r.source !== 'auto' && r.enabled), [rules.data]);
  const rule = manual.find((r) => r.code === ruleCode);
  const subjects = kind === 'window' ? month.windows : month.people;
  const submit = (values: { subjectKind: 'person' | 'window'; subjectId: string; ruleCode: string; points?: number; reason: string; caseNo?: string }) =>
    add.mutate(
      { body: { month: month.month, ...values, caseNo: values.caseNo?.trim() || undefined }, idempotencyKey: key.current },
      {
        onSuccess: () => {
          message.success(rule?.source === 'bonus' ? '已录入加分。' : '已录入扣分。');
          onClose();
        },
        onError: (e) => showError(e, { form }),
      },
    );
  return (
    <Modal open title={`录入扣分或加分（${monthText(month.month)}）`} okText="录入" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={add.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ subjectKind: 'person' }} onFinish={submit}>
        <Form.Item name="subjectKind" label="考核对象">
          <Radio.Group optionType="button" options={[{ value: 'person', label: '人员' }, { value: 'window', label: '窗口' }]} onChange={() => form.setFieldValue('subjectId', undefined)} />
        </Form.Item>
        <Form.Item name="subjectId" label={kind === 'window' ? '窗口' : '人员'} rules={[{ required: true, message: kind === 'window' ? '请选择窗口' : '请选择人员' }]}>
          <Select showSearch optionFilterProp="label" placeholder="请选择" options={subjects.map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item name="ruleCode" label="考核规则" rules={[{ required: true, message: '请选择考核规则' }]}>
          <Select
            placeholder="请选择"
            options={manual.map((r) => ({ value: r.code, label: `${r.source === 'bonus' ? '加分' : '扣分'} · ${r.categoryName} · ${r.name}（${r.maxPoints ? `${r.points}～${r.maxPoints}` : r.points} 分）` }))}
            onChange={(code: string) => form.setFieldValue('points', manual.find((r) => r.code === code)?.points)}
          />
        </Form.Item>
        {rule && <Typography.Paragraph type="secondary">{rule.description}</Typography.Paragraph>}
        <Form.Item name="points" label="分值" extra={rule?.maxPoints ? `可填 ${rule.points}～${rule.maxPoints} 分` : undefined}>
          <InputNumber min={rule?.points ?? 1} max={rule?.maxPoints ?? rule?.points ?? 20} precision={0} disabled={!rule?.maxPoints} />
        </Form.Item>
        <Form.Item name="reason" label="原因（写明时间、地点、事实）" rules={[{ required: true, whitespace: true, message: '请写明扣分或加分的原因' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        <Form.Item name="caseNo" label="相关办件编号（可不填）">
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AppealModal({ item, onClose }: { item: AssessmentDeduction; onClose: () => void }) {
  const [form] = Form.useForm();
  const appeal = useAppeal();
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  return (
    <Modal open title="对扣分提出申诉" okText="提交申诉" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={appeal.isPending} destroyOnHidden>
      <Typography.Paragraph>
        {item.ruleName}（{item.recordedPoints} 分）：{item.reason}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">申诉期截至 {item.appealDeadline}，每条扣分只能申诉一次，由中心主任作出决定。</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v: { reason: string }) =>
          appeal.mutate(
            { id: item.itemId, reason: v.reason },
            {
              onSuccess: () => {
                message.success('申诉已提交，请等待中心主任处理。');
                onClose();
              },
              onError: (e) => showError(e, { form }),
            },
          )
        }
      >
        <Form.Item name="reason" label="申诉理由" rules={[{ required: true, whitespace: true, message: '请写明申诉理由和可以核实的情况' }]}>
          <Input.TextArea rows={4} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DecideModal({ appeal, onClose }: { appeal: AssessmentMonth['appeals'][number]; onClose: () => void }) {
  const [form] = Form.useForm();
  const decide = useDecideAppeal();
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  return (
    <Modal open title="处理申诉" okText="确定" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={decide.isPending} destroyOnHidden>
      <Typography.Paragraph>
        {appeal.subjectName} · {appeal.ruleName}（−{appeal.points}）：{appeal.itemReason}
      </Typography.Paragraph>
      <Typography.Paragraph>
        {appeal.byName} 的申诉理由：{appeal.reason}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v: { decision: 'upheld' | 'rejected'; reason: string }) =>
          decide.mutate(
            { id: appeal.id, ...v, expectedVersion: appeal.version },
            {
              onSuccess: () => {
                message.success(v.decision === 'upheld' ? '申诉成立，该扣分不再计分。' : '已维持扣分。');
                onClose();
              },
              onError: (e) => showError(e, { form }),
            },
          )
        }
      >
        <Form.Item name="decision" label="决定" rules={[{ required: true, message: '请选择申诉是否成立' }]}>
          <Radio.Group options={[{ value: 'upheld', label: '申诉成立（取消扣分）' }, { value: 'rejected', label: '申诉不成立（维持扣分）' }]} />
        </Form.Item>
        <Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, message: '请写明处理理由' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
