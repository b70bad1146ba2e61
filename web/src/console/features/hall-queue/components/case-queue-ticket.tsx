import { Card, Descriptions } from 'antd';
import { formatDateTime } from '@/lib/format';
import { useCaseTicket } from '../api/case-ticket';

const withMinutes = (at: string | null, minutes: number | null, what: string) => (at ? `${formatDateTime(at)}${minutes === null ? '' : `（${what} ${minutes} 分钟）`}` : '—');

/** 排队记录 on the case page: shown only for a case registered from a number at the window. */
export function CaseQueueTicket({ caseId }: { caseId: string }) {
  const ticket = useCaseTicket(caseId);
  if (!ticket.data) return null;
  const t = ticket.data;
  return (
    <Card title="排队记录" size="small" style={{ marginBottom: 16 }} data-testid="case-queue-ticket">
      <Descriptions column={1} size="small">
        <Descriptions.Item label="排队号">
          {t.number} · {t.serviceName}
          {t.windowName ? ` · ${t.windowName}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="取号">{formatDateTime(t.issuedAt)}</Descriptions.Item>
        <Descriptions.Item label="叫号">{withMinutes(t.calledAt, t.waitingMinutes, '等候')}</Descriptions.Item>
        <Descriptions.Item label="开始办理">{t.startedAt ? formatDateTime(t.startedAt) : '—'}</Descriptions.Item>
        <Descriptions.Item label="办结离开">{withMinutes(t.finishedAt, t.servingMinutes, '办理')}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
