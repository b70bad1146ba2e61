import { Form, Input, Modal, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { newIdempotencyKey } from '@shared/idempotency-key';
import { useChangeReception, useRecordReception, type Reception } from '../api/receptions';

interface Values {
  visitorName: string;
  visitorPhone?: string;
  matter: string;
  handling: string;
  link: 'none' | 'existing' | 'new';
  petitionId?: string;
}

/**
 * 登记领导接待: who came, their phone, what they raised and what the leader did; the matter may be linked to an open
 * petition of the center or registered at once as a new one (信访事项, 来访).
 */
export interface PetitionPicker {
  options: { value: string; label: string }[];
  loading: boolean;
  onSearch: (q: string) => void;
}

/**
 * `editing`: 修改 an existing reception (follow-up of 处理情况, a corrected phone); its link to a petition stays as
 * recorded. Otherwise 登记 a new one.
 */
export function ReceptionForm({ open, onClose, petitions, editing }: { open: boolean; onClose: () => void; petitions: PetitionPicker; editing?: Reception | null }) {
  const [form] = Form.useForm<Values>();
  const [key, setKey] = useState(newIdempotencyKey);
  const record = useRecordReception();
  const change = useChangeReception();
  const showError = useErrorFeedback();
  const link = Form.useWatch('link', form);
  useEffect(() => {
    if (open) {
      form.resetFields();
      if (editing) form.setFieldsValue({ visitorName: editing.visitorName, visitorPhone: editing.visitorPhone ?? '', matter: editing.matter, handling: editing.handling });
      setKey(newIdempotencyKey());
    }
  }, [open, form, editing]);

  return (
    <Modal
      open={open}
      title={editing ? '修改接待记录' : '登记领导接待'}
      okText={editing ? '保存' : '登记'}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={record.isPending || change.isPending}
      destroyOnHidden
      width={640}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ link: 'none' }}
        onFinish={(v) =>
          editing
            ? change.mutate(
                {
                  id: editing.id,
                  body: { expectedVersion: editing.version, visitorName: v.visitorName, visitorPhone: v.visitorPhone?.trim() || undefined, matter: v.matter, handling: v.handling },
                },
                { onSuccess: onClose, onError: (e) => showError(e, { form }) },
              )
            : record.mutate(
                {
                  idempotencyKey: key,
                  body: {
                    visitorName: v.visitorName,
                    visitorPhone: v.visitorPhone?.trim() || undefined,
                    matter: v.matter,
                    handling: v.handling,
                    petitionId: v.link === 'existing' ? v.petitionId : undefined,
                    registerPetition: v.link === 'new' || undefined,
                  },
                },
                { onSuccess: onClose, onError: (e) => showError(e, { form }) },
              )
        }
      >
        <Form.Item name="visitorName" label="来访人姓名" rules={[{ required: true, whitespace: true, message: '请填写来访人姓名' }]}>
          <Input maxLength={60} data-testid="reception-name" />
        </Form.Item>
        <Form.Item name="visitorPhone" label="联系电话">
          <Input maxLength={30} inputMode="tel" />
        </Form.Item>
        <Form.Item name="matter" label="反映事项" rules={[{ required: true, whitespace: true, message: '请填写反映的事项' }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="reception-matter" />
        </Form.Item>
        <Form.Item name="handling" label="处理情况" rules={[{ required: true, whitespace: true, message: '请填写当场怎么处理的、交给谁办' }]}>
          <Input.TextArea rows={3} maxLength={2000} placeholder="如：已请交通办三日内查看并答复来访人" data-testid="reception-handling" />
        </Form.Item>
        {editing ? (
          <Form.Item label="信访事项">{editing.petitionNo ?? '不涉及'}</Form.Item>
        ) : (
          <Form.Item name="link" label="信访事项">
            <Radio.Group
              options={[
                { value: 'none', label: '不涉及' },
                { value: 'existing', label: '关联已登记的信访事项' },
                { value: 'new', label: '同时登记为信访事项' },
              ]}
            />
          </Form.Item>
        )}
        {!editing && link === 'existing' && (
          <Form.Item name="petitionId" label="选择信访事项" rules={[{ required: true, message: '请选择要关联的信访事项' }]}>
            <Select
              showSearch
              filterOption={false}
              onSearch={petitions.onSearch}
              loading={petitions.loading}
              placeholder="输入编号、姓名或事项查找"
              options={petitions.options}
              notFoundContent="没有找到办理中的信访事项"
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
