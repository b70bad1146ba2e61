import { Space, Tag } from 'antd';
import { Link } from '@tanstack/react-router';
import type { RuleCode } from '@domain/supervision/rules';
import type { CenterSupervision } from '../api/get-dashboard';

// The supervision numbers of the dashboards, each opening the list that holds exactly what it counts: the
// 监察记录 of a center and the centers below it not decided yet (未处理), of one rule, and the 督办单 to them awaiting
// an answer or late (the server's counts are those lists' totals, tests/api/dashboard-supervision.test.ts).

const grey = (testId: string | undefined) => (
  <span style={{ color: '#bfbfbf' }} data-testid={testId}>
    0
  </span>
);

/** The 监察记录 search of a center (and below) not decided yet; without a center, the viewer's whole tree. */
export const openViolationsSearch = (orgId: string | undefined, ruleCode?: RuleCode): { orgId?: string; below?: boolean; status: 'undecided'; ruleCode?: RuleCode } => ({
  ...(orgId && { orgId, below: true }),
  status: 'undecided',
  ...(ruleCode && { ruleCode }),
});

/** The 督办单 search of a center (and below) awaiting an answer, or only the late ones. */
export const cardsSearch = (orgId: string | undefined, late: boolean): { orgId?: string; below?: boolean; awaiting?: boolean; late?: boolean } => ({ ...(orgId && { orgId, below: true }), ...(late ? { late: true } : { awaiting: true }) });

/** Open violations of a center and below, and under it each rule that fired with its count (rule number → count). */
export function ViolationsCount({ orgId, supervision, testId }: { orgId: string; supervision: Pick<CenterSupervision, 'openViolations' | 'byRule'>; testId: string }) {
  if (supervision.openViolations === 0) return grey(testId);
  return (
    <div>
      <Link
        to="/supervision/violations"
        search={openViolationsSearch(orgId)}
        data-testid={testId}
        title="未处理（待说明、已说明）的监察记录：在监察记录中查看"
        style={{ color: '#cf1322', fontWeight: 600 }}
      >
        {supervision.openViolations}
      </Link>
      <div style={{ fontSize: 12, lineHeight: '16px' }} data-testid={`${testId}-rules`}>
        {supervision.byRule.map((r) => (
          <Link
            key={r.ruleCode}
            to="/supervision/violations"
            search={openViolationsSearch(orgId, r.ruleCode)}
            title={`${r.number} ${r.name}：${r.count} 条未处理`}
            style={{ marginLeft: 6, whiteSpace: 'nowrap', color: '#8c8c8c' }}
            data-testid={`${testId}-${r.ruleCode}`}
          >
            {r.number}×{r.count}
          </Link>
        ))}
      </div>
    </div>
  );
}

/** 督办单 awaiting an answer (or, late: past the reply date without one) to a center and below. */
export function CardsCount({ orgId, count, late, testId }: { orgId: string | undefined; count: number; late: boolean; testId?: string }) {
  if (count === 0) return grey(testId);
  return (
    <Link
      to="/supervision/cards"
      search={cardsSearch(orgId, late)}
      data-testid={testId}
      title={late ? '已过回告期限、尚未回告的督办单：在督办单中查看' : '待回告的督办单：在督办单中查看'}
      style={{ color: late ? '#cf1322' : '#d46b08', fontWeight: 600 }}
    >
      {count}
    </Link>
  );
}

/** The tags above the supervisor's tree: the shown root's open violations and cards, each opening its list. */
export function SupervisionTags({ orgId, counts }: { orgId: string; counts: { openViolations: number; openCards: number; lateCards: number } }) {
  return (
    <Space size={4}>
      <Link to="/supervision/violations" search={openViolationsSearch(orgId)} data-testid="tag-open-violations">
        <Tag color={counts.openViolations ? 'red' : 'default'} style={{ cursor: 'pointer' }}>
          未处理违规 {counts.openViolations} 条
        </Tag>
      </Link>
      <Link to="/supervision/cards" search={cardsSearch(orgId, false)} data-testid="tag-open-cards">
        <Tag color={counts.lateCards ? 'red' : counts.openCards ? 'orange' : 'default'} style={{ cursor: 'pointer' }}>
          督办单待回告 {counts.openCards} 件
        </Tag>
      </Link>
      {counts.lateCards > 0 && (
        <Link to="/supervision/cards" search={cardsSearch(orgId, true)} data-testid="tag-late-cards">
          <Tag color="red" style={{ cursor: 'pointer' }}>
            逾期未回告 {counts.lateCards} 件
          </Tag>
        </Link>
      )}
    </Space>
  );
}
