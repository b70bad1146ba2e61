import { Badge, Card, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useCaseCount, useCases, useLightCounts, type CaseFilter } from '../api/get-cases';
import { CasesTable } from './cases-table';
import { LightDot } from './case-tags';

interface WorkList {
  key: string;
  label: string;
  filter: CaseFilter;
  hint: string;
  /** what the list means to a director, where it differs */
  directorHint?: string;
  directorOnly?: boolean;
  /** only for window staff: a director works no window of their own */
  windowOnly?: boolean;
}

const LISTS: WorkList[] = [
  { key: 'mine', label: '我的窗口', filter: { view: 'mine' }, hint: '您所在窗口（A 岗，以及 A 岗不在岗时由您顶岗的 B 岗窗口）正在办理的办件。', windowOnly: true },
  { key: 'held', label: '在办', filter: { view: 'held' }, hint: '本中心正在办理的办件，红灯、黄灯的请优先办理。' },
  { key: 'due-today', label: '今日到期', filter: { view: 'due-today' }, hint: '今天下班前必须办结的办件。' },
  { key: 'supplement', label: '待补正', filter: { view: 'held', status: 'awaiting_supplement' }, hint: '已出具一次性告知书，等待群众补齐材料；补齐之日起计时。' },
  { key: 'to-deliver', label: '待送达', filter: { view: 'to-deliver' }, hint: '已办结（含县级办结后返回）的办件，请通知申请人并登记送达方式和时间。' },
  { key: 'incoming', label: '待接收', filter: { view: 'incoming' }, hint: '村级转报或下级上报到本中心、尚未接收的办件。' },
  { key: 'joint', label: '联办待审', filter: { view: 'joint' }, hint: '本中心牵头的联办件：催收各联办部门的审核意见，全部反馈后办结。' },
  { key: 'sent-up', label: '已上报', filter: { view: 'sent-up' }, hint: '本中心受理后上报县级决定、结果尚未返回的办件；返回后在“待送达”中送达申请人。' },
  {
    key: 'covering',
    label: '顶岗办理',
    filter: { view: 'covering' },
    hint: 'A 岗不在岗期间，由您作为 B 岗顶岗办理的窗口在办件（已计入“我的窗口”）。A 岗返岗后自动回到 A 岗。',
    windowOnly: true,
  },
  {
    key: 'objections',
    label: '异议待答复',
    filter: { view: 'objections' },
    hint: '中心主任审查否定报备时提出异议的办件：打开办件查看异议，写明是否纠正、如何纠正后点“答复异议”。',
    directorHint: '您审查否定报备时提出异议、窗口尚未答复的办件；答复后在办件页和“否定报备”中可以看到答复。',
  },
  { key: 'extensions', label: '延期待批', filter: { view: 'extensions' }, hint: '窗口提出的延期申请，须在承诺办结时间之前审批。', directorOnly: true },
  {
    key: 'deadline-changed',
    label: '期限已调整',
    filter: { view: 'deadline-changed' },
    hint: '导入国务院公布的节假日安排后，办结期限随之重新计算、与原暂定日期不同的在办办件。请按新期限办理，并告知申请人新的办结日期。',
    directorOnly: true,
  },
  { key: 'refusals', label: '否定报备', filter: { view: 'refusals' }, hint: '退回件和不予批准的办件，逐件审查理由和依据是否充分。', directorOnly: true },
];

function CountLabel({ list }: { list: WorkList }) {
  const count = useCaseCount(list.filter);
  return (
    <Space size={6}>
      {list.label}
      <Badge
        count={count.data ?? 0}
        showZero
        color={count.data ? (list.key === 'due-today' || list.key === 'objections' ? '#cf1322' : '#1a5fb4') : '#d9d9d9'}
        overflowCount={999}
      />
    </Space>
  );
}

/** The held cases by light: one grouped count of the stored lights (rule 12). */
function LightCounts() {
  const lights = useLightCounts({ view: 'held' });
  const counts = lights.data?.counts;
  return (
    <Space size="large" data-testid="light-counts">
      <Typography.Text type="secondary">在办亮灯</Typography.Text>
      {(['red', 'yellow', 'green'] as const).map((light) => (
        <span key={light}>
          <LightDot light={light} /> {counts ? counts[light] : '…'} 件
        </span>
      ))}
    </Space>
  );
}

function ListTable({ list, director }: { list: WorkList; director: boolean }) {
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const cases = useCases({ ...list.filter, ...page });
  return (
    <>
      <Typography.Paragraph type="secondary">{director ? (list.directorHint ?? list.hint) : list.hint}</Typography.Paragraph>
      <CasesTable
        cases={cases.data?.cases ?? []}
        loading={cases.isFetching}
        showRefusalReview={list.key === 'refusals' || list.key === 'objections'}
        emptyText="暂无办件"
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: cases.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 件`,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
      />
    </>
  );
}

/** 我的工作: the center's work lists with their counts; directors also see extensions and refusals. */
export function WorkLists({ director }: { director: boolean }) {
  const lists = LISTS.filter((l) => (director ? !l.windowOnly : !l.directorOnly));
  return (
    <Card extra={<LightCounts />} title="工作清单">
      <Tabs items={lists.map((l) => ({ key: l.key, label: <CountLabel list={l} />, children: <ListTable list={l} director={director} /> }))} />
    </Card>
  );
}
