import { App, Form, Input, Modal } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import type { Item } from '../api/item-schema';
import { useRetireItem } from '../api/retire-item';

/** 停用: the item stays in the history and in old cases, but no new case can be received for it. */
export function RetireItemModal({ item, open, onClose }: { item: Item; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const retire = useRetireItem();
  const showError = useErrorFeedback();
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  const submit = ({ reason }: { reason: string }) =>
    retire.mutate(
      { code: item.code, expectedVersion: item.version, reason: reason.trim() },
      {
        onSuccess: () => {
          message.success('事项已停用。');
          form.resetFields();
          onClose();
        },
        onError: (error) =>
          showError(error, {
            form,
            onReload: () => void queryClient.invalidateQueries({ queryKey: ['items', 'detail', item.code] }),
          }),
      },
    );

  return (
    <Modal
      title={`停用事项：${item.name}`}
      open={open}
      onCancel={onClose}
      okText="确认停用"
      okButtonProps={{ danger: true, loading: retire.isPending }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <p>停用后该事项不再受理新的办件，已受理的办件和修改记录保留。</p>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label="停用原因"
          rules={[
            { required: true, whitespace: true, message: '请写明停用原因' },
            { min: 2, message: '停用原因至少 2 个字' },
            { max: 200, message: '停用原因不超过 200 个字' },
          ]}
        >
          <Input.TextArea rows={3} placeholder="如：事项已取消；已下放至乡镇办理" showCount maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
