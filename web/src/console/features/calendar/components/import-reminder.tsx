import { Alert, Button } from 'antd';
import { Link } from '@tanstack/react-router';
import { useMe } from '@/lib/auth';
import { can } from '@/lib/authorization';
import { useCalendarReminder } from '../api/get-calendar-reminder';

/**
 * The administrator's reminder to import next year's State Council arrangement (DOMAIN.md rule 3): from 1 October
 * by the server's clock, until the year is imported. Nothing for anyone else, nothing when there is no reminder.
 */
export function ImportReminder({ onImport }: { onImport?: () => void }) {
  const me = useMe();
  const admin = can(me.user.roles, 'calendar.manage');
  const reminder = useCalendarReminder(admin);
  const r = reminder.data?.reminder;
  if (!admin || !r) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="calendar-import-reminder"
      title={r.message}
      action={
        onImport ? (
          <Button size="small" type="primary" onClick={onImport}>
            导入{r.year}年安排
          </Button>
        ) : (
          <Link to="/calendar" search={{ year: r.year }}>
            去导入
          </Link>
        )
      }
    />
  );
}
