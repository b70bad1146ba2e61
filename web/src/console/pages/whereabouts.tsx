import { Button, Card, Col, Empty, Row, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { WHEREABOUTS } from '@domain/transparency/whereabouts';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { formatDateTime } from '@/lib/format';
import { useMe } from '@/lib/auth';
import { useWhereaboutsBoard, type WhereaboutsBoard } from '@/features/attendance/api/attendance';
import { WhereaboutsTag } from '@/features/presence/components/whereabouts-tag';
import { WhereaboutsModal } from '@/features/presence/components/whereabouts-modal';

type Person = WhereaboutsBoard['people'][number];

/** the card's top edge, in the tag's color */
const EDGE: Record<Person['whereabouts'], string> = { 在岗: '#52c41a', 下村: '#1677ff', 开会: '#722ed1', 请假: '#fa8c16', 出差: '#13c2c2' };

function postsText(posts: Person['posts']): string {
  if (posts.length === 0) return '';
  return (['A', 'B'] as const)
    .map((post) => ({ post, names: posts.filter((p) => p.post === post).map((p) => p.windowName) }))
    .filter((g) => g.names.length > 0)
    .map((g) => `${g.post} 岗：${g.names.join('、')}`)
    .join('；');
}

function PersonCard({ person, onSet }: { person: Person; onSet: () => void }) {
  const away = person.whereabouts !== '在岗';
  return (
    <Card
      size="small"
      data-testid="whereabouts-card"
      style={{ height: '100%', borderTop: `3px solid ${EDGE[person.whereabouts]}` }}
      title={
        <Space>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {person.name}
          </Typography.Text>
          <Typography.Text type="secondary">{person.post}</Typography.Text>
        </Space>
      }
      extra={<WhereaboutsTag kind={person.whereabouts} large />}
      actions={person.canSet ? [<Button key="set" type="link" onClick={onSet}>设置去向</Button>] : undefined}
    >
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        {postsText(person.posts) && <Typography.Text>{postsText(person.posts)}</Typography.Text>}
        {person.leave && (
          <Typography.Text type="warning">
            {person.leave.kind}：{person.leave.periodText}
          </Typography.Text>
        )}
        {/* a leave's own note repeats the line above */}
        {away && person.note && !(person.leave && person.note.startsWith(person.leave.kind)) && <Typography.Text>说明：{person.note}</Typography.Text>}
        {away && person.since && <Typography.Text type="secondary">自 {formatDateTime(person.since)}</Typography.Text>}
        <Typography.Text type="secondary">
          今日{person.signInTime ? `签到 ${person.signInTime}${person.late ? '（迟到）' : ''}` : '未签到'}
          {person.signOutTime ? `，签退 ${person.signOutTime}` : ''}
        </Typography.Text>
      </Space>
    </Card>
  );
}

/**
 * 去向公示: every member of the center's staff with their 去向 (在岗/下村/开会/请假/出差), set by the person or the
 * director, or by an approved leave; the public 政务公开 page shows the kind only.
 */
export function WhereaboutsPage() {
  const me = useMe();
  const board = useWhereaboutsBoard();
  const [editing, setEditing] = useState<Person | null>(null);
  if (board.isPending) return <PageLoading />;
  if (board.isError) return <QueryError error={board.error} onRetry={() => void board.refetch()} />;
  const { people } = board.data;
  const mine = people.find((p) => p.id === me.user.id);
  return (
    <>
      <PageHeader
        title="去向公示"
        description={`${board.data.orgName} ${board.data.date}：人员去向由本人或中心主任设置，批准的请假到期自动登记和恢复；群众在政务公开页只看到去向类别。`}
        extra={mine ? <Button type="primary" onClick={() => setEditing(mine)}>设置我的去向</Button> : undefined}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {WHEREABOUTS.map((w) => (
            <Col key={w} xs={8} md={4}>
              <Statistic title={w} value={people.filter((p) => p.whereabouts === w).length} suffix="人" />
            </Col>
          ))}
        </Row>
      </Card>
      {people.length === 0 ? (
        <Empty description="本中心还没有工作人员" />
      ) : (
        <Row gutter={[16, 16]}>
          {people.map((p) => (
            <Col key={p.id} xs={24} sm={12} lg={8} xl={6}>
              <PersonCard person={p} onSet={() => setEditing(p)} />
            </Col>
          ))}
        </Row>
      )}
      <WhereaboutsModal person={editing} self={editing?.id === me.user.id} onClose={() => setEditing(null)} />
    </>
  );
}
