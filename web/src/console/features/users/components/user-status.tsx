import { Tag, Tooltip } from 'antd';
import { atCenter, formatDateTime } from '@/lib/format';
import type { User } from '../api/get-users';

/** 正常 / 已停用 / 已锁定至 10:35 (after too many wrong passwords; lifts by itself or by 解锁). */
export function UserStatus({ user }: { user: User }) {
  if (!user.active) return <Tag color="default">已停用</Tag>;
  if (user.lockedUntil) {
    const until = atCenter(user.lockedUntil);
    const short = until.isSame(atCenter(new Date().toISOString()), 'day') ? until.format('HH:mm') : until.format('M月D日 HH:mm');
    return (
      <Tooltip title={`连续输错密码，锁定至 ${formatDateTime(user.lockedUntil)}，到时自动解除，也可由安全管理员解锁`}>
        <Tag color="orange">已锁定至 {short}</Tag>
      </Tooltip>
    );
  }
  if (user.mustChangePassword) {
    return (
      <Tooltip title="密码由管理员设置，本人下次登录时须改为自己的密码">
        <Tag color="gold">待本人改密码</Tag>
      </Tooltip>
    );
  }
  return <Tag color="green">正常</Tag>;
}
