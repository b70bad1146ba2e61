import { addWorkingDays, daysOfYear } from '../../domain/calendar/calendar.js';
import { officialYears } from '../../domain/calendar/official.js';
import { parseYearFile } from '../../domain/calendar/year-file.js';
import { DomainError } from '../../domain/errors.js';
import { toCount } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { recordAudit } from '../audit/repo.js';
import * as repo from './repo.js';

/** Validates and stores one year's arrangement; answers 422 with every problem listed in Chinese. */
export async function importYear(db: Db, file: unknown, by: { userId: string | null; at: Date }) {
  const parsed = parseYearFile(file);
  if (!parsed.ok) {
    throw new DomainError('CALENDAR_FILE_INVALID', `年度节假日安排文件有 ${parsed.errors.length} 处问题，请修改后重新导入。`, {
      errors: parsed.errors.map((message) => ({ path: '', message })),
    });
  }
  const { year, source, overrides } = parsed.value;
  await db.transaction().execute(async (trx) => {
    await repo.replaceYear(trx, year, source, overrides, { userId: by.userId, at: by.at.toISOString() });
    await recordAudit(trx, { at: by.at, userId: by.userId, action: 'calendar.import', targetType: 'calendar', targetId: String(year), detail: { source, days: overrides.length } });
  });
  return { year, source, days: overrides.length };
}

/** The State Council arrangements shipped with the software, loaded into an empty calendar at first start. */
export async function loadOfficialYears(db: Db, at: Date): Promise<number[]> {
  const loaded = new Set((await repo.listYears(db)).map((y) => Number(y.year)));
  const added: number[] = [];
  for (const file of officialYears()) {
    if (loaded.has(file.year)) continue;
    await importYear(db, file, { userId: null, at });
    added.push(file.year);
  }
  return added;
}

export async function listCalendarYears(ctx: AppContext) {
  return (await repo.listYears(ctx.database.db)).map((y) => ({
    year: Number(y.year),
    source: y.source,
    importedAt: y.imported_at,
    days: toCount(y.days),
  }));
}

export async function calendarAddWorkingDays(ctx: AppContext, from: string, days: number) {
  return { date: addWorkingDays(await repo.loadCalendar(ctx.database.db), from, days) };
}

export async function calendarDays(ctx: AppContext, year: number) {
  const calendar = await repo.loadCalendar(ctx.database.db);
  if (!calendar.years.has(year)) {
    throw new DomainError(
      'CALENDAR_YEAR_NOT_LOADED',
      `${year}年的法定节假日安排尚未导入。请系统管理员在“工作日历”中导入该年度安排。`,
      { year },
      404,
    );
  }
  return { year, days: daysOfYear(calendar, year) };
}
