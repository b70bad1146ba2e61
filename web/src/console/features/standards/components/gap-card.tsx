import { App, Button, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { useGapAction, type Gap, type Round } from '../api/standards';
import { PhotoStrip } from './photo-strip';

const STATUS_COLORS: Record<Gap['status'], string> = { open: 'orange', rectified: 'blue', confirmed: 'green' };

/**
 * One 整改项: what the county found, what it cost, the deadline (red when overdue); the center uploads a photo and
 * records what it did, the county confirms it or sends it back with a reason.
 */
export function GapCard({ round, gap }: { round: Round; gap: Gap }) {
  const [note, setNote] = useState(gap.rectification ?? '');
  const [reason, setReason] = useState('');
  const act = useGapAction();
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  const centerMay = round.can.rectify && gap.status !== 'confirmed';
  const countyMay = round.can.confirm && gap.status === 'rectified';
  const run = (action: 'rectify' | 'confirm' | 'reopen', extra: { note?: string; reason?: string }, done: string) =>
    act.mutate({ gapId: gap.id, action, expectedVersion: gap.version, ...extra }, { onSuccess: () => message.success(done), onError: (e) => showError(e) });
  return (
    <div className="standards-item" data-testid={`gap-${gap.itemCode}`}>
      <div className="standards-item-head">
        <Typography.Text strong>
          {gap.group} · {gap.itemTitle}
        </Typography.Text>
        <Space size={4} wrap>
          <Tag color={STATUS_COLORS[gap.status]}>{gap.statusName}</Tag>
          {gap.overdue && <Tag color="red">已逾期</Tag>}
          {gap.rectifiedLate && <Tag color="volcano">逾期整改</Tag>}
        </Space>
      </div>
      <Typography.Paragraph style={{ marginBottom: 4 }}>问题：{gap.note}（扣 {gap.lost} 分）</Typography.Paragraph>
      <Typography.Paragraph type={gap.overdue ? 'danger' : 'secondary'} style={{ marginBottom: 4 }}>
        整改期限：{gap.dueDate}
      </Typography.Paragraph>
      {gap.reopenReason && gap.status === 'open' && <Typography.Paragraph type="warning">退回原因：{gap.reopenReason}</Typography.Paragraph>}
      {gap.rectification && !centerMay && (
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          整改情况：{gap.rectification}（{gap.rectifiedByName}）
        </Typography.Paragraph>
      )}
      {gap.confirmedAt && (
        <Typography.Paragraph type="success" style={{ marginBottom: 4 }}>
          {gap.confirmedByName}已确认整改
        </Typography.Paragraph>
      )}
      <PhotoStrip roundId={round.id} photos={gap.photos} target={{ gapId: gap.id }} editable={centerMay} label={`${gap.itemTitle}整改`} />
      {centerMay && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
          <Input.TextArea rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} placeholder="整改情况（先上传整改后的照片）" aria-label={`${gap.itemTitle}整改情况`} />
          <Button type="primary" disabled={!note.trim() || gap.photos.length === 0} loading={act.isPending} onClick={() => run('rectify', { note: note.trim() }, '整改情况已登记，等县级确认。')}>
            {gap.status === 'rectified' ? '更新整改情况' : '登记整改'}
          </Button>
        </Space>
      )}
      {countyMay && (
        <Space wrap style={{ marginTop: 8 }}>
          <Button type="primary" loading={act.isPending} onClick={() => run('confirm', {}, `已确认“${gap.itemTitle}”整改。`)}>
            确认整改
          </Button>
          <Input style={{ width: 260 }} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="退回原因" aria-label={`${gap.itemTitle}退回原因`} />
          <Button danger disabled={!reason.trim()} loading={act.isPending} onClick={() => run('reopen', { reason: reason.trim() }, '已退回整改。')}>
            退回整改
          </Button>
        </Space>
      )}
    </div>
  );
}
