import { ArrowRightOutlined, NotificationOutlined, SoundOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, Input, Modal, Popconfirm, Radio, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { formatDateTime } from '@/lib/format';
import { PRIORITY_NAMES, STATUS_NAMES, useHallServices, useTicketAction, useWindowQueue, type QueueTicket, type TicketAction, type TicketPriority, type TicketStatus } from '../api/hall-queue';

const PRIORITY_COLORS: Record<TicketPriority, string | undefined> = { none: undefined, elderly: 'orange', disabled: 'purple', green: 'green', appointment: 'blue' };
const STATUS_COLORS: Record<TicketStatus, string> = { waiting: 'default', called: 'gold', serving: 'processing', finished: 'success', no_show: 'error', cancelled: 'default' };

const clock = (iso: string | null | undefined) => (iso ? formatDateTime(iso).slice(-5) : '—');

function PriorityTag({ priority }: { priority: TicketPriority }) {
  if (priority === 'none') return null;
  return <Tag color={PRIORITY_COLORS[priority]}>{PRIORITY_NAMES[priority]}</Tag>;
}

/** A reason asked before an exceptional action (指定叫号, 绿色通道): it is recorded with the action. */
function ReasonModal({ title, hint, open, busy, onOk, onCancel }: { title: string; hint: string; open: boolean; busy: boolean; onOk: (reason: string) => void; onCancel: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      title={title}
      open={open}
      okText="确定"
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
      onCancel={onCancel}
      onOk={() => void form.validateFields().then((v) => onOk(v.reason.trim()), () => undefined)}
    >
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label="原因" rules={[{ required: true, whitespace: true, message: '请写明原因，会记录在案' }]}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder="例如：持残疾人证，行动不便" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 转移: to another service (keeps its place in that line) or to a given window. */
function TransferModal({ ticket, orgId, windows, busy, onOk, onCancel }: { ticket: QueueTicket | null; orgId: string; windows: readonly { id: string; name: string }[]; busy: boolean; onOk: (to: { serviceId?: string; windowId?: string }) => void; onCancel: () => void }) {
  const services = useHallServices(orgId);
  const [form] = Form.useForm<{ to: 'service' | 'window'; serviceId?: string; windowId?: string }>();
  const to = Form.useWatch('to', form) ?? 'service';
  return (
    <Modal
      title={ticket ? `转移 ${ticket.number}` : '转移'}
      open={ticket !== null}
      okText="转移"
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
      onCancel={onCancel}
      onOk={() => void form.validateFields().then((v) => onOk(v.to === 'service' ? { serviceId: v.serviceId } : { windowId: v.windowId }), () => undefined)}
    >
      <Typography.Paragraph type="secondary">转移后按原取号时间排队，群众不必重新取号。</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ to: 'service' }} preserve={false}>
        <Form.Item name="to" label="转到">
          <Radio.Group
            options={[
              { value: 'service', label: '其他业务' },
              { value: 'window', label: '指定窗口' },
            ]}
          />
        </Form.Item>
        {to === 'service' ? (
          <Form.Item name="serviceId" label="业务" rules={[{ required: true, message: '请选择要转到的业务' }]}>
            <Select
              loading={services.isPending}
              placeholder="选择业务"
              options={(services.data ?? []).filter((s) => s.id !== ticket?.serviceId).map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))}
            />
          </Form.Item>
        ) : (
          <Form.Item name="windowId" label="窗口" rules={[{ required: true, message: '请选择要转到的窗口' }]}>
            <Select placeholder="选择窗口" options={windows.filter((w) => w.id !== ticket?.windowId).map((w) => ({ value: w.id, label: w.name }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/**
 * 叫号: the number at this window now (叫号, 重呼, 过号, 转移, 开始办理, 办结), the numbers waiting in the order they
 * will be called (指定叫号 and 绿色通道, each with a recorded reason) and the window's recent numbers. 开始办理 opens
 * 受理登记 with the number, so the case is linked to it.
 */
export function QueuePanel({ orgId, windowId, windows }: { orgId: string; windowId: string; windows: readonly { id: string; name: string }[] }) {
  const queue = useWindowQueue(windowId);
  const action = useTicketAction();
  const feedback = useErrorFeedback();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [asking, setAsking] = useState<{ kind: 'call' | 'green-channel'; ticket: QueueTicket } | null>(null);
  const [transferring, setTransferring] = useState<QueueTicket | null>(null);

  const run = (a: TicketAction, done?: string, then?: () => void) =>
    action.mutate(a, {
      onSuccess: () => {
        if (done) void message.success(done);
        then?.();
      },
      onError: (error) => feedback(error, { onReload: () => void queue.refetch() }),
    });

  if (queue.isError && !queue.data) {
    return <Alert type="error" showIcon title="叫号队列读取失败" description={(queue.error as { title?: string }).title ?? '请刷新页面后重试。'} />;
  }
  const data = queue.data;
  const current = data?.current ?? null;
  const waiting = data?.waiting ?? [];
  const free = !current || current.status === 'finished' || current.status === 'no_show' || current.status === 'cancelled';

  const start = (t: QueueTicket) =>
    run({ kind: 'start', ticket: t }, undefined, () => void navigate({ to: '/cases/new', search: { ticket: t.id } }));

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card title="当前群众" style={{ marginBottom: 16 }} loading={queue.isPending} data-testid="hall-current">
            {current && !free ? (
              <>
                <div style={{ display: 'flex', alignItems: 'baseline', gap: 16, flexWrap: 'wrap' }}>
                  <span style={{ fontSize: 64, fontWeight: 700, lineHeight: 1.1, color: '#0b3d91' }} data-testid="hall-current-number">
                    {current.number}
                  </span>
                  <Tag color={STATUS_COLORS[current.status]} style={{ fontSize: 16, padding: '2px 10px' }} data-testid="hall-current-status">
                    {STATUS_NAMES[current.status]}
                  </Tag>
                  <PriorityTag priority={current.priority} />
                </div>
                <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
                  <Descriptions.Item label="业务">{current.serviceName}</Descriptions.Item>
                  {current.greenReason && <Descriptions.Item label="绿色通道">{current.greenReason}</Descriptions.Item>}
                  {current.phoneTail && <Descriptions.Item label="取号手机">尾号 {current.phoneTail}</Descriptions.Item>}
                  <Descriptions.Item label="取号">{clock(current.issuedAt)}</Descriptions.Item>
                  <Descriptions.Item label="叫号">
                    {clock(current.calledAt)}
                    {current.recalls ? `（已重呼 ${current.recalls} 次）` : ''}
                  </Descriptions.Item>
                  {current.startedAt && <Descriptions.Item label="开始办理">{clock(current.startedAt)}</Descriptions.Item>}
                  {current.caseNo && current.caseId && (
                    <Descriptions.Item label="办件">
                      <a href={`/staff/cases/${current.caseId}`}>{current.caseNo}</a>
                    </Descriptions.Item>
                  )}
                </Descriptions>
                <Space wrap style={{ marginTop: 12 }}>
                  {current.status === 'called' && (
                    <>
                      <Button type="primary" size="large" onClick={() => start(current)} loading={action.isPending}>
                        开始办理
                      </Button>
                      <Button size="large" icon={<SoundOutlined />} onClick={() => run({ kind: 'recall', ticket: current }, `已重呼 ${current.number}`)}>
                        重呼
                      </Button>
                      <Popconfirm title={`确定 ${current.number} 过号？`} description="过号后群众可到服务台恢复排队。" okText="过号" cancelText="取消" onConfirm={() => run({ kind: 'no-show', ticket: current }, `${current.number} 已过号`)}>
                        <Button size="large" danger>
                          过号
                        </Button>
                      </Popconfirm>
                    </>
                  )}
                  {current.status === 'serving' && (
                    <>
                      {!current.caseId && (
                        <Button size="large" icon={<ArrowRightOutlined />} onClick={() => void navigate({ to: '/cases/new', search: { ticket: current.id } })}>
                          受理登记
                        </Button>
                      )}
                      <Button type="primary" size="large" onClick={() => run({ kind: 'finish', ticket: current }, `${current.number} 已办结`)}>
                        办结
                      </Button>
                    </>
                  )}
                  <Button size="large" onClick={() => setTransferring(current)}>
                    转移
                  </Button>
                </Space>
              </>
            ) : (
              <Empty description={waiting.length > 0 ? `等候 ${waiting.length} 人，请叫号` : '暂无等候的群众'} />
            )}
            <Button
              type={free ? 'primary' : 'default'}
              size="large"
              block
              icon={<NotificationOutlined />}
              style={{ marginTop: 16, height: 56, fontSize: 20 }}
              disabled={!free || waiting.length === 0}
              loading={action.isPending && action.variables?.kind === 'call-next'}
              onClick={() => run({ kind: 'call-next', windowId })}
            >
              叫号（下一位）
            </Button>
            {!free && <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>办结、过号或转移当前群众后才能叫下一位。</Typography.Paragraph>}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={`等候队列（按叫号顺序，共 ${waiting.length} 人）`} style={{ marginBottom: 16 }}>
            <Table<QueueTicket>
              rowKey="id"
              size="middle"
              loading={queue.isPending}
              dataSource={waiting}
              pagination={false}
              locale={{ emptyText: '暂无等候的群众' }}
              data-testid="hall-waiting"
              columns={[
                { title: '顺序', key: 'order', width: 64, render: (_, _t, i) => i + 1 },
                { title: '号码', dataIndex: 'number', render: (v: string) => <strong style={{ fontSize: 18 }}>{v}</strong> },
                { title: '业务', dataIndex: 'serviceName' },
                { title: '优先', dataIndex: 'priority', render: (p: TicketPriority) => <PriorityTag priority={p} /> },
                { title: '取号', dataIndex: 'issuedAt', render: (v: string) => clock(v) },
                { title: '已等', dataIndex: 'waitedMinutes', render: (v: number | undefined) => (v === undefined ? '—' : `${v} 分钟`) },
                {
                  title: '操作',
                  key: 'actions',
                  render: (_, t) => (
                    <Space size={4} wrap>
                      <Button size="small" disabled={!free} onClick={() => setAsking({ kind: 'call', ticket: t })}>
                        指定叫号
                      </Button>
                      {t.priority !== 'green' && t.priority !== 'appointment' && (
                        <Button size="small" onClick={() => setAsking({ kind: 'green-channel', ticket: t })}>
                          绿色通道
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              叫号顺序由系统按预约、优先和等候时间排定；确有需要时可指定叫号或开通绿色通道，原因会记录在案。
            </Typography.Paragraph>
          </Card>
          <Card title="本窗口今天已叫过的号" size="small">
            <Table<QueueTicket>
              rowKey="id"
              size="small"
              dataSource={data?.recent ?? []}
              pagination={false}
              locale={{ emptyText: '除当前群众外，今天本窗口还没有叫过号' }}
              columns={[
                { title: '号码', dataIndex: 'number' },
                { title: '业务', dataIndex: 'serviceName' },
                { title: '状态', dataIndex: 'status', render: (s: TicketStatus) => <Tag color={STATUS_COLORS[s]}>{STATUS_NAMES[s]}</Tag> },
                { title: '叫号', dataIndex: 'calledAt', render: (v: string | null) => clock(v) },
                { title: '办结', dataIndex: 'finishedAt', render: (v: string | null) => clock(v) },
                { title: '办件', key: 'case', render: (_, t) => (t.caseId && t.caseNo ? <a href={`/staff/cases/${t.caseId}`}>{t.caseNo}</a> : '—') },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        本中心的大厅设备地址（在大厅的电脑上打开）：自助取号机 <Typography.Text copyable>{`${window.location.origin}/hall/kiosk/${orgId}`}</Typography.Text>；叫号显示屏{' '}
        <Typography.Text copyable>{`${window.location.origin}/hall/display/${orgId}`}</Typography.Text>。群众手机取号（可印在海报上扫码）：
        {data?.phoneTakeUrl ? <Typography.Text copyable>{data.phoneTakeUrl}</Typography.Text> : '尚未设置平台的公网地址，请系统管理员在“文书设置”中填写后再印制。'}
      </Typography.Paragraph>
      <ReasonModal
        title={asking?.kind === 'call' ? `指定叫号 ${asking.ticket.number}` : `为 ${asking?.ticket.number ?? ''} 开通绿色通道`}
        hint={asking?.kind === 'call' ? '不按系统排定的顺序叫号，须写明原因。' : '绿色通道的群众优先叫号（如重病、孕妇、急事），须写明原因。'}
        open={asking !== null}
        busy={action.isPending}
        onCancel={() => setAsking(null)}
        onOk={(reason) => {
          if (!asking) return;
          const a: TicketAction = asking.kind === 'call' ? { kind: 'call', ticket: asking.ticket, windowId, reason } : { kind: 'green-channel', ticket: asking.ticket, reason };
          run(a, asking.kind === 'call' ? `已叫 ${asking.ticket.number}` : `${asking.ticket.number} 已开通绿色通道`, () => setAsking(null));
        }}
      />
      <TransferModal
        ticket={transferring}
        orgId={orgId}
        windows={windows}
        busy={action.isPending}
        onCancel={() => setTransferring(null)}
        onOk={(to) => {
          if (!transferring) return;
          run({ kind: 'transfer', ticket: transferring, ...to }, `${transferring.number} 已转移`, () => setTransferring(null));
        }}
      />
    </>
  );
}
