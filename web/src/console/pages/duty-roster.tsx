import { CheckCircleOutlined, LinkOutlined, SaveOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { centerNow, formatDateTime } from '@/lib/format';
import { useChangeRosterDay, usePublishRoster, useRoster, useSaveRoster, useSuggestRoster, type StaffRoster } from '@/features/duty-roster/api/duty-roster';
import { RosterGrid } from '@/features/duty-roster/components/roster-grid';

const route = getRouteApi('/console/hall/duty-roster');

const STATUS: Record<StaffRoster['status'], [string, string]> = { none: ['未编排', 'default'], draft: ['草稿，未发布', 'orange'], published: ['已发布', 'green'] };
const dayText = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`;

/**
 * 领导带班值班表: the director assigns one leader to every working day of a month (默认下个月) on a month grid, fills the
 * rest by rotation, saves the draft and publishes it once every working day is covered; a published day is changed
 * only with a reason, and every change is listed below and kept.
 */
export function DutyRosterPage() {
  const { month } = route.useSearch();
  const navigate = useNavigate();
  const roster = useRoster(month);
  const data = roster.data;
  const [assigned, setAssigned] = useState<Record<string, string | undefined>>({});
  const [dirty, setDirty] = useState(false);
  const [changing, setChanging] = useState<string | null>(null);
  const suggest = useSuggestRoster();
  const save = useSaveRoster();
  const publish = usePublishRoster();
  const showError = useErrorFeedback();
  const { message, modal } = App.useApp();
  const today = centerNow().format('YYYY-MM-DD');

  useEffect(() => {
    if (!data) return;
    setAssigned(Object.fromEntries(data.days.map((d) => [d.date, d.userId ?? undefined])));
    setDirty(false);
  }, [data]);

  const uncovered = useMemo(() => (data ? data.days.filter((d) => !assigned[d.date]).map((d) => d.date) : []), [data, assigned]);
  const editable = data?.status !== 'published';
  const assignments = () => Object.entries(assigned).flatMap(([day, userId]) => (userId ? [{ day, userId }] : []));

  const autofill = () =>
    data &&
    suggest.mutate(
      { month: data.month, keep: assignments() },
      {
        onSuccess: (s) => {
          setAssigned(Object.fromEntries(s.assignments.map((a) => [a.day, a.userId])));
          setDirty(true);
          message.success('已按轮流顺序排满所有工作日（已排的日子保留），请检查后保存。');
        },
        onError: (e) => showError(e),
      },
    );
  const saveDraft = (then?: (r: StaffRoster) => void) =>
    data &&
    save.mutate(
      { month: data.month, assignments: assignments(), expectedVersion: data.version ?? undefined },
      { onSuccess: (r) => (then ? then(r) : message.success('草稿已保存。')), onError: (e) => showError(e, { onReload: () => void roster.refetch() }) },
    );
  const doPublish = () => {
    if (!data) return;
    const go = (r: StaffRoster) =>
      publish.mutate({ month: r.month, expectedVersion: r.version! }, { onSuccess: () => message.success('值班表已发布，群众在政务公开页面可以看到。'), onError: (e) => showError(e) });
    modal.confirm({
      title: `发布${data.month.replace('-', '年')}月的带班值班表？`,
      content: '发布后在大厅显示屏和政务公开页面公开；之后的调整须逐日填写原因，调整记录保留。',
      okText: '发布',
      cancelText: '取消',
      onOk: () => (dirty || data.status === 'none' ? saveDraft(go) : go(data)),
    });
  };

  return (
    <>
      <PageHeader
        title="领导带班值班表"
        description="每个工作日（含调休上班日）排一位带班领导，月底前发布下个月的值班表。发布后公开，调整须写明原因并留有记录。"
        extra={
          <Space wrap>
            <DatePicker
              picker="month"
              allowClear={false}
              value={data ? dayjs(`${data.month}-01`) : undefined}
              format={['YYYY年M月', 'YYYY-MM']}
              onChange={(d) => d && void navigate({ to: '/hall/duty-roster', search: { month: d.format('YYYY-MM') } })}
              aria-label="值班月份"
              data-testid="roster-month"
            />
            {data && (
              <Button icon={<LinkOutlined />} href={`/open/${encodeURIComponent(data.orgId)}`} target="_blank">
                查看公开页面
              </Button>
            )}
          </Space>
        }
      />
      {roster.isError ? (
        <QueryError error={roster.error} onRetry={() => void roster.refetch()} />
      ) : (
        <Card
          loading={roster.isPending}
          size="small"
          title={
            data && (
              <Space wrap>
                <span>
                  {data.orgName} {data.month.replace('-', '年')}月
                </span>
                <Tag color={STATUS[data.status][1]} data-testid="roster-status">
                  {STATUS[data.status][0]}
                </Tag>
                {data.publishedAt && <Typography.Text type="secondary">发布于 {formatDateTime(data.publishedAt)}</Typography.Text>}
              </Space>
            )
          }
          extra={
            data &&
            editable && (
              <Space wrap>
                <Button icon={<ThunderboltOutlined />} onClick={autofill} loading={suggest.isPending} data-testid="roster-autofill">
                  自动排班
                </Button>
                <Button icon={<SaveOutlined />} onClick={() => saveDraft()} loading={save.isPending} disabled={!dirty && data.status !== 'none'} data-testid="roster-save">
                  保存草稿
                </Button>
                <Button type="primary" icon={<CheckCircleOutlined />} onClick={doPublish} loading={publish.isPending} disabled={uncovered.length > 0} data-testid="roster-publish">
                  发布
                </Button>
              </Space>
            )
          }
        >
          {data && (
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              {data.leaders.length === 0 && <Alert type="warning" showIcon title="本中心还没有带班领导或中心主任的账号，请先请系统管理员添加后再排班。" />}
              {editable && uncovered.length > 0 && (
                <Alert
                  type="info"
                  showIcon
                  title={`还有 ${uncovered.length} 个工作日没有排带班领导（${uncovered.slice(0, 6).map(dayText).join('、')}${uncovered.length > 6 ? '等' : ''}），全部排好后才能发布。可点“自动排班”按轮流顺序补齐。`}
                />
              )}
              {data.days.some((d) => d.provisional) && (
                <Alert type="warning" showIcon title="这个月所在年份的节假日安排尚未公布，工作日按法定节假日暂定；国务院公布后如有调休，请相应调整。" />
              )}
              <RosterGrid
                roster={data}
                assigned={assigned}
                editable={editable}
                today={today}
                onAssign={(day, userId) => {
                  setAssigned((a) => ({ ...a, [day]: userId }));
                  setDirty(true);
                }}
                onChange={setChanging}
              />
              <Typography.Text type="secondary" data-testid="roster-turns">
                本月带班天数：
                {data.leaders
                  .map((l) => `${l.name}（${l.post}）${Object.values(assigned).filter((id) => id === l.id).length} 天`)
                  .join('，')}
              </Typography.Text>
            </Space>
          )}
        </Card>
      )}
      {data && data.changes.length > 0 && (
        <Card size="small" title="发布和调整记录" style={{ marginTop: 16 }}>
          <Table
            rowKey={(c) => `${c.at}-${c.day ?? ''}`}
            size="small"
            pagination={false}
            dataSource={data.changes}
            locale={{ emptyText: <Empty description="没有记录" /> }}
            columns={[
              { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => formatDateTime(at) },
              { title: '操作', dataIndex: 'action', width: 80, render: (a: string) => (a === 'publish' ? '发布' : '调整') },
              { title: '日期', dataIndex: 'day', width: 100, render: (d: string | null) => (d ? dayText(d) : '整月') },
              { title: '调整', key: 'who', render: (_, c) => (c.action === 'change' ? `${c.fromName ?? '未排'} → ${c.toName ?? ''}` : '') },
              { title: '原因', dataIndex: 'reason', render: (r: string | null) => r ?? '' },
              { title: '操作人', dataIndex: 'byName', width: 100 },
            ]}
          />
        </Card>
      )}
      {data && <ChangeDayModal roster={data} day={changing} onClose={() => setChanging(null)} />}
    </>
  );
}

/** 调整已发布的某一天: another leader and the reason (kept and listed). */
function ChangeDayModal({ roster, day, onClose }: { roster: StaffRoster; day: string | null; onClose: () => void }) {
  const [form] = Form.useForm<{ userId: string; reason: string }>();
  const change = useChangeRosterDay();
  const showError = useErrorFeedback();
  const current = roster.days.find((d) => d.date === day);
  useEffect(() => {
    if (day) form.resetFields();
  }, [day, form]);
  return (
    <Modal open={day !== null} title={day ? `调整${dayText(day)}的带班领导` : ''} okText="调整" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={change.isPending} destroyOnHidden>
      {day && (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            change.mutate({ month: roster.month, day, userId: v.userId, reason: v.reason.trim(), expectedVersion: roster.version! }, { onSuccess: onClose, onError: (e) => showError(e, { form }) })
          }
        >
          <p>原带班领导：{current?.name ?? '未排'}。调整会公开显示新的带班领导，原因留在调整记录里。</p>
          <Form.Item name="userId" label="改由" rules={[{ required: true, message: '请选择新的带班领导' }]}>
            <Select options={roster.leaders.filter((l) => l.id !== current?.userId).map((l) => ({ value: l.id, label: `${l.name}（${l.post}）` }))} placeholder="选择带班领导" data-testid="roster-change-user" />
          </Form.Item>
          <Form.Item name="reason" label="调整原因" rules={[{ required: true, whitespace: true, message: '请写明调整原因' }]}>
            <Input.TextArea rows={3} maxLength={500} placeholder="如：原带班领导到县里参加培训" data-testid="roster-change-reason" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
