import { Badge, Card, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useCaseCount, useCases, type CaseFilter } from '../api/get-cases';
import { CasesTable } from './cases-table';
import { LightDot } from './case-tags';

interface WorkList {
  key: string;
  label: string;
  filter: CaseFilter;
  hint: string;
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
  { key: 'extensions', label: '延期待批', filter: { view: 'extensions' }, hint: '窗口提出的延期申请，须在承诺办结时间之前审批。', directorOnly: true },
  { key: 'refusals', label: '否定报备', filter: { view: 'refusals' }, hint: '退回件和不予批准的办件，逐件审查理由和依据是否充分。', directorOnly: true },
];

function CountLabel({ list }: { list: WorkList }) {
  const count = useCaseCount(list.filter);
  return (
    <Space size={6}>
      {list.label}
      <Badge count={count.data ?? 0} showZero color={count.data ? (list.key === 'due-today' ? '#cf1322' : '#1a5fb4') : '#d9d9d9'} overflowCount={999} />
    </Space>
  );
}

function LightCounts() {
  const red = useCaseCount({ view: 'held', light: 'red' });
  const yellow = useCaseCount({ view: 'held', light: 'yellow' });
  const green = useCaseCount({ view: 'held', light: 'green' });
  return (
    <Space size="large">
      <Typography.Text type="secondary">在办亮灯</Typography.Text>
      <span>
        <LightDot light="red" /> {red.data ?? '…'} 件
      </span>
      <span>
        <LightDot light="yellow" /> {yellow.data ?? '…'} 件
      </span>
      <span>
        <LightDot light="green" /> {green.data ?? '…'} 件
      </span>
    </Space>
  );
}

function ListTable({ list }: { list: WorkList }) {
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const cases = useCases({ ...list.filter, ...page });
  return (
    <>
      <Typography.Paragraph type="secondary">{list.hint}</Typography.Paragraph>
      <CasesTable
        cases={cases.data?.cases ?? []}
        loading={cases.isFetching}
        showRefusalReview={list.key === 'refusals'}
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
      <Tabs items={lists.map((l) => ({ key: l.key, label: <CountLabel list={l} />, children: <ListTable list={l} /> }))} />
    </Card>
  );
}
