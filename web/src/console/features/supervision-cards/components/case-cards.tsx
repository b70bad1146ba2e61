import { Card, Typography } from 'antd';
import { useMe } from '@/lib/auth';
import { can } from '@/lib/authorization';
import { useCards } from '../api/cards';
import { CardsTable } from './cards-table';
import { IssueCardButton } from './issue-card-button';

interface Subject {
  caseId?: string;
  violationId?: string;
  /** the center proposed for a new card */
  orgId: string;
  /** what a new card is about, in words (办件 …, JC-01 …) */
  about: string;
}

/**
 * 督办单 beside what they are about (supervisors, directors, leaders): the cards about this case or violation and,
 * for a supervisor, the button to issue one to the center (a case in a village room: choose its township).
 */
export function SubjectCards({ caseId, violationId, orgId, about }: Subject) {
  const me = useMe();
  const visible = can(me.user.roles, 'supervision.cards.read');
  const cards = useCards(violationId ? { violationId, pageSize: 50 } : { caseId, pageSize: 50 }, visible);
  if (!visible) return null;
  const issuer = can(me.user.roles, 'supervision.cards.issue');
  return (
    <Card
      title="督办单"
      size="small"
      style={{ marginBottom: 16 }}
      extra={issuer && <IssueCardButton size="small" caseId={violationId ? undefined : caseId} violationId={violationId} defaultOrgId={orgId} about={about} />}
      data-testid="subject-cards"
    >
      {cards.data && cards.data.total === 0 ? (
        <Typography.Text type="secondary">{violationId ? '这条监察记录' : '本件'}没有督办单。</Typography.Text>
      ) : (
        <CardsTable cards={cards.data?.cards ?? []} loading={cards.isPending} compact />
      )}
    </Card>
  );
}

/** On the case page. */
export const CaseCards = ({ caseId, caseNo, orgId }: { caseId: string; caseNo: string; orgId: string }) => (
  <SubjectCards caseId={caseId} orgId={orgId} about={`办件 ${caseNo}`} />
);

/** On a violation's page. */
export const ViolationCards = ({ violationId, orgId, about }: { violationId: string; orgId: string; about: string }) => (
  <SubjectCards violationId={violationId} orgId={orgId} about={about} />
);
