import { App, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { itemOptionSearch, type ItemOption } from '@/lib/item-option-search';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { useSaveService, type HallService } from '../api/hall-services';

interface FormValues {
  code: string;
  name: string;
  windowIds: string[];
  itemCodes: string[];
  active: boolean;
  sort?: number;
}

interface Props {
  service: HallService | null;
  windows: { id: string; name: string; active: boolean }[];
  usedCodes: string[];
  /** the catalog's items to choose from (the page reads them) */
  itemOptions: ItemOption[];
  itemsLoading: boolean;
  onClose: () => void;
}

/** One service of the hall: the letter its numbers begin with, the windows that call it and the items it covers. */
export function ServiceFormModal({ service, windows, usedCodes, itemOptions, itemsLoading, onClose }: Props) {
  const [form] = Form.useForm<FormValues>();
  const save = useSaveService();
  const showError = useErrorFeedback();
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  const submit = (values: FormValues) => {
    save.mutate(
      {
        ...(service ? { id: service.id, version: service.version } : {}),
        code: values.code.trim().toUpperCase(),
        name: values.name.trim(),
        windowIds: values.windowIds ?? [],
        itemCodes: values.itemCodes ?? [],
        active: values.active,
        ...(values.sort !== undefined && values.sort !== null ? { sort: values.sort } : {}),
      },
      {
        onSuccess: () => {
          message.success(service ? '服务已保存，取号机和显示屏随即按新设置显示。' : `已添加服务“${values.name.trim()}”。`);
          onClose();
        },
        onError: (e) => showError(e, { form, onReload: () => void queryClient.invalidateQueries({ queryKey: ['hall'] }).then(onClose) }),
      },
    );
  };

  return (
    <Modal open title={service ? `编辑服务：${service.name}` : '新增大厅服务'} okText="保存" onOk={() => form.submit()} onCancel={onClose} confirmLoading={save.isPending} destroyOnHidden>
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ code: service?.code, name: service?.name, windowIds: service?.windowIds ?? [], itemCodes: service?.itemCodes ?? [], active: service?.active ?? true, sort: service?.sort }}
      >
        <Form.Item
          name="code"
          label="服务代码"
          extra="一个大写英文字母，排队号以它开头，如 A001；每天从 001 重新编号。"
          rules={[
            { required: true, message: '请填写服务代码' },
            { pattern: /^[A-Za-z]$/, message: '服务代码须是一个英文字母（A 到 Z）' },
            { validator: async (_, v: string | undefined) => (v && v.toUpperCase() !== service?.code && usedCodes.includes(v.toUpperCase()) ? Promise.reject(new Error('本中心已有这个服务代码，请换一个字母')) : undefined) },
          ]}
        >
          <Input maxLength={1} style={{ width: 80, textTransform: 'uppercase' }} placeholder="A" data-testid="service-code" />
        </Form.Item>
        <Form.Item name="name" label="服务名称" rules={[{ required: true, whitespace: true, message: '请填写服务名称' }, { max: 20, message: '服务名称不超过 20 个字' }]}>
          <Input placeholder="如：社保医保" data-testid="service-name" />
        </Form.Item>
        <Form.Item name="windowIds" label="叫号窗口" extra="这些窗口的“叫下一位”会叫到本服务的号；不选则没有窗口叫这个号。">
          <Select mode="multiple" placeholder="选择窗口" options={windows.filter((w) => w.active).map((w) => ({ value: w.id, label: w.name }))} data-testid="service-windows" />
        </Form.Item>
        <Form.Item name="itemCodes" label="对应事项" extra="取号机上这个服务下列出的事项，可按名称、俗称或拼音搜索。">
          <Select
            mode="multiple"
            placeholder="选择事项"
            loading={itemsLoading}
            showSearch={itemOptionSearch}
            options={itemOptions}
          />
        </Form.Item>
        <Form.Item name="sort" label="排列顺序" extra="取号机上按从小到大排列。">
          <InputNumber min={0} max={999} />
        </Form.Item>
        <Form.Item name="active" label="开放取号" valuePropName="checked">
          <Switch checkedChildren="开放" unCheckedChildren="暂停" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
