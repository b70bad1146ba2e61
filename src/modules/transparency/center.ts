/**
 * GET /api/public/centers/{id}: one center's 政务公开 page (DOMAIN.md "Transparency", issue 11 §3) — address, office
 * hours, phones with the county's supervision phone, the staff with their posts and whereabouts today, this and last
 * month's figures with the 好评率, the outcomes of closed complaints and the notices shown today. Other modules' tables
 * are read only through their functions; nothing here carries an ID number or a phone of the public.
 */
import { addCalendarDays } from '../../domain/calendar/calendar.js';
import { localDate, zonedInstant } from '../../domain/calendar/office-hours.js';
import { ROLE_NAMES } from '../../domain/roles.js';
import type { ComplaintOutcome, MonthFigures, PublicCenter } from '../../domain/transparency/contract.js';
import { fromJson } from '../../db/portable.js';
import type { OfficeHours } from '../../domain/calendar/office-hours.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { monthCaseNumbersByCenter } from '../cases/report-queries.js';
import { closedComplaintOutcomes } from '../complaints/public-outcomes.js';
import { centerGoodRate } from '../evaluation/center-figures.js';
import { takesNumbers } from '../hall/services.js';
import { shownNoticesOf } from '../notices/queries.js';
import { findOrg, listOrgs } from '../orgs/repo.js';
import { centerStaffPresence } from '../presence/public.js';
import { getLevelNames, supervisionPhoneOf } from '../settings/service.js';
import { publishedRanking } from '../assessment/results.js';

/** How many complaint outcomes the page lists (the newest). */
export const COMPLAINT_OUTCOMES_SHOWN = 10;

/** 'YYYY-MM' of the month before. */
const previousMonth = (month: string): string => addCalendarDays(`${month}-01`, -1).slice(0, 7);
const nextMonth = (month: string): string => addCalendarDays(`${month}-28`, 7).slice(0, 7);

function outcomeText(upheld: boolean | null, decision: string | null): string {
  const verdict = upheld === true ? '经调查核实，投诉属实' : upheld === false ? '经调查核实，投诉不属实' : '已答复投诉人';
  return decision ? `${verdict}。处理结果：${decision}` : `${verdict}。`;
}

/** Where the page finds a person's photo: only when there is one (the active staff listed here all may show it). */
const staffPhotoUrl = (userId: string, hash: string | null): string | null =>
  hash ? `/api/public/staff/${encodeURIComponent(userId)}/photo?v=${encodeURIComponent(hash)}` : null;

export async function publicCenter(ctx: AppContext, id: string): Promise<PublicCenter> {
  const { db } = ctx.database;
  const org = await findOrg(db, id);
  if (!org) throw notFound('该便民服务中心');
  const now = ctx.clock();
  const tz = org.time_zone;
  const today = localDate(now, tz);
  const [orgs, levels, supervisionPhone, staff, complaints, notices, queue] = await Promise.all([
    listOrgs(db),
    getLevelNames(db),
    supervisionPhoneOf(db),
    centerStaffPresence(db, id),
    closedComplaintOutcomes(db, id, COMPLAINT_OUTCOMES_SHOWN),
    shownNoticesOf(db, id, now),
    takesNumbers(db, id),
  ]);
  const parent = org.parent_id ? orgs.find((o) => o.id === org.parent_id) : undefined;

  const months: MonthFigures[] = [];
  const thisMonth = today.slice(0, 7);
  for (const month of [thisMonth, previousMonth(thisMonth)]) {
    const from = zonedInstant(`${month}-01`, '00:00', tz).toISOString();
    const to = zonedInstant(`${nextMonth(month)}-01`, '00:00', tz).toISOString();
    const cases = (await monthCaseNumbersByCenter(db, [id], from, to, now.toISOString())).get(id);
    const ratings = await centerGoodRate(db, id, from, to);
    const finished = cases?.completed ?? 0;
    const onTime = cases?.completedOnTime ?? 0;
    months.push({
      month,
      received: cases?.received ?? 0,
      finished,
      finishedOnTime: onTime,
      onTimeRate: finished > 0 ? onTime / finished : null,
      rated: ratings.rated,
      goodRate: ratings.goodRate,
    });
  }

  return {
    id: org.id,
    name: org.center_name,
    level: org.level,
    levelName: levels[org.level],
    parent: parent ? { id: parent.id, name: parent.center_name } : null,
    children: orgs.filter((o) => o.parent_id === org.id).map((o) => ({ id: o.id, name: o.center_name })),
    address: org.address,
    phone: org.phone,
    supervisionPhone,
    officeHours: fromJson<OfficeHours>(org.office_hours, { sessions: [] }),
    today,
    staff: staff.map((s) => ({ userId: s.userId, name: s.name, post: ROLE_NAMES[s.role], windows: s.windows, whereabouts: s.whereabouts, photoUrl: staffPhotoUrl(s.userId, s.photoHash) })),
    months,
    complaints: complaints.map((c): ComplaintOutcome => ({ title: c.title, upheld: c.upheld, outcome: outcomeText(c.upheld, c.decision), date: localDate(new Date(c.answeredAt), tz) })),
    notices,
    takesNumbers: queue,
    ranking: await publishedRanking(db, id),
  };
}
