import { App, Button, Input, InputNumber, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { useAnswerItem, type Round, type RoundItem } from '../api/standards';
import { PhotoStrip } from './photo-strip';

/** What the self-assessment gave an item: “15 / 15 分” or “0 / 15 分” with why. */
export function SelfScore({ item }: { item: RoundItem }) {
  if (item.selfScore === null) return <Tag>未填写</Tag>;
  return (
    <Space size={4} wrap>
      <Tag color={item.selfScore === item.points ? 'green' : 'red'}>
        自评 {item.selfScore} / {item.points} 分
      </Tag>
      {item.selfReason && <Typography.Text type="danger">{item.selfReason}</Typography.Text>}
    </Space>
  );
}

/** The answer as read back: 达标 / 不达标, the value with its unit, the sign's wording. */
export function answerText(item: RoundItem): string {
  if (item.kind === 'check') return item.met === null ? '未填写' : item.met ? '达标' : '不达标';
  if (item.kind === 'number') return item.value === null ? '未填写' : `${item.value} ${item.unit ?? ''}`;
  return item.text ?? '未填写';
}

/**
 * One item of the self-assessment: the standard, the answer the kind asks for (达标/不达标, a number against its
 * standard value, the sign's wording), a note and photos; 保存 writes it and shows the score it earns.
 */
export function SelfItem({ round, item }: { round: Round; item: RoundItem }) {
  const [met, setMet] = useState<boolean | null>(item.met);
  const [value, setValue] = useState<number | null>(item.value);
  const [text, setText] = useState(item.text ?? '');
  const [note, setNote] = useState(item.note ?? '');
  const answer = useAnswerItem(round.id);
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  const editable = round.can.answer;
  const changed = met !== item.met || value !== item.value || text !== (item.text ?? '') || note !== (item.note ?? '');
  const ready = item.kind === 'check' ? met !== null : item.kind === 'number' ? value !== null : text.trim() !== '';
  const save = () =>
    answer.mutate(
      { code: item.code, ...(item.kind === 'check' ? { met } : item.kind === 'number' ? { value } : { text: text.trim() }), note: note.trim() || null, expectedVersion: round.version },
      {
        onSuccess: (r) => {
          const saved = r.items.find((i) => i.code === item.code);
          message.success(`已保存“${item.title}”，自评 ${saved?.selfScore ?? 0} 分。`);
        },
        onError: (e) => showError(e),
      },
    );
  return (
    <div className="standards-item" data-testid={`item-${item.code}`}>
      <div className="standards-item-head">
        <Typography.Text strong>{item.title}</Typography.Text>
        <Typography.Text type="secondary">{item.points} 分</Typography.Text>
      </div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {item.requirement}
      </Typography.Paragraph>
      {editable ? (
        <Space direction="vertical" style={{ width: '100%' }} size={8}>
          {item.kind === 'check' && (
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              value={met === null ? undefined : met ? 'yes' : 'no'}
              onChange={(e) => setMet(e.target.value === 'yes')}
              options={[
                { value: 'yes', label: '达标' },
                { value: 'no', label: '不达标' },
              ]}
              aria-label={`${item.title}是否达标`}
            />
          )}
          {item.kind === 'number' && (
            <div>
              <InputNumber
                min={0}
                max={1000000}
                value={value}
                onChange={(v) => setValue(typeof v === 'number' ? v : null)}
                addonAfter={item.unit ?? undefined}
                aria-label={item.title}
                style={{ width: '100%', maxWidth: 260 }}
              />
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
                标准：不少于 {item.min} {item.unit}
              </Typography.Text>
            </div>
          )}
          {item.kind === 'sign' && (
            <Input maxLength={60} value={text} onChange={(e) => setText(e.target.value)} placeholder={`照标识牌原样填写，如：${round.orgName}`} aria-label={`${item.title}上的文字`} />
          )}
          <Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} placeholder="备注（可不填）" aria-label={`${item.title}备注`} />
          <Space wrap>
            <Button type="primary" disabled={!changed || !ready} loading={answer.isPending} onClick={save}>
              保存
            </Button>
            <SelfScore item={item} />
          </Space>
        </Space>
      ) : (
        <Space direction="vertical" size={4}>
          <Typography.Text>
            自评：{answerText(item)}
            {item.note ? `（${item.note}）` : ''}
          </Typography.Text>
          <SelfScore item={item} />
        </Space>
      )}
      <div style={{ marginTop: 8 }}>
        <PhotoStrip roundId={round.id} photos={item.photos} target={{ itemCode: item.code }} editable={editable} label={item.title} />
      </div>
    </div>
  );
}
