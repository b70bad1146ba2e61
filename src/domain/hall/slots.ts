/**
 * 预约的时段 (issue 12 §3): a service's plan of the day (time ranges with a capacity each, e.g. 09:00–10:00 ×5),
 * published a number of days ahead, only on working days of the official calendar (holidays closed, 调休 make-up
 * working days open; a year not yet imported counts provisionally), never in the past, never over capacity, and one
 * active booking per phone, service and day. Pure: the calendar, today's local date and time and the places taken
 * are arguments.
 */
import { addCalendarDays, isWorkingDay, weekdayName, type IsoDate, type WorkingCalendar } from '../calendar/calendar.js';

export interface SlotRange {
  /** 'HH:mm' local */
  start: string;
  /** 'HH:mm' local, after start */
  end: string;
  /** places, 1 … MAX_CAPACITY */
  capacity: number;
}

export const SLOT_LIMITS = { ranges: 24, capacity: 200, daysAhead: 60 } as const;
/** Published this many days ahead when the center has not said otherwise. */
export const DEFAULT_DAYS_AHEAD = 7;

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export type Refusal = { ok: false; code: string; message: string; status: number };
export type Decision<T = object> = ({ ok: true } & T) | Refusal;

const refuse = (code: string, message: string, status = 422): Refusal => ({ ok: false, code, message, status });

/** Checks a plan: well-formed times, start before end, capacity 1…200, ranges in order and not overlapping. */
export function checkPlan(ranges: readonly SlotRange[]): Decision {
  if (ranges.length > SLOT_LIMITS.ranges) return refuse('PLAN_INVALID', `一天最多设置 ${SLOT_LIMITS.ranges} 个预约时段，请合并一些时段。`);
  for (const [i, r] of ranges.entries()) {
    const label = `第 ${i + 1} 个时段`;
    if (!HH_MM.test(r.start) || !HH_MM.test(r.end)) return refuse('PLAN_INVALID', `${label}的时间格式不对，请按 24 小时制 HH:mm 填写，如 09:00。`);
    if (r.start >= r.end) return refuse('PLAN_INVALID', `${label}的开始时间须早于结束时间（${r.start}–${r.end}），请改正。`);
    if (!Number.isInteger(r.capacity) || r.capacity < 1 || r.capacity > SLOT_LIMITS.capacity) {
      return refuse('PLAN_INVALID', `${label}的可约人数须是 1 到 ${SLOT_LIMITS.capacity} 之间的整数。`);
    }
    const prev = ranges[i - 1];
    if (prev && prev.end > r.start) return refuse('PLAN_INVALID', `${label}（${r.start}–${r.end}）与上一个时段（${prev.start}–${prev.end}）重叠或顺序不对，请按时间先后填写且不要重叠。`);
  }
  return { ok: true };
}

/** Where the caller is in time: the center's local date and wall-clock time. */
export interface Now {
  today: IsoDate;
  /** 'HH:mm' */
  time: string;
}

/** The dates that may be booked: today and the next `daysAhead` calendar days, working days only. */
export function publishedDays(cal: WorkingCalendar, now: Now, daysAhead: number): IsoDate[] {
  const days: IsoDate[] = [];
  for (let i = 0; i <= daysAhead; i++) {
    const d = addCalendarDays(now.today, i);
    if (isWorkingDay(cal, d)) days.push(d);
  }
  return days;
}

/** A slot is over once its end has passed (a caller may still come within the hour they booked). */
export const slotPast = (now: Now, day: IsoDate, range: Pick<SlotRange, 'end'>): boolean => day < now.today || (day === now.today && range.end <= now.time);

export interface SlotView {
  start: string;
  end: string;
  capacity: number;
  booked: number;
  left: number;
}

export interface DayView {
  date: IsoDate;
  weekday: string;
  slots: SlotView[];
}

/** Places taken, keyed `${day} ${start}`. */
export type Taken = ReadonlyMap<string, number>;
export const takenKey = (day: IsoDate, start: string) => `${day} ${start}`;

/** The open days with their slots still to come and how many places are left (never below 0). */
export function openSlots(cal: WorkingCalendar, plan: readonly SlotRange[], now: Now, daysAhead: number, taken: Taken): DayView[] {
  if (plan.length === 0) return [];
  return publishedDays(cal, now, daysAhead)
    .map((date) => ({
      date,
      weekday: weekdayName(date),
      slots: plan
        .filter((r) => !slotPast(now, date, r))
        .map((r) => {
          const booked = taken.get(takenKey(date, r.start)) ?? 0;
          return { start: r.start, end: r.end, capacity: r.capacity, booked, left: Math.max(0, r.capacity - booked) };
        }),
    }))
    .filter((d) => d.slots.length > 0);
}

export interface BookingAsk {
  day: IsoDate;
  start: string;
}

/**
 * May this slot be booked now? Checks, in order: the day is published (not before today, not beyond the window),
 * a working day, the plan has the slot, it has not passed, a place is left, the phone has no other booking for the
 * service that day. The places are taken again atomically when the booking is written; this is the explanation.
 */
export function decideBooking(
  cal: WorkingCalendar,
  plan: readonly SlotRange[],
  now: Now,
  daysAhead: number,
  ask: BookingAsk,
  taken: number,
  phoneHasBooking: boolean,
): Decision<{ range: SlotRange }> {
  if (ask.day < now.today) return refuse('SLOT_PAST', `${ask.day} 已经过去，不能预约，请选择今天或以后的日期。`);
  const last = addCalendarDays(now.today, daysAhead);
  if (ask.day > last) return refuse('SLOT_NOT_PUBLISHED', `目前只能预约 ${last} 及以前的日期（提前 ${daysAhead} 天放号），请到时再约。`);
  if (!isWorkingDay(cal, ask.day)) return refuse('SLOT_CLOSED', `${ask.day}（${weekdayName(ask.day)}）不是工作日，大厅不办公，请选择其他日期。`);
  const range = plan.find((r) => r.start === ask.start);
  if (!range) return refuse('SLOT_UNKNOWN', `该服务没有 ${ask.start} 开始的预约时段，请刷新页面后重新选择。`);
  if (slotPast(now, ask.day, range)) return refuse('SLOT_PAST', `${ask.day} ${range.start}–${range.end} 的时段已经过去，请选择后面的时段。`);
  if (taken >= range.capacity) return refuse('SLOT_FULL', `${ask.day} ${range.start}–${range.end} 的号已约满，请选择其他时段。`, 409);
  if (phoneHasBooking) return refuse('ALREADY_BOOKED', '这个手机号码当天已预约过这项服务，不能重复预约；需要改时间的，请先取消原预约。', 409);
  return { ok: true, range };
}

/** A booking's states; only `booked` may be cancelled, checked in or marked no-show. */
export const APPOINTMENT_STATUSES = ['booked', 'checked_in', 'cancelled', 'no_show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export const APPOINTMENT_VIA = ['public', 'window', 'agent'] as const;
export type AppointmentVia = (typeof APPOINTMENT_VIA)[number];

export const STATUS_NAMES: Record<AppointmentStatus, string> = { booked: '已预约', checked_in: '已签到', cancelled: '已取消', no_show: '爽约' };
export const VIA_NAMES: Record<AppointmentVia, string> = { public: '网上预约', window: '窗口电话预约', agent: '村代办员代约' };

/** Check-in: only a booking still `booked`, only on its own day. */
export function decideCheckIn(b: { status: string; day: IsoDate; start: string; end: string }, now: Now): Decision {
  if (b.status === 'checked_in') return refuse('ALREADY_CHECKED_IN', '这个预约已经签到过了，请按已取的号等候叫号。', 409);
  if (b.status === 'cancelled') return refuse('APPOINTMENT_CANCELLED', '这个预约已取消，请到取号机直接取号。', 409);
  if (b.status === 'no_show') return refuse('APPOINTMENT_MISSED', '这个预约已过期（爽约），请到取号机直接取号。', 409);
  if (b.day > now.today) return refuse('CHECK_IN_TOO_EARLY', `这是 ${b.day} ${b.start}–${b.end} 的预约，请在预约当天来签到。`, 409);
  if (b.day < now.today) return refuse('APPOINTMENT_MISSED', '这个预约的日期已过，请到取号机直接取号。', 409);
  return { ok: true };
}

/** Cancelling: only a booking still `booked` whose slot has not ended. */
export function decideCancel(b: { status: string; day: IsoDate; end: string }, now: Now): Decision {
  if (b.status !== 'booked') return refuse('APPOINTMENT_NOT_ACTIVE', `这个预约${STATUS_NAMES[b.status as AppointmentStatus] ?? '已结束'}，不能再取消。`, 409);
  if (slotPast(now, b.day, b)) return refuse('SLOT_PAST', '预约的时段已经过去，不能再取消。', 409);
  return { ok: true };
}

/** The day before a booking (its reminder day) and whether a booking's day has passed (no-show). */
export const reminderDue = (b: { status: string; day: IsoDate; reminded: boolean }, now: Now) => b.status === 'booked' && !b.reminded && b.day === addCalendarDays(now.today, 1);
export const noShowDue = (b: { status: string; day: IsoDate }, now: Now) => b.status === 'booked' && b.day < now.today;
