/** What the server answers about the working-day calendar (/api/calendar/*). */
import { z } from 'zod';
import { HOP_KINDS } from '../cases/hops.js';
import { instant, isoDate } from './common.js';

/** GET /api/calendar/add-working-days. provisional: counted through a year whose arrangement is not imported (暂定). */
export const workingDaySchema = z.object({ date: isoDate, provisional: z.boolean() });

/** GET /api/calendar/days: a year not imported is answered with its provisional days (source says so). */
export const calendarDaysSchema = z.object({
  year: z.number().int(),
  provisional: z.boolean(),
  source: z.string().optional(),
  days: z.array(z.object({ date: isoDate, working: z.boolean(), note: z.string().optional() })),
});
export type CalendarDays = z.infer<typeof calendarDaysSchema>;
export type CalendarDay = CalendarDays['days'][number];

/** GET /api/calendar/years: the years whose State Council arrangement is loaded. */
export const calendarYearsSchema = z.object({
  years: z.array(z.object({ year: z.number().int(), source: z.string(), importedAt: instant, days: z.number().int() })),
});
export type CalendarYear = z.infer<typeof calendarYearsSchema>['years'][number];

/** POST /api/calendar/years: the year imported and the open deadlines it moved. */
export const calendarImportSchema = z.object({
  year: z.number().int(),
  source: z.string(),
  days: z.number().int(),
  recomputed: z.object({
    changed: z.number().int(),
    cases: z.array(z.object({ caseId: z.string(), caseNo: z.string(), before: instant, after: instant, dueProvisional: z.boolean() })),
    hops: z.array(z.object({ caseId: z.string(), caseNo: z.string(), hop: z.enum(HOP_KINDS), before: instant, after: instant })),
  }),
});
export type CalendarImport = z.infer<typeof calendarImportSchema>;

/** GET /api/calendar/reminder: today (the server's clock, local date) and what to import, if anything. */
export const calendarReminderSchema = z.object({
  today: isoDate,
  reminder: z.object({ year: z.number().int(), message: z.string() }).nullable(),
});
export type CalendarReminder = z.infer<typeof calendarReminderSchema>;
