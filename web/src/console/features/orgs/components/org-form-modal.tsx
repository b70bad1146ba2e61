import { App, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useLevelNames } from '@/lib/auth';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { CENTER_SUFFIX, centerKind } from '@/lib/levels';
import type { Org } from '../api/get-orgs';
import { useCreateOrg, useUpdateOrg } from '../api/save-org';
import { OfficeHoursField } from './office-hours-field';

interface FormValues {
  code: string;
  name: string;
  centerName?: string;
  address?: string;
  phone?: string;
  sessions: [Dayjs, Dayjs][];
}

const DEFAULT_SESSIONS = [
  { start: '08:30', end: '12:00' },
  { start: '14:30', end: '17:30' },
];

type Props =
  | { mode: 'create'; parent: Org | null; level: Org['level']; open: boolean; onClose: () => void; onSaved: (org: Org) => void }
  | { mode: 'edit'; org: Org; open: boolean; onClose: () => void; onSaved: (org: Org) => void };

const toDayjs = (hhmm: string) => dayjs(`2000-01-01T${hhmm}`);

/** Add a township/village below the selected organisation, or edit one (with its version). */
export function OrgFormModal(props: Props) {
  const [form] = Form.useForm<FormValues>();
  const names = useLevelNames();
  const create = useCreateOrg();
  const update = useUpdateOrg();
  const showError = useErrorFeedback();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const level = props.mode === 'create' ? props.level : props.org.level;
  const org = props.mode === 'edit' ? props.org : null;
  const name = Form.useWatch('name', form);

  const initialValues: Partial<FormValues> = {
    code: org?.code ?? '',
    name: org?.name ?? '',
    centerName: org?.centerName ?? undefined,
    address: org?.address ?? undefined,
    phone: org?.phone ?? undefined,
    sessions: (org?.officeHours?.sessions?.length ? org.officeHours.sessions : DEFAULT_SESSIONS).map(
      (s) => [toDayjs(s.start), toDayjs(s.end)] as [Dayjs, Dayjs],
    ),
  };

  const submit = (values: FormValues) => {
    const fields = {
      code: values.code.trim(),
      name: values.name.trim(),
      ...(values.centerName?.trim() ? { centerName: values.centerName.trim() } : {}),
      address: values.address?.trim() || null,
      phone: values.phone?.trim() || null,
      officeHours: { sessions: values.sessions.map(([s, e]) => ({ start: s.format('HH:mm'), end: e.format('HH:mm') })) },
    };
    const onSuccess = (saved: Org) => {
      message.success(props.mode === 'create' ? `已添加${saved.name}。` : '机构信息已保存。');
      props.onSaved(saved);
      props.onClose();
    };
    const onError = (error: unknown) =>
      showError(error, { form, onReload: () => void queryClient.invalidateQueries({ queryKey: ['orgs'] }).then(props.onClose) });
    if (org) update.mutate({ id: org.id, expectedVersion: org.version, ...fields }, { onSuccess, onError });
    else if (props.mode === 'create') create.mutate({ parentId: props.parent?.id ?? null, level, ...fields }, { onSuccess, onError });
  };

  const title =
    props.mode === 'create'
      ? `在${props.parent?.name ?? '本地区'}下添加${centerKind(level, names)}`
      : `编辑：${props.org.name}`;

  return (
    <Modal
      title={title}
      open={props.open}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      width={600}
    >
      <Form<FormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={submit} preserve={false}>
        <Form.Item
          name="code"
          label="行政区划代码"
          rules={[
            { required: true, whitespace: true, message: '请填写行政区划代码' },
            { pattern: /^\d{6,12}$/, message: '请填写 6 至 12 位数字的行政区划代码' },
          ]}
        >
          <Input placeholder="如 130123101" maxLength={12} />
        </Form.Item>
        <Form.Item name="name" label={`${names[level]}名称`} rules={[{ required: true, whitespace: true, message: '请填写名称' }, { max: 40, message: '名称不超过 40 个字' }]}>
          <Input placeholder={level === 'village' ? '如：东庄村' : level === 'township' ? '如：柳河乡' : '如：平安县'} />
        </Form.Item>
        <Form.Item name="centerName" label="服务中心全称" extra={org ? '群众看到的中心名称，如不修改请保持原样' : '不填则按名称自动生成'}>
          <Input placeholder={`${name?.trim() || '名称'}${CENTER_SUFFIX[level]}`} />
        </Form.Item>
        <Form.Item name="address" label="地址" rules={[{ max: 100, message: '地址不超过 100 个字' }]}>
          <Input placeholder="办公地址，群众办事时前往的地点" />
        </Form.Item>
        <Form.Item name="phone" label="咨询电话" rules={[{ max: 30, message: '电话不超过 30 个字符' }]}>
          <Input placeholder="如 0311-88123456" />
        </Form.Item>
        <OfficeHoursField />
      </Form>
    </Modal>
  );
}
