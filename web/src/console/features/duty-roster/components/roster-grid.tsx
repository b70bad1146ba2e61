import { EditOutlined } from '@ant-design/icons';
import { Button, Select, Tag, Typography } from 'antd';
import type { StaffRoster } from '../api/duty-roster';
import './roster.css';

const WEEK = ['一', '二', '三', '四', '五', '六', '日'];

/** The month's days as weeks Monday..Sunday (null before the 1st and after the last day). */
function weeksOf(month: string): (string | null)[][] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
  const cells: (string | null)[] = [...Array<null>(lead).fill(null)];
  for (let d = 1; d <= days; d++) cells.push(`${month}-${String(d).padStart(2, '0')}`);
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/**
 * 值班表月历: each working day (调休上班 marked) with its leader — a choice while the roster is a draft, the name and an
 * “调整” button once it is published; days off are shown grey and take nobody.
 */
export function RosterGrid({
  roster,
  assigned,
  editable,
  today,
  onAssign,
  onChange,
}: {
  roster: StaffRoster;
  assigned: Record<string, string | undefined>;
  editable: boolean;
  today: string;
  onAssign: (day: string, userId: string | undefined) => void;
  onChange: (day: string) => void;
}) {
  const working = new Map(roster.days.map((d) => [d.date, d]));
  const nameOf = (id: string | undefined) => roster.leaders.find((l) => l.id === id)?.name ?? roster.days.find((d) => d.userId === id)?.name ?? '';
  return (
    <div className="roster-grid" role="table" aria-label={`${roster.month} 领导带班值班表`} data-testid="roster-grid">
      <div className="roster-row roster-head" role="row">
        {WEEK.map((w) => (
          <div key={w} role="columnheader" className="roster-cell">
            星期{w}
          </div>
        ))}
      </div>
      {weeksOf(roster.month).map((week, i) => (
        <div key={i} className="roster-row" role="row">
          {week.map((date, j) => {
            if (!date) return <div key={j} className="roster-cell roster-blank" role="cell" />;
            const day = working.get(date);
            const userId = assigned[date];
            return (
              <div key={date} role="cell" className={`roster-cell ${day ? (userId ? 'roster-set' : 'roster-empty') : 'roster-off'}`} data-testid={`roster-day-${date}`}>
                <div className="roster-date">
                  <strong>{Number(date.slice(8))}</strong>
                  {day?.note && <Tag color="orange">{day.note.replace(/.*调休/, '调休')}</Tag>}
                  {!day && <span className="roster-rest">休</span>}
                </div>
                {day &&
                  (editable ? (
                    <Select
                      size="small"
                      allowClear
                      placeholder="未排"
                      value={userId}
                      onChange={(v: string | undefined) => onAssign(date, v)}
                      options={roster.leaders.map((l) => ({ value: l.id, label: l.name }))}
                      aria-label={`${Number(date.slice(5, 7))}月${Number(date.slice(8))}日带班领导`}
                      style={{ width: '100%' }}
                    />
                  ) : (
                    <div className="roster-name">
                      <Typography.Text>{nameOf(userId) || '未排'}</Typography.Text>
                      {date >= today && (
                        <Button size="small" type="link" icon={<EditOutlined />} onClick={() => onChange(date)} aria-label={`调整${Number(date.slice(8))}日`}>
                          调整
                        </Button>
                      )}
                    </div>
                  ))}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
