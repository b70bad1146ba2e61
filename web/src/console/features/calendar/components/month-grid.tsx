import { Tooltip } from 'antd';
import type { CalendarDay } from '../api/get-calendar-days';
import { dayKind } from '../utils/day-kind';

const WEEK_HEAD = ['一', '二', '三', '四', '五', '六', '日'];

interface Props {
  year: number;
  month: number; // 1–12
  days: Map<string, CalendarDay>;
  today: string;
}

/** One month, Monday first; holidays marked 休 in red, make-up working days 班 in blue, the reason on hover. */
export function MonthGrid({ year, month, days, today }: Props) {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const offset = (first.getUTCDay() + 6) % 7;
  const cells: (number | null)[] = [...Array<null>(offset).fill(null), ...Array.from({ length }, (_, i) => i + 1)];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));

  return (
    <div className="month-card">
      <div className="month-title">{month} 月</div>
      <table className="month-table">
        <thead>
          <tr>
            {WEEK_HEAD.map((d) => (
              <th key={d}>{d}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, w) => (
            <tr key={w}>
              {week.map((d, i) => {
                if (d === null) return <td key={i} />;
                const date = `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
                const info = days.get(date);
                const kind = info ? dayKind(info) : 'workday';
                const cell = (
                  <div
                    className={`cal-day ${kind}`}
                    style={date === today ? { outline: '2px solid #1a5fb4', outlineOffset: -2 } : undefined}
                    aria-label={`${month}月${d}日${info?.note ? ` ${info.note}` : ''}${info?.working === false ? ' 休息' : ' 上班'}`}
                  >
                    {d}
                    {kind === 'holiday' && <span className="cal-mark">休</span>}
                    {kind === 'makeup' && <span className="cal-mark">班</span>}
                  </div>
                );
                return (
                  <td key={i}>
                    {info?.note && kind !== 'weekend' ? <Tooltip title={`${month}月${d}日：${info.note}`}>{cell}</Tooltip> : cell}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
