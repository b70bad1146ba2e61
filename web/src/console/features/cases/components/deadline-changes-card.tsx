import { Card, List, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { atCenter } from '@/lib/format';
import { useMe } from '@/lib/auth';
import { useQuery } from '@tanstack/react-query';
import { casesQueryOptions } from '../api/get-cases';
import { ProvisionalTag } from '@/components/calendar/provisional-tag';

/**
 * 期限已调整的办件 on the director's home page: open cases of the center whose due date moved when the State
 * Council's arrangement was imported (DOMAIN.md rule 3). Shown only while there are any; the full list is the
 * work list “期限已调整”.
 */
export function DeadlineChangesCard() {
  const me = useMe();
  const director = me.user.roles.includes('director');
  const changed = useQuery({ ...casesQueryOptions({ view: 'deadline-changed', page: 1, pageSize: 5 }), enabled: director });
  if (!director || !changed.data || changed.data.total === 0) return null;
  return (
    <Card
      title={`期限已调整的办件（${changed.data.total} 件）`}
      style={{ marginBottom: 16 }}
      data-testid="deadline-changes-card"
      extra={<Typography.Text type="secondary">导入国务院公布的节假日安排后重新计算，请告知申请人新的办结日期</Typography.Text>}
    >
      <List
        size="small"
        dataSource={changed.data.cases}
        renderItem={(c) => (
          <List.Item>
            <Link to="/cases/$id" params={{ id: c.id }}>
              {c.caseNo}
            </Link>
            <span style={{ flex: 1, marginInline: 12 }}>
              {c.itemName} · {c.applicant.name}
            </span>
            <span>
              现办结期限 {c.dueAt ? atCenter(c.dueAt).format('YYYY-MM-DD HH:mm') : '—'}
              <ProvisionalTag show={c.dueProvisional} />
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
