import { App, Button, Card, DatePicker, Input, InputNumber, Modal, Popconfirm, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { groupsOf } from '@domain/standards/checklist';
import { inspectionResult } from '@domain/standards/scoring';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { useInspectRound, useReturnRound, type Round } from '../api/standards';
import { PhotoStrip } from './photo-strip';
import { answerText, SelfScore } from './self-item';
import { centerNow } from '@/lib/format';

interface Scored {
  score: number | null;
  value: number | null;
  note: string;
  dueDate: string | null;
}

/**
 * 县级检查评分: every item scored from 0 to its points (the self-assessment shown beside it, with its photos); an item
 * below full points needs what is missing and becomes a gap, with its own deadline or the common one in working days.
 */
export function InspectPanel({ round }: { round: Round }) {
  const [scores, setScores] = useState<Record<string, Scored>>(() =>
    Object.fromEntries(round.items.map((i) => [i.code, { score: i.selfScore ?? null, value: i.kind === 'number' ? i.value : null, note: '', dueDate: null }])),
  );
  const [days, setDays] = useState<number>(20);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const inspect = useInspectRound(round.id);
  const back = useReturnRound(round.id);
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  const set = (code: string, patch: Partial<Scored>) => setScores((s) => ({ ...s, [code]: { ...s[code]!, ...patch } }));
  // the total and the gaps as the server will record them (one rule: @domain/standards/scoring)
  const result = useMemo(
    () => inspectionResult(round.items, round.items.map((i) => ({ code: i.code, score: scores[i.code]?.score ?? 0, note: scores[i.code]?.note ?? null }))),
    [round.items, scores],
  );
  const total = result.total;
  const unscored = round.items.filter((i) => scores[i.code]?.score === null).length;
  const gaps = result.gaps.length;
  const submit = () =>
    inspect.mutate(
      {
        expectedVersion: round.version,
        rectifyWorkingDays: days,
        items: round.items.map((i) => {
          const s = scores[i.code]!;
          return { code: i.code, score: s.score ?? 0, value: i.kind === 'number' ? s.value : null, note: s.note.trim() || null, dueDate: s.dueDate };
        }),
      },
      { onSuccess: (r) => message.success(`检查评分已保存：${r.inspectedTotal} 分，整改项 ${r.gaps.length} 项。`), onError: (e) => showError(e) },
    );

  return (
    <>
      {groupsOf(round.items).map((g) => (
        <Card key={g.group} title={g.group} size="small" style={{ marginBottom: 12 }}>
          {g.items.map((item) => {
            const s = scores[item.code]!;
            const below = s.score !== null && s.score < item.points;
            return (
              <div key={item.code} className="standards-item" data-testid={`inspect-${item.code}`}>
                <div className="standards-item-head">
                  <Typography.Text strong>{item.title}</Typography.Text>
                  <Typography.Text type="secondary">{item.points} 分</Typography.Text>
                </div>
                <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                  {item.requirement}
                </Typography.Paragraph>
                <Space wrap size={8} style={{ marginBottom: 8 }}>
                  <Typography.Text>自评：{answerText(item)}</Typography.Text>
                  <SelfScore item={item} />
                  {item.note && <Typography.Text type="secondary">备注：{item.note}</Typography.Text>}
                </Space>
                <PhotoStrip roundId={round.id} photos={item.photos} target={{ itemCode: item.code }} editable={false} label={item.title} />
                <Space wrap size={8} style={{ marginTop: 8 }}>
                  <InputNumber min={0} max={item.points} step={0.5} value={s.score} onChange={(v) => set(item.code, { score: typeof v === 'number' ? v : null })} addonBefore="得分" aria-label={`${item.title}检查得分`} style={{ width: 150 }} />
                  {item.kind === 'number' && (
                    <InputNumber min={0} value={s.value} onChange={(v) => set(item.code, { value: typeof v === 'number' ? v : null })} addonBefore="实测" addonAfter={item.unit ?? undefined} aria-label={`${item.title}实测`} style={{ width: 200 }} />
                  )}
                </Space>
                {below && (
                  <Space wrap size={8} style={{ marginTop: 8, width: '100%' }}>
                    <Input style={{ minWidth: 260 }} maxLength={500} value={s.note} onChange={(e) => set(item.code, { note: e.target.value })} placeholder="存在的问题（整改内容，必填）" aria-label={`${item.title}存在问题`} status={s.note.trim() ? undefined : 'warning'} />
                    <DatePicker
                      value={s.dueDate ? dayjs(s.dueDate) : null}
                      onChange={(d) => set(item.code, { dueDate: d ? d.format('YYYY-MM-DD') : null })}
                      placeholder="整改期限（默认按工作日）"
                      disabledDate={(d) => d.isBefore(centerNow(), 'day')}
                      aria-label={`${item.title}整改期限`}
                    />
                  </Space>
                )}
              </div>
            );
          })}
        </Card>
      ))}
      <Card size="small" className="no-print">
        <Space wrap size={12}>
          <Typography.Text strong data-testid="inspect-total">
            检查得分合计：{total} 分
          </Typography.Text>
          <Typography.Text>整改项：{gaps} 项</Typography.Text>
          <InputNumber min={1} max={120} value={days} onChange={(v) => setDays(typeof v === 'number' ? v : 20)} addonBefore="未定期限的整改项" addonAfter="个工作日内整改" aria-label="整改期限工作日" />
          <Popconfirm title={`提交检查评分（${total} 分，整改项 ${gaps} 项）？提交后不能修改。`} okText="提交" cancelText="再看看" onConfirm={submit} disabled={unscored > 0}>
            <Button type="primary" loading={inspect.isPending} disabled={unscored > 0}>
              {unscored > 0 ? `还有 ${unscored} 项未评分` : '提交检查评分'}
            </Button>
          </Popconfirm>
          <Button onClick={() => setReturning(true)}>退回自评</Button>
        </Space>
      </Card>
      <Modal
        open={returning}
        title="退回自评"
        okText="退回"
        cancelText="取消"
        okButtonProps={{ disabled: !reason.trim(), loading: back.isPending }}
        onCancel={() => setReturning(false)}
        onOk={() =>
          back.mutate(
            { expectedVersion: round.version, reason: reason.trim() },
            {
              onSuccess: () => {
                setReturning(false);
                message.success('已退回自评，中心修改后重新提交。');
              },
              onError: (e) => showError(e),
            },
          )
        }
      >
        <Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="退回原因，如：照片不清楚，请重新拍摄" aria-label="退回原因" />
      </Modal>
    </>
  );
}
