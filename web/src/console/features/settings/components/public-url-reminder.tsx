import { Button } from 'antd';
import { Link } from '@tanstack/react-router';
import { useMe } from '@/lib/auth';
import { can } from '@/lib/authorization';
import { useSettings } from '../api/settings';
import { PublicUrlMissing } from './paper-settings-form';

/** On the system administrator's home: the public address is not set, so papers go out without a QR code. */
export function PublicUrlReminder() {
  const me = useMe();
  const admin = can(me.user.roles, 'settings.manage');
  const settings = useSettings(admin);
  if (!admin || !settings.data) return null;
  return (
    <PublicUrlMissing
      settings={settings.data}
      action={
        <Link to="/settings">
          <Button size="small" type="primary">
            去设置
          </Button>
        </Link>
      }
    />
  );
}
