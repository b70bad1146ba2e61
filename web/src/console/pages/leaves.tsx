import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { LEAVE_KINDS, type Half, type LeaveKind } from '@domain/staff/leave';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { isApiError } from '@/lib/api-client';
import { useMe } from '@/lib/auth';
import { centerNow, formatDateTime } from '@/lib/format';
import { useAttendanceToday, useWhereaboutsBoard } from '@/features/attendance/api/attendance';
import { newIdempotencyKey, useDecideLeave, useFileLeave, useLeaves, type Leave } from '@/features/leave/api/leave';

const STATUS_COLORS: Record<Leave['status'], string> = { pending: 'gold', approved: 'green', refused: 'red', cancelled: 'default' };
const HALVES_FROM = [
  { value: 'am', label: '上午起' },
  { value: 'pm', label: '下午起' },
];
const HALVES_TO = [
  { value: 'am', label: '至上午' },
  { value: 'pm', label: '至下午' },
];

interface FormValues {
  /** the person on leave; 'self' (or absent, for whoever may file only their own) for oneself */
  person?: string;
  kind: LeaveKind;
  from: Dayjs;
  fromHalf: Half;
  to: Dayjs;
  toHalf: Half;
  reason: string;
}

/**
 * 申请请假: kind, period in half days, reason; one Idempotency-Key per filled form. The director may file for someone
 * of the center (a clerk who called in sick); that leave then waits in 待审批 like any other.
 */
function LeaveForm({ today, forOthers }: { today: string; forOthers: boolean }) {
  const [form] = Form.useForm<FormValues>();
  const [key, setKey] = useState(newIdempotencyKey);
  const file = useFileLeave();
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  const me = useMe();
  const board = useWhereaboutsBoard();
  const people = forOthers ? (board.data?.people ?? []).filter((p) => p.id !== me.user.id) : [];
  const submit = (v: FormValues) => {
    // the field is there only for the director
    const other = v.person && v.person !== 'self' ? v.person : undefined;
    file.mutate(
      {
        key,
        userId: other,
        kind: v.kind,
        fromDate: v.from.format('YYYY-MM-DD'),
        fromHalf: v.fromHalf,
        toDate: v.to.format('YYYY-MM-DD'),
        toHalf: v.toHalf,
        reason: v.reason,
      },
      {
        onSuccess: (l) => {
          void message.success(
            !other ? `已提交${l.kind}申请（${l.periodText}，${l.days} 天），等待中心主任审批。` : `已为${l.userName}提交${l.kind}申请（${l.periodText}，${l.days} 天），请在“待审批”中批准。`,
          );
          form.resetFields();
          setKey(newIdempotencyKey());
        },
        onError: (e) => showError(e, { form }),
      },
    );
  };
  return (
    <Card title="申请请假" style={{ marginBottom: 16 }}>
      <Form<FormValues>
        form={form}
        layout="inline"
        initialValues={{ person: 'self', kind: '事假', fromHalf: 'am', toHalf: 'pm', from: dayjs(today), to: dayjs(today) }}
        onFinish={submit}
        onValuesChange={() => file.reset()}
        style={{ rowGap: 12 }}
      >
        {forOthers && (
          <Form.Item name="person" label="请假人">
            <Select
              style={{ width: 140 }}
              loading={board.isPending}
              options={[{ value: 'self', label: '本人' }, ...people.map((p) => ({ value: p.id, label: p.name }))]}
              aria-label="请假人"
            />
          </Form.Item>
        )}
        <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择请假类别' }]}>
          <Select style={{ width: 110 }} options={LEAVE_KINDS.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        <Form.Item label="开始">
          <Space.Compact>
            <Form.Item name="from" noStyle rules={[{ required: true, message: '请选择开始日期' }]}>
              <DatePicker allowClear={false} aria-label="开始日期" />
            </Form.Item>
            <Form.Item name="fromHalf" noStyle>
              <Select style={{ width: 96 }} options={HALVES_FROM} aria-label="开始半天" />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Form.Item label="结束">
          <Space.Compact>
            <Form.Item name="to" noStyle rules={[{ required: true, message: '请选择结束日期' }]}>
              <DatePicker allowClear={false} aria-label="结束日期" />
            </Form.Item>
            <Form.Item name="toHalf" noStyle>
              <Select style={{ width: 96 }} options={HALVES_TO} aria-label="结束半天" />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Form.Item name="reason" label="事由" rules={[{ required: true, whitespace: true, message: '请写明请假事由' }]}>
          <Input style={{ width: 260 }} maxLength={200} placeholder="如：孩子生病，去县医院" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={file.isPending}>
            提交申请
          </Button>
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        批准后，假期开始时系统自动把您的去向登记为“请假”（公出为“出差”），窗口办件由 B 岗顶岗；假期结束自动恢复在岗。休息日不计入请假天数。
      </Typography.Paragraph>
    </Card>
  );
}

/** 审批 / 不批准 / 撤回 with a reason where one is needed. */
function DecisionModal({ leave, decision, onClose }: { leave: Leave | null; decision: 'approve' | 'refuse'; onClose: () => void }) {
  const [form] = Form.useForm<{ reason?: string }>();
  const decide = useDecideLeave();
  const close = () => {
    decide.reset();
    onClose();
  };
  const submit = async () => {
    // a failed validation is already shown under its field; nothing is sent and no rejection is left unhandled
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const { reason } = values;
    decide.mutate({ id: leave!.id, decision, expectedVersion: leave!.version, ...(reason?.trim() ? { reason: reason.trim() } : {}) }, { onSuccess: close });
  };
  return (
    <Modal
      open={leave !== null}
      title={`${decision === 'approve' ? '批准' : '不批准'}请假 · ${leave?.userName ?? ''}`}
      okText={decision === 'approve' ? '批准' : '不批准'}
      okButtonProps={{ danger: decision === 'refuse' }}
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={close}
      confirmLoading={decide.isPending}
      destroyOnHidden
    >
      {leave && (
        <Typography.Paragraph>
          {leave.kind}：{leave.periodText}，共 {leave.days} 天。事由：{leave.reason}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={decision === 'approve' ? '审批意见（可不填）' : '不批准的理由（申请人会看到）'}
          rules={decision === 'refuse' ? [{ required: true, whitespace: true, message: '请写明不批准的理由' }] : []}
        >
          <Input.TextArea rows={2} maxLength={200} placeholder={decision === 'approve' ? '如：注意身体，安排好工作交接' : '如：当天是赶集日，请改到下周二'} />
        </Form.Item>
      </Form>
      {decision === 'approve' && <Alert type="info" showIcon title="批准后，假期开始时自动登记请假，窗口办件交 B 岗顶岗；假期已开始的立即生效。" />}
      {decide.error ? <Alert style={{ marginTop: 12 }} type="error" showIcon title={isApiError(decide.error) ? decide.error.title : '操作未成功，请稍后重试。'} /> : null}
    </Modal>
  );
}

function LeaveTable({ leaves, loading, showPerson, onDecide }: { leaves: Leave[]; loading: boolean; showPerson: boolean; onDecide: (l: Leave, d: 'approve' | 'refuse') => void }) {
  const cancel = useDecideLeave();
  const showError = useErrorFeedback();
  return (
    <Table<Leave>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={leaves}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      columns={[
        ...(showPerson ? [{ title: '姓名', dataIndex: 'userName', width: 90 }] : []),
        { title: '类别', dataIndex: 'kind', width: 80 },
        { title: '时间', dataIndex: 'periodText', width: 150 },
        { title: '天数', dataIndex: 'days', width: 60, align: 'right' as const },
        { title: '事由', dataIndex: 'reason', width: 160, render: (t: string) => <span style={{ whiteSpace: 'normal' }}>{t}</span> },
        {
          title: '状态',
          key: 'status',
          width: 110,
          render: (_: unknown, l: Leave) => (
            <Space size={4} wrap>
              <Tag color={STATUS_COLORS[l.status]}>{l.statusName}</Tag>
              {l.underWay && <Tag color="orange">休假中</Tag>}
            </Space>
          ),
        },
        {
          title: '审批',
          key: 'decision',
          width: 170,
          render: (_: unknown, l: Leave) =>
            l.decidedAt ? (
              <Typography.Text type="secondary" style={{ whiteSpace: 'normal' }}>
                {l.decidedBy} {formatDateTime(l.decidedAt)}
                {l.decisionReason ? `：${l.decisionReason}` : ''}
              </Typography.Text>
            ) : (
              '—'
            ),
        },
        {
          title: '操作',
          key: 'actions',
          width: 210,
          render: (_: unknown, l: Leave) => (
            <Space size={4} wrap>
              {l.canDecide && (
                <>
                  <Button size="small" type="primary" onClick={() => onDecide(l, 'approve')}>
                    批准
                  </Button>
                  <Button size="small" danger onClick={() => onDecide(l, 'refuse')}>
                    不批准
                  </Button>
                </>
              )}
              {l.canCancel && (
                <Button
                  size="small"
                  loading={cancel.isPending && cancel.variables?.id === l.id}
                  onClick={() => cancel.mutate({ id: l.id, decision: 'cancel', expectedVersion: l.version }, { onError: (e) => showError(e) })}
                >
                  撤回
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}

/** 请假: file a leave; the director approves or refuses the center's; everyone sees their own. */
export function LeavesPage() {
  const [view, setView] = useState<'center' | 'mine'>('center');
  const list = useLeaves(view === 'mine');
  const today = useAttendanceToday();
  const [deciding, setDeciding] = useState<{ leave: Leave; decision: 'approve' | 'refuse' } | null>(null);
  const canApprove = list.data?.canApprove ?? false;
  const all = list.data?.leaves ?? [];
  const pending = all.filter((l) => l.canDecide);
  const showPerson = view === 'center' && all.some((l) => l.userId !== all[0]?.userId);
  return (
    <>
      <PageHeader title="请假" description="提交请假申请，中心主任审批；批准的假期到期自动登记去向，窗口办件由 B 岗顶岗。" />
      {/* the center's today on the server's clock, not the browser's */}
      <LeaveForm key={today.data?.day ?? 'local'} today={today.data?.day ?? centerNow().format('YYYY-MM-DD')} forOthers={list.data?.canApprove ?? false} />
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          {canApprove && view === 'center' && (
            <Card title={`待审批（${pending.length}）`} style={{ marginBottom: 16 }} data-testid="leaves-pending">
              {pending.length === 0 ? (
                <Typography.Text type="secondary">没有待审批的请假。</Typography.Text>
              ) : (
                <LeaveTable leaves={pending} loading={list.isPending} showPerson onDecide={(leave, decision) => setDeciding({ leave, decision })} />
              )}
            </Card>
          )}
          <Card
            title="请假记录"
            extra={
              <Radio.Group
                optionType="button"
                value={view}
                onChange={(e) => setView(e.target.value as 'center' | 'mine')}
                options={[
                  { value: 'center', label: canApprove ? '本中心' : '全部' },
                  { value: 'mine', label: '我的' },
                ]}
              />
            }
          >
            <LeaveTable leaves={all} loading={list.isPending} showPerson={showPerson || (canApprove && view === 'center')} onDecide={(leave, decision) => setDeciding({ leave, decision })} />
          </Card>
        </>
      )}
      <DecisionModal leave={deciding?.leave ?? null} decision={deciding?.decision ?? 'approve'} onClose={() => setDeciding(null)} />
    </>
  );
}
