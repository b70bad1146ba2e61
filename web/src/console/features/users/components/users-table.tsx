import { UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Popconfirm, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { can } from '@/lib/authorization';
import { accountDutyProblem, roleName, SEPARATED_ADMIN_ROLES, type AccountAction, type Role } from '@/lib/roles';
import type { User } from '../api/get-users';
import { staffPhotoUrl } from '../api/staff-photo';
import { UserStatus } from './user-status';

interface Props {
  users: User[];
  /** the signed-in administrator's roles: each button shows only where 三员分立 lets them act */
  myRoles: Role[];
  loading: boolean;
  orgName: (orgId: string) => string;
  busyId: string | null;
  onEdit: (user: User) => void;
  onToggleActive: (user: User) => void;
  onResetPassword: (user: User) => void;
  onUnlock: (user: User) => void;
  /** the photo on the 政务公开 pages (system administrator, director) */
  onPhoto: (user: User) => void;
}

/** Staff accounts with their roles, organisation and state, and what an administrator can do to each. */
export function UsersTable({ users, myRoles, loading, orgName, busyId, onEdit, onToggleActive, onResetPassword, onUnlock, onPhoto }: Props) {
  const may = (action: AccountAction, user: User) => !accountDutyProblem(myRoles, action, { roles: user.roles as Role[] });
  const mayPhoto = can(myRoles, 'users.photo');
  const separated = (user: User) => user.roles.some((r) => (SEPARATED_ADMIN_ROLES as readonly string[]).includes(r));
  const photoButton = (user: User) =>
    mayPhoto && (
      <Button type="link" size="small" onClick={() => onPhoto(user)}>
        照片
      </Button>
    );
  const columns: TableColumnsType<User> = [
    {
      title: '照片',
      key: 'photo',
      width: 64,
      render: (_, u) =>
        u.photoHash ? (
          <Avatar shape="square" size={40} src={staffPhotoUrl(u.id, u.photoHash)} alt={`${u.name}的照片`} />
        ) : (
          <Avatar shape="square" size={40} icon={<UserOutlined />} aria-label="尚无照片" />
        ),
    },
    {
      title: '姓名 / 用户名',
      dataIndex: 'name',
      render: (name: string, u) => (
        <>
          <div>{name}</div>
          <div style={{ color: '#8c8c8c', fontSize: 12 }}>{u.username}</div>
        </>
      ),
    },
    {
      title: '角色',
      dataIndex: 'roles',
      render: (roles: string[]) => roles.map((r) => <Tag key={r} color="blue">{roleName(r)}</Tag>),
    },
    { title: '所属机构', dataIndex: 'orgId', render: (id: string) => orgName(id) },
    { title: '联系电话', dataIndex: 'phone', render: (p?: string | null) => p || '—' },
    { title: '状态', key: 'status', render: (_, u) => <UserStatus user={u} /> },
    {
      title: '操作',
      key: 'actions',
      render: (_, user) =>
        !may('edit', user) && !may('roles', user) ? (
          <Space size={0}>
            {photoButton(user)}
            {separated(user) && <span style={{ color: '#8c8c8c', fontSize: 12 }}>三员账号，控制台内不可修改</span>}
          </Space>
        ) : (
        <Space size={0}>
          {photoButton(user)}
          <Button type="link" size="small" onClick={() => onEdit(user)}>
            {may('edit', user) ? '编辑' : '调整角色'}
          </Button>
          {may('resetPassword', user) && (
            <Button type="link" size="small" onClick={() => onResetPassword(user)}>
              重置密码
            </Button>
          )}
          {user.lockedUntil && user.active && may('unlock', user) && (
            <Button type="link" size="small" loading={busyId === user.id} onClick={() => onUnlock(user)}>
              解锁
            </Button>
          )}
          {may('edit', user) && (
          <Popconfirm
            title={user.active ? `停用${user.name}的账号？` : `启用${user.name}的账号？`}
            description={user.active ? '停用后该账号不能登录，已办理的记录保留。' : undefined}
            okText={user.active ? '停用' : '启用'}
            cancelText="取消"
            onConfirm={() => onToggleActive(user)}
          >
            <Button type="link" size="small" danger={user.active} loading={busyId === user.id}>
              {user.active ? '停用' : '启用'}
            </Button>
          </Popconfirm>
          )}
        </Space>
        ),
    },
  ];
  return (
    <Table<User>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={users}
      loading={loading}
      pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 人` }}
      locale={{ emptyText: '该机构暂无人员' }}
      scroll={{ x: 'max-content' }}
    />
  );
}
