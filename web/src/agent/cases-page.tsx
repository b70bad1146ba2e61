/** 我的办件: the village's cases by where they stand, newest first, twenty at a time. */
import { useState } from 'react';
import { chineseDate } from './format';
import { listCases, type CaseSummary, type Me, type View } from './model';
import { BASE, Link, navigate } from './router';
import { Empty, LoadFailed, Loading, useLoad } from './ui';
import { stageOf } from './words';

interface Filter {
  key: string;
  label: string;
  view?: View;
  status?: string;
  empty: string;
}

export const FILTERS: Filter[] = [
  { key: 'to-forward', label: '待报送', view: 'to-forward', empty: '没有等待报送的办件。' },
  { key: 'sent-up', label: '办理中', view: 'sent-up', empty: '没有正在上级办理的办件。' },
  { key: 'supplement', label: '待补材料', status: 'awaiting_supplement', empty: '没有等待群众补材料的办件。' },
  { key: 'to-deliver', label: '待回复', view: 'to-deliver', empty: '没有等待回复群众的办件。' },
  { key: 'all', label: '全部', empty: '本村还没有登记过办件。点下方“新请求”登记第一件。' },
];

const PAGE_SIZE = 20;

export function CasesPage({ me, filter }: { me: Me; filter: string | null }) {
  const active = FILTERS.find((f) => f.key === filter) ?? FILTERS[FILTERS.length - 1]!;
  const [pages, setPages] = useState(1);
  const loaded = useLoad(`cases:${active.key}:${pages}`, () =>
    listCases({ view: active.view, status: active.status, page: 1, pageSize: PAGE_SIZE * pages }),
  );

  return (
    <div>
      <h1>我的办件</h1>
      <div className="chips" role="tablist" aria-label="按办理情况查看">
        {FILTERS.map((f) => (
          <button
            key={f.key}
            type="button"
            role="tab"
            aria-selected={f.key === active.key}
            className={f.key === active.key ? 'chip chip-on' : 'chip'}
            onClick={() => {
              setPages(1);
              navigate(`${BASE}/cases?show=${f.key}`, { replace: true });
            }}
          >
            {f.label}
          </button>
        ))}
      </div>
      {loaded.error && !loaded.data ? (
        <LoadFailed error={loaded.error} retry={loaded.reload} />
      ) : !loaded.data ? (
        <Loading />
      ) : loaded.data.cases.length === 0 ? (
        <Empty>{active.empty}</Empty>
      ) : (
        <>
          <p className="count">共 {loaded.data.total} 件</p>
          <ul className="case-list">
            {loaded.data.cases.map((c) => (
              <li key={c.id}>
                <CaseCard c={c} villageId={me.orgId} />
              </li>
            ))}
          </ul>
          {loaded.data.total > loaded.data.cases.length && (
            <button type="button" className="btn btn-secondary btn-block" disabled={loaded.loading} onClick={() => setPages((p) => p + 1)}>
              {loaded.loading ? '正在加载…' : '加载更多'}
            </button>
          )}
        </>
      )}
    </div>
  );
}

export function CaseCard({ c, villageId }: { c: CaseSummary; villageId: string }) {
  const stage = stageOf(c, villageId);
  return (
    <Link className="case-card" to={`${BASE}/cases/${encodeURIComponent(c.id)}`}>
      <span className="case-card-top">
        <span className="case-card-name">{c.applicant.name}</span>
        <span className={`stage stage-${stage.tone}`}>{stage.label}</span>
      </span>
      <span className="case-card-item">{c.itemName}</span>
      <span className="case-card-meta">
        {c.caseNo} · {chineseDate(c.createdAt)}
      </span>
    </Link>
  );
}
