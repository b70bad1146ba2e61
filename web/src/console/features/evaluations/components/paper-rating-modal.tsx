import { Alert, DatePicker, Form, Input, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { LEVEL_NAMES, LEVELS, type Level } from '@domain/evaluation/levels';
import { newIdempotencyKey } from '@shared/idempotency-key';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { usePaperRating } from '../api/evaluations';
import { centerNow } from '@/lib/format';

interface Values {
  caseNo?: string;
  level: Level;
  ratedOn?: Dayjs | null;
  comment?: string;
}

/**
 * 代录纸质评价表: the clerk or agent keys in what the villager ticked on the paper form; the rating is marked as entered
 * on the rater's behalf. `caseId` names the finished case (the case page), or the clerk types its number.
 */
export function PaperRatingModal({ caseId, caseNo, open, onClose }: { caseId?: string | undefined; caseNo?: string | undefined; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [key, setKey] = useState(newIdempotencyKey);
  const paper = usePaperRating();
  const feedback = useErrorFeedback();
  const submit = async () => {
    // a failed validation is already shown under its field; nothing is sent and no rejection is left unhandled
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    paper.mutate(
      { body: { caseId, caseNo: caseId ? undefined : values.caseNo?.trim(), level: values.level, comment: values.comment?.trim() || undefined, ratedOn: values.ratedOn ? values.ratedOn.format('YYYY-MM-DD') : undefined }, idempotencyKey: key },
      {
        onSuccess: () => {
          setKey(newIdempotencyKey());
          form.resetFields();
          onClose();
        },
        onError: (error) => feedback(error, { form }),
      },
    );
  };
  return (
    <Modal open={open} title={caseNo ? `代录纸质评价表：${caseNo}` : '代录纸质评价表'} okText="保存评价" cancelText="取消" onOk={() => void submit()} onCancel={onClose} confirmLoading={paper.isPending} destroyOnHidden>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="请按群众在纸质评价表上勾选的内容如实录入；系统将标记为“工作人员代为录入”，并保留录入人。" />
      <Form form={form} layout="vertical">
        {!caseId && (
          <Form.Item name="caseNo" label="办件编号" rules={[{ required: true, whitespace: true, message: '请填写评价表上的办件编号' }]}>
            <Input placeholder="如 410899101-20260302-0001" autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="level" label="满意程度" rules={[{ required: true, message: '请选择群众勾选的满意程度' }]}>
          <Radio.Group options={LEVELS.map((l) => ({ value: l, label: LEVEL_NAMES[l] }))} />
        </Form.Item>
        <Form.Item name="ratedOn" label="填表日期" extra="评价表不是今天填写的，请选择表上的日期。">
          <DatePicker placeholder="今天" disabledDate={(d) => d.isAfter(centerNow(), 'day')} />
        </Form.Item>
        <Form.Item name="comment" label="文字评价（评价表上写的意见）">
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
