import { Alert } from 'antd';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { PageHeader } from '@/components/layout/page-header';
import { QueryError } from '@/components/feedback/query-error';
import { useMe } from '@/lib/auth';
import { can } from '@/lib/authorization';
import { useCards, type CardQuery } from '@/features/supervision-cards/api/cards';
import { CardFilters } from '@/features/supervision-cards/components/card-filters';
import { CardsTable } from '@/features/supervision-cards/components/cards-table';
import { IssueCardButton } from '@/features/supervision-cards/components/issue-card-button';

const route = getRouteApi('/console/supervision/cards');

/**
 * 督办单: a supervisor's cards across their tree (issue one to a center from here), a director's cards to answer.
 */
export function SupervisionCardsPage() {
  const me = useMe();
  const search = route.useSearch();
  const navigate = useNavigate();
  const query: CardQuery = { ...search, pageSize: search.pageSize ?? 20 };
  const cards = useCards(query);
  const supervisor = can(me.user.roles, 'supervision.cards.issue');
  const setQuery = (q: CardQuery) => void navigate({ to: '/supervision/cards', search: { ...q, pageSize: undefined } });

  return (
    <>
      <PageHeader
        title="督办单"
        description={
          supervisor
            ? '向本级及下级便民服务中心发出督办单（蓝色提醒 → 橙色预警 → 红色问责），查看回告，销号或升级。'
            : '纪检监察员发给本中心的督办单：请在回告期限前回告。'
        }
        extra={supervisor && <IssueCardButton />}
      />
      {cards.data && cards.data.open > 0 && (
        <Alert
          type={cards.data.late > 0 ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="cards-open"
          title={`待回告 ${cards.data.open} 份${cards.data.late > 0 ? `，其中逾期未回告 ${cards.data.late} 份` : ''}`}
        />
      )}
      <CardFilters value={query} onChange={setQuery} byOrg={supervisor} />
      {cards.isError ? (
        <QueryError error={cards.error} onRetry={() => void cards.refetch()} />
      ) : (
        <CardsTable
          cards={cards.data?.cards ?? []}
          loading={cards.isPending}
          total={cards.data?.total}
          page={query.page ?? 1}
          pageSize={query.pageSize}
          onPage={(page, pageSize) => void navigate({ to: '/supervision/cards', search: { ...search, page, pageSize } })}
        />
      )}
    </>
  );
}
