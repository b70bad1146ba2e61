import { Alert, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { NOTICE_LIMITS } from '@domain/notices/notices';
import { useWithdrawNotice, type Notice } from '../api/public-notices';

/**
 * 撤下公告: inside the minimum display period the reason is required and recorded (the server refuses without one);
 * after it, the reason may be left empty.
 */
export function WithdrawModal({ notice, onClose }: { notice: Notice | null; onClose: () => void }) {
  const [form] = Form.useForm<{ reason?: string }>();
  const withdraw = useWithdrawNotice();
  const showError = useErrorFeedback();
  useEffect(() => {
    if (notice) form.resetFields();
  }, [notice, form]);
  const required = notice?.reasonRequired ?? false;
  return (
    <Modal
      open={notice !== null}
      title="撤下公告"
      okText="撤下"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={withdraw.isPending}
      destroyOnHidden
    >
      {notice && (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            withdraw.mutate({ id: notice.id, reason: v.reason?.trim() || undefined, expectedVersion: notice.version }, { onSuccess: onClose, onError: (e) => showError(e, { form }) })
          }
        >
          <p>
            《{notice.title}》撤下后群众不再看到，记录和各个版本保留。
          </p>
          {required ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={`这条公告要公示满 ${notice.minDays} 天（到 ${notice.minimumLastDay} 为止），现在撤下须写明原因。`}
            />
          ) : (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title="已公示满最短天数，撤下无需填写原因。" />
          )}
          <Form.Item name="reason" label="撤下原因" rules={required ? [{ required: true, whitespace: true, message: '未满最短公示天数，请写明撤下原因' }] : []}>
            <Input.TextArea rows={3} maxLength={NOTICE_LIMITS.reason} placeholder="如：内容有误，更正后重新发布" data-testid="notice-withdraw-reason" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
