import { Alert, App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { Whereabouts } from '@domain/transparency/whereabouts';
import { WHEREABOUTS_COLORS } from './whereabouts-tag';
import { useState } from 'react';
import { formatDateTime } from '@/lib/format';
import { isApiError } from '@/lib/api-client';
import { useSetPresence, type Presence } from '../api/presence';
import { AwayModal } from './away-modal';

export function PresenceTag({ away, reason, whereabouts }: { away: boolean; reason?: string | null | undefined; whereabouts?: Whereabouts | undefined }) {
  const kind: Whereabouts = whereabouts ?? (away ? '出差' : '在岗');
  if (!away) return <Tag color={WHEREABOUTS_COLORS['在岗']}>在岗</Tag>;
  return (
    <span>
      <Tag color={WHEREABOUTS_COLORS[kind]}>离岗（{kind}）</Tag>
      {reason ? <Typography.Text type="secondary">{reason}</Typography.Text> : null}
    </span>
  );
}

/** "A 岗：户籍窗口、民政窗口；B 岗：财政窗口" — grouped by post, so ten windows still read at a glance. */
export function postsText(posts: Presence['me']['posts']): string {
  if (posts.length === 0) return '未担任窗口岗位';
  return (['A', 'B'] as const)
    .map((post) => ({ post, names: posts.filter((p) => p.post === post).map((p) => p.windowName) }))
    .filter((g) => g.names.length > 0)
    .map((g) => `${g.post} 岗：${g.names.join('、')}`)
    .join('；');
}

/** 本人在岗情况: present or away (with the reason and since when), the posts held, and the button to change it. */
export function MyPresenceCard({ presence }: { presence: Presence }) {
  const { message } = App.useApp();
  const [awayOpen, setAwayOpen] = useState(false);
  const back = useSetPresence();
  const { me } = presence;
  return (
    <Card title="本人在岗情况" style={{ marginBottom: 16 }} data-testid="my-presence">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'state', label: '当前状态', children: <PresenceTag away={me.away} reason={me.awayReason} whereabouts={me.whereabouts} /> },
          { key: 'since', label: '离岗时间', children: me.away ? formatDateTime(me.awaySince) : '—' },
          { key: 'posts', label: '窗口岗位', children: postsText(me.posts), span: 2 },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        {me.away ? (
          <Button
            type="primary"
            autoInsertSpace={false}
            loading={back.isPending}
            onClick={() => back.mutate({ userId: me.id, whereabouts: '在岗' }, { onSuccess: () => void message.success('已登记返岗，您的窗口回到 A 岗办理') })}
          >
            返岗
          </Button>
        ) : (
          <Button onClick={() => setAwayOpen(true)}>登记离岗</Button>
        )}
        <Typography.Text type="secondary">
          {me.posts.length === 0
            ? '外出时登记离岗，本中心人员可以看到您的去向。'
            : me.away
              ? '返岗后，B 岗顶岗期间未办完的办件回到您的“我的窗口”。'
              : '下村、开会、请假时请先登记离岗，系统把您窗口的办件交给 B 岗。'}
        </Typography.Text>
      </Space>
      {back.error ? <Alert style={{ marginTop: 12 }} type="error" showIcon title={isApiError(back.error) ? back.error.title : '登记未成功，请稍后重试。'} /> : null}
      <AwayModal person={awayOpen ? me : null} self onClose={() => setAwayOpen(false)} />
    </Card>
  );
}
