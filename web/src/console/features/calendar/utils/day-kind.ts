import { isWeekend } from '@domain/calendar/calendar';
import type { CalendarDay } from '../api/get-calendar-days';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';

/** 休 (a public holiday), 班 (a make-up working day on a weekend), or an ordinary working day / weekend. */
export function dayKind(day: CalendarDay): DayKind {
  if (!day.working) return day.note && day.note !== '周末' ? 'holiday' : 'weekend';
  return isWeekend(day.date) || day.note ? 'makeup' : 'workday';
}
