import { useEffect, useState } from 'react';
import { getDutyRoster, type Loaded, type PublicRoster } from './open-api';

const dayText = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
const monthText = (m: string) => `${Number(m.slice(0, 4))}年${Number(m.slice(5, 7))}月`;
const nextMonth = (m: string) => {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
};

function MonthTable({ roster, today }: { roster: PublicRoster; today: string }) {
  return (
    <table className="open-roster" data-testid="open-roster" aria-label={`${monthText(roster.month)}领导带班值班表`}>
      <thead>
        <tr>
          <th scope="col">日期</th>
          <th scope="col">带班领导</th>
        </tr>
      </thead>
      <tbody>
        {roster.days.map((d) => (
          <tr key={d.date} className={d.date === today ? 'open-roster-today' : d.date < today ? 'open-roster-past' : undefined}>
            <td>
              {dayText(d.date)} {d.weekday.replace('星期', '周')}
            </td>
            <td>
              {d.name}
              <small> {d.post}</small>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * 领导带班 on the 政务公开 page (issue 12 §5): today's leader on duty, this month's published roster, and next month's once
 * it is published (a roster is published by the end of the month before). Nothing shows of a roster not published.
 */
export function DutyRoster({ id, today }: { id: string; today: string }) {
  const [months, setMonths] = useState<Loaded<PublicRoster>[] | null>(null);
  useEffect(() => {
    const month = today.slice(0, 7);
    void Promise.all([getDutyRoster(id, month), getDutyRoster(id, nextMonth(month))]).then(setMonths);
  }, [id, today]);
  if (months === null) return <p aria-live="polite">正在加载……</p>;
  const published = months.flatMap((m) => (m.ok && m.data.published ? [m.data] : []));
  const thisMonth = published.find((r) => r.month === today.slice(0, 7));
  if (published.length === 0) return <p className="hint">本月领导带班值班表尚未公布。</p>;
  const onDuty = thisMonth?.days.find((d) => d.date === today);
  return (
    <>
      <p className="open-roster-now" data-testid="open-roster-today">
        {onDuty ? (
          <>
            今日带班领导：<strong>{onDuty.name}</strong>（{onDuty.post}）
          </>
        ) : thisMonth ? (
          '今天不是工作日，没有带班领导。'
        ) : (
          '本月领导带班值班表尚未公布。'
        )}
      </p>
      {published.map((r, i) => (
        <details key={r.month} open={i === 0}>
          <summary>
            {monthText(r.month)}值班表{r.changedAt ? '（有调整，以此为准）' : ''}
          </summary>
          <MonthTable roster={r} today={today} />
        </details>
      ))}
    </>
  );
}
