/**
 * 月报表: the village's month by item category (due to the township by the 5th), with an Excel download.
 * On a phone the seven columns of the paper table do not fit: the month's totals come first as big numbers,
 * then one small card per category; the Excel file has the table as it goes to the township.
 */
import { useState } from 'react';
import { chineseMonth, thisMonth } from './format';
import { MONTHLY_COUNTER_NAMES, MONTHLY_COUNTERS, type MonthlyCounts } from '@domain/agents/monthly';
import { getMonthly, villageName, type Me } from './model';
import { Empty, LoadFailed, Loading, useLoad } from './ui';

/** This month and the 23 before it, newest first. */
function recentMonths(now = new Date()): string[] {
  const months: string[] = [];
  for (let i = 0; i < 24; i++) months.push(thisMonth(new Date(now.getFullYear(), now.getMonth() - i, 1)));
  return months;
}

export function MonthlyPage({ me }: { me: Me }) {
  const [month, setMonth] = useState(thisMonth);
  const loaded = useLoad(`monthly:${month}`, () => getMonthly(month));
  const data = loaded.data;
  const villages = data ? [...new Set(data.rows.map((r) => r.villageName))] : [];

  return (
    <div>
      <h1>月报表</h1>
      <section className="card">
        <label htmlFor="month">统计月份</label>
        <select id="month" value={month} onChange={(e) => setMonth(e.target.value)}>
          {recentMonths().map((m) => (
            <option key={m} value={m}>
              {chineseMonth(m)}
            </option>
          ))}
        </select>
        <a className="btn btn-secondary btn-block" href={`/api/agents/monthly.xlsx?month=${encodeURIComponent(month)}`} download>
          下载 Excel 表格
        </a>
      </section>
      {loaded.error && !data ? (
        <LoadFailed error={loaded.error} retry={loaded.reload} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <section className="card">
            <h2>
              {villages.length === 1 ? villages[0] : villageName(me)} {chineseMonth(data.month)}合计
            </h2>
            <Counts counts={data.totals} testId="monthly-totals" />
          </section>
          {data.rows.length === 0 ? (
            <Empty>本月没有办件。</Empty>
          ) : (
            <>
              <h2>按事项类别</h2>
              <ul className="case-list" data-testid="monthly-rows">
                {data.rows.map((row) => (
                  <li key={`${row.villageId}-${row.category}`} className="card monthly-row">
                    <h3>
                      {villages.length > 1 ? `${row.villageName} · ` : ''}
                      {row.category}
                    </h3>
                    <Counts counts={row} />
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="muted">“结果已回复”指上级办结、已由代办员告知群众并交付结果的件数。本表每月5日前报乡镇便民服务中心。</p>
        </>
      )}
    </div>
  );
}

function Counts({ counts, testId }: { counts: MonthlyCounts; testId?: string }) {
  return (
    <dl className="counts" data-testid={testId}>
      {MONTHLY_COUNTERS.map((key) => (
        <div key={key}>
          <dt>{MONTHLY_COUNTER_NAMES[key]}</dt>
          <dd>{counts[key]}</dd>
        </div>
      ))}
    </dl>
  );
}
