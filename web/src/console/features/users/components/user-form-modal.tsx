import { App, DatePicker, Form, Input, Modal, Select, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { useMe } from '@/lib/auth';
import { passwordRuleHint, passwordRules } from '@/lib/password-rules';
import { accountDutyProblem, roleOptions, rolesProblem, SEPARATED_ADMIN_ROLES, type Role } from '@/lib/roles';
import type { User } from '../api/get-users';
import { useCreateUser, useUpdateUser } from '../api/save-user';

export interface OrgOption {
  value: string;
  title: string;
  children: OrgOption[];
}

interface FormValues {
  username: string;
  name: string;
  password?: string;
  roles: Role[];
  orgId: string;
  phone?: string;
  /** 入职日期 (评先评优: under 6 months' service not in the first tier) */
  serviceStart?: Dayjs | null;
}

interface Props {
  user: User | null;
  defaultOrgId?: string;
  orgOptions: OrgOption[];
  onClose: () => void;
}

/**
 * New account (with an initial password the person replaces at first sign-in) or changes to one: name, roles,
 * organisation, phone. 三员分立: the fields an administrator's role may not change are shown but locked, and the
 * three administrator roles are never offered (they are created on the server's command line).
 */
export function UserFormModal({ user, defaultOrgId, orgOptions, onClose }: Props) {
  const [form] = Form.useForm<FormValues>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const showError = useErrorFeedback();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const editing = user !== null;
  const me = useMe();
  const myRoles = me.user.roles as Role[];
  const target = { roles: (user?.roles ?? []) as Role[] };
  const mayEdit = !accountDutyProblem(myRoles, editing ? 'edit' : 'create', target);
  const mayRoles = !accountDutyProblem(myRoles, editing ? 'roles' : 'create', target);
  const grantable = roleOptions.filter((o) => !(SEPARATED_ADMIN_ROLES as readonly Role[]).includes(o.value));

  const submit = (values: FormValues) => {
    const phone = values.phone?.trim() || null;
    const serviceStartDate = values.serviceStart ? values.serviceStart.format('YYYY-MM-DD') : null;
    const onError = (e: unknown) =>
      showError(e, { form, onReload: () => void queryClient.invalidateQueries({ queryKey: ['users'] }).then(onClose) });
    if (user) {
      update.mutate(
        { id: user.id, expectedVersion: user.version, name: values.name.trim(), roles: values.roles, orgId: values.orgId, phone, serviceStartDate },
        { onSuccess: () => (message.success('人员信息已保存。'), onClose()), onError },
      );
    } else {
      create.mutate(
        { username: values.username.trim(), name: values.name.trim(), password: values.password ?? '', roles: values.roles, orgId: values.orgId, phone, serviceStartDate },
        { onSuccess: () => (message.success(`已创建账号 ${values.username.trim()}，请把初始密码当面告知本人；本人首次登录时须改为自己的密码。`), onClose()), onError },
      );
    }
  };

  return (
    <Modal
      open
      title={editing ? `编辑人员：${user.name}` : '新增人员'}
      okText="保存"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      width={560}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          username: user?.username,
          name: user?.name,
          roles: (user?.roles ?? []) as Role[],
          orgId: user?.orgId ?? defaultOrgId,
          phone: user?.phone ?? undefined,
          serviceStart: user?.serviceStartDate ? dayjs(user.serviceStartDate) : null,
        }}
      >
        <Form.Item
          name="username"
          label="用户名"
          extra={editing ? '用户名创建后不能修改' : '用于登录，以字母开头，3 至 32 位'}
          rules={[
            { required: true, whitespace: true, message: '请填写用户名' },
            { pattern: /^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, message: '用户名须以字母开头，3 至 32 位，只能含字母、数字、下划线、点和横线' },
          ]}
        >
          <Input disabled={editing} autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 30, message: '姓名不超过 30 个字' }]}>
          <Input disabled={!mayEdit} />
        </Form.Item>
        {!editing && (
          <Form.Item name="password" label="初始密码" rules={passwordRules(me.passwordPolicy)} extra={`${passwordRuleHint(me.passwordPolicy)}本人首次登录时须改为自己的密码。`}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item
          name="roles"
          label="角色"
          extra={editing && !mayRoles ? '调整角色由安全管理员办理（三员分立）。' : undefined}
          required
          rules={[
            {
              validator: async (_, roles: Role[] | undefined) => {
                const problem = rolesProblem(roles ?? []);
                if (problem) throw new Error(problem);
              },
            },
          ]}
        >
          <Select mode="multiple" options={grantable} disabled={!mayRoles} placeholder="请选择角色，可多选" />
        </Form.Item>
        <Form.Item name="orgId" label="所属机构" rules={[{ required: true, message: '请选择所属机构' }]}>
          <TreeSelect disabled={!mayEdit} treeData={orgOptions} treeDefaultExpandAll showSearch treeNodeFilterProp="title" placeholder="请选择所属机构" />
        </Form.Item>
        <Form.Item name="phone" label="联系电话" rules={[{ pattern: /^[\d-]{7,20}$/, message: '电话号码格式不正确' }]}>
          <Input disabled={!mayEdit} placeholder="手机或座机，可不填" />
        </Form.Item>
        <Form.Item name="serviceStart" label="入职日期" extra="用于评先评优：年末服务不满 6 个月的不参加第一档评定。不填按账号创建日期计算。">
          <DatePicker disabled={!mayEdit} allowClear placeholder="请选择入职日期，可不填" style={{ width: '100%' }} data-testid="user-service-start" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
