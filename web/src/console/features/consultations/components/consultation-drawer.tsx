import { Descriptions, Drawer, Timeline, Typography } from 'antd';
import { QueryError } from '@/components/feedback/query-error';
import { formatDateTime } from '@/lib/format';
import { useConsultation } from '../api/consultations';

/** One consultation with its timeline (asked or logged, answered, promoted into the FAQ). */
export function ConsultationDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  return (
    <Drawer title="咨询详情" open={Boolean(id)} onClose={onClose} size="large" destroyOnHidden>
      {id && <Detail id={id} />}
    </Drawer>
  );
}

function Detail({ id }: { id: string }) {
  const c = useConsultation(id);
  if (c.isError) return <QueryError error={c.error} onRetry={() => void c.refetch()} />;
  if (!c.data) return null;
  const d = c.data;
  return (
    <>
      <Descriptions
        column={1}
        size="small"
        bordered
        data-testid="consultation-detail"
        items={[
          { key: 'no', label: '咨询编号', children: d.consultationNo },
          { key: 'org', label: '中心', children: d.orgName },
          { key: 'channel', label: '方式', children: d.channelName },
          { key: 'status', label: '状态', children: d.statusName },
          { key: 'item', label: '事项', children: d.itemName ?? '未选事项' },
          { key: 'asker', label: '咨询人', children: [d.askerName, d.askerPhone].filter(Boolean).join(' ') || '—' },
          { key: 'q', label: '问题', children: d.question },
          { key: 'a', label: '答复', children: <span style={{ whiteSpace: 'pre-wrap' }}>{d.answer ?? '待答复'}</span> },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        过程记录
      </Typography.Title>
      <Timeline
        items={d.events.map((e) => ({
          key: e.seq,
          content: (
            <>
              <Typography.Text strong>
                {e.actionName} · {e.byName ?? '群众'} · {formatDateTime(e.at)}
              </Typography.Text>
              <div style={{ whiteSpace: 'pre-wrap' }}>{e.text}</div>
            </>
          ),
        }))}
      />
    </>
  );
}
