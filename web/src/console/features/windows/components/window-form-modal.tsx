import { App, Form, Input, Modal, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import type { ServiceWindow } from '../api/get-windows';
import { useCreateWindow, useUpdateWindow } from '../api/save-window';

export interface StaffOption {
  id: string;
  name: string;
  username: string;
}

interface FormValues {
  name: string;
  department?: string;
  postAUserId?: string | null;
  postBUserId?: string | null;
}

interface Props {
  orgId: string;
  window: ServiceWindow | null;
  staff: StaffOption[];
  onClose: () => void;
}

/** A window with its A post and B post (AB岗): B takes over A's work when A is away. */
export function WindowFormModal({ orgId, window, staff, onClose }: Props) {
  const [form] = Form.useForm<FormValues>();
  const create = useCreateWindow();
  const update = useUpdateWindow();
  const showError = useErrorFeedback();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  // `staff` holds only active people who may handle cases; a holder set before (or since gone) stays visible by name,
  // marked, so the director sees whom to replace instead of a bare id
  const options = staff.map((s) => ({ value: s.id, label: `${s.name}（${s.username}）` }));
  const optionsWith = (holder: { userId: string; name: string } | null | undefined) =>
    holder && !staff.some((s) => s.id === holder.userId) ? [...options, { value: holder.userId, label: `${holder.name}（已不能担任此岗，请另选）` }] : options;

  const submit = (values: FormValues) => {
    const fields = {
      name: values.name.trim(),
      department: values.department?.trim() || null,
      postAUserId: values.postAUserId ?? null,
      postBUserId: values.postBUserId ?? null,
    };
    const onSuccess = () => {
      message.success(window ? '窗口信息已保存。' : `已添加${fields.name}。`);
      onClose();
    };
    const onError = (e: unknown) =>
      showError(e, { form, onReload: () => void queryClient.invalidateQueries({ queryKey: ['windows'] }).then(onClose) });
    if (window) update.mutate({ id: window.id, expectedVersion: window.version, ...fields }, { onSuccess, onError });
    else create.mutate({ orgId, ...fields }, { onSuccess, onError });
  };

  return (
    <Modal
      open
      title={window ? `编辑窗口：${window.name}` : '新增窗口'}
      okText="保存"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          name: window?.name,
          department: window?.department ?? undefined,
          postAUserId: window?.postA?.userId ?? null,
          postBUserId: window?.postB?.userId ?? null,
        }}
      >
        <Form.Item name="name" label="窗口名称" rules={[{ required: true, whitespace: true, message: '请填写窗口名称' }, { max: 30, message: '窗口名称不超过 30 个字' }]}>
          <Input placeholder="如：民政窗口" />
        </Form.Item>
        <Form.Item name="department" label="进驻部门" rules={[{ max: 40, message: '进驻部门不超过 40 个字' }]}>
          <Input placeholder="如：乡镇民政办（可不填）" />
        </Form.Item>
        <Form.Item name="postAUserId" label="A岗（主办）" extra="负责该窗口的日常受理和办理">
          <Select allowClear showSearch optionFilterProp="label" options={optionsWith(window?.postA)} placeholder="选择本中心能办理办件的工作人员" />
        </Form.Item>
        <Form.Item
          name="postBUserId"
          label="B岗（替岗）"
          extra="A岗请假或外出时，新办件和在办件转由B岗以A岗的权限办理"
          dependencies={['postAUserId']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_, v?: string | null) => {
                if (v && v === getFieldValue('postAUserId')) throw new Error('A岗和B岗不能是同一人');
              },
            }),
          ]}
        >
          <Select allowClear showSearch optionFilterProp="label" options={optionsWith(window?.postB)} placeholder="选择本中心能办理办件的工作人员" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
