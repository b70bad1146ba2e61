import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Space, Switch } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryError } from '@/components/feedback/query-error';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { useMe } from '@/lib/auth';
import { accountDutyProblem, type Role } from '@/lib/roles';
import { useUsers, type User } from '../api/get-users';
import { useUnlockUser, useUpdateUser } from '../api/save-user';
import { ResetPasswordModal } from './reset-password-modal';
import { StaffPhotoModal } from './staff-photo-modal';
import { UserFormModal, type OrgOption } from './user-form-modal';
import { UsersTable } from './users-table';

interface Props {
  orgId: string | undefined;
  /** The selected organisation and everything below it. */
  subtree: Set<string>;
  orgName: (orgId: string) => string;
  orgOptions: OrgOption[];
}

/** The staff of the selected organisation (optionally with those below it) and the account actions. */
export function UsersManager({ orgId, subtree, orgName, orgOptions }: Props) {
  const users = useUsers();
  const myRoles = useMe().user.roles as Role[];
  const update = useUpdateUser();
  const unlock = useUnlockUser();
  const showError = useErrorFeedback();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [includeBelow, setIncludeBelow] = useState(true);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [photoOf, setPhotoOf] = useState<User | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  if (users.isError) return <QueryError error={users.error} onRetry={() => void users.refetch()} />;
  const visible = (users.data?.users ?? []).filter((u) => !orgId || (includeBelow ? subtree.has(u.orgId) : u.orgId === orgId));
  const reload = () => void queryClient.invalidateQueries({ queryKey: ['users'] });

  const toggleActive = (user: User) => {
    setBusyId(user.id);
    update.mutate(
      { id: user.id, expectedVersion: user.version, active: !user.active },
      {
        onSuccess: () => message.success(user.active ? `已停用${user.name}的账号。` : `已启用${user.name}的账号。`),
        onError: (e) => showError(e, { onReload: reload }),
        onSettled: () => setBusyId(null),
      },
    );
  };

  const unlockUser = (user: User) => {
    setBusyId(user.id);
    unlock.mutate(user.id, {
      onSuccess: () => message.success(`已解除${user.name}的锁定。`),
      onError: (e) => showError(e),
      onSettled: () => setBusyId(null),
    });
  };

  return (
    <>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <Space>
          <Switch checked={includeBelow} onChange={setIncludeBelow} />
          <span>包含下级机构人员</span>
        </Space>
        {!accountDutyProblem(myRoles, 'create', { roles: [] }) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增人员
          </Button>
        )}
      </Space>
      <UsersTable
        users={visible}
        myRoles={myRoles}
        loading={users.isPending}
        orgName={orgName}
        busyId={busyId}
        onEdit={setEditing}
        onToggleActive={toggleActive}
        onResetPassword={setResetting}
        onUnlock={unlockUser}
        onPhoto={setPhotoOf}
      />
      {editing && (
        <UserFormModal user={editing === 'new' ? null : editing} defaultOrgId={orgId} orgOptions={orgOptions} onClose={() => setEditing(null)} />
      )}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
      {photoOf && <StaffPhotoModal user={photoOf} onClose={() => setPhotoOf(null)} />}
    </>
  );
}
