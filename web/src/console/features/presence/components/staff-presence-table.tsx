import { Alert, Button, Card, Table, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '@/lib/format';
import { roleName } from '@/lib/roles';
import { useSetPresence, type Presence, type StaffPresence } from '../api/presence';
import { AwayModal } from './away-modal';
import { PresenceTag, postsText } from './my-presence-card';

/** 本中心人员在岗情况 (director): who is away and why, their posts, and 离岗/返岗 on their behalf. */
export function StaffPresenceTable({ presence }: { presence: Presence }) {
  const [away, setAway] = useState<StaffPresence | null>(null);
  const back = useSetPresence();
  return (
    <Card title={`${presence.orgName}人员在岗情况`} style={{ marginBottom: 16 }}>
      {presence.unmanned.length > 0 && (
        <Alert
          style={{ marginBottom: 12 }}
          type="error"
          showIcon
          title={`无人在岗的窗口：${presence.unmanned.map((w) => w.windowName).join('、')}`}
          description="A 岗、B 岗都已离岗，请安排人员返岗，或在“窗口管理”中调整 B 岗。"
        />
      )}
      <Table<StaffPresence>
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={presence.staff}
        data-testid="staff-presence"
        columns={[
          { title: '姓名', dataIndex: 'name', width: 100 },
          { title: '角色', key: 'roles', width: 120, render: (_: unknown, s) => s.roles.map(roleName).join('、') },
          { title: '窗口岗位', key: 'posts', render: (_: unknown, s) => <span style={{ whiteSpace: 'normal' }}>{postsText(s.posts)}</span> },
          { title: '在岗情况', key: 'away', width: 150, render: (_: unknown, s) => <PresenceTag away={s.away} reason={s.awayReason} whereabouts={s.whereabouts} /> },
          {
            title: '离岗时间',
            key: 'since',
            width: 150,
            render: (_: unknown, s) => (s.away ? formatDateTime(s.awaySince) : <Typography.Text type="secondary">—</Typography.Text>),
          },
          {
            title: '操作',
            key: 'action',
            width: 110,
            render: (_: unknown, s) =>
              s.away ? (
                <Button size="small" type="primary" autoInsertSpace={false} loading={back.isPending && back.variables?.userId === s.id} onClick={() => back.mutate({ userId: s.id, whereabouts: '在岗' })}>
                  返岗
                </Button>
              ) : (
                <Button size="small" onClick={() => setAway(s)}>
                  登记离岗
                </Button>
              ),
          },
        ]}
      />
      <AwayModal person={away} self={false} onClose={() => setAway(null)} />
    </Card>
  );
}
