/**
 * The demo's case history: on a server started in demo mode, about eight weeks of ordinary work at the demo
 * township, its first village and the county — cases taken at the window and by the village agent, accepted,
 * supplemented, returned, carried up to the county (上报件), finished, handed over and rated — so the ledger, the lights, the dashboards, the monthly
 * report, the ratings and the assessment all show something on the first `npm start`.
 *
 * Every case goes through the real use cases (registerCase, actOnCase, recordRating) with the clock set to the
 * moment the step happened, so events, deadlines on the working calendar, the audit chain and everything their
 * consumers derive are exactly what the same work done by hand would have left. The history is the same on every
 * install, relative to the day the demo is loaded (a seeded generator, no Math.random). Once: nothing happens when
 * the demo accounts are missing or the database holds any case. Run by `serve` (before the demo's 差评, which is
 * the one case it leaves out), never by the tests' apps, so no test's counts see a case it did not make.
 */
import { addCalendarDays, addWorkingDays, isWorkingDay, type IsoDate, type WorkingCalendar } from '../../domain/calendar/calendar.js';
import { localDate, zonedInstant } from '../../domain/calendar/office-hours.js';
import type { Level } from '../../domain/evaluation/levels.js';
import { checkDigit } from '../../domain/people/id-number.js';
import type { Role } from '../../domain/roles.js';
import { fromJson } from '../../db/portable.js';
import type { AppContext } from '../../server/context.js';
import type { Actor } from '../auth/actor.js';
import { loadCalendar } from '../calendar/repo.js';
import { findItemByCode } from '../catalog/repo.js';
import { actOnCase } from '../cases/act-on-case.js';
import { registerCase } from '../cases/register-case.js';
import { reviewRefusal } from '../cases/review-refusal.js';
import { countCases, findCase } from '../cases/repo.js';
import { recordRating } from '../evaluation/record-rating.js';
import { listOrgs } from '../orgs/repo.js';
import { findUserByUsername } from '../users/repo.js';

/** How many working days back the history reaches (about eight weeks: last month is complete, this one begun). */
const WORKING_DAYS = 40;

/** A small seeded generator (mulberry32): the same history on every install. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { next, pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]! };
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕';
const GIVEN = ['秀兰', '桂英', '建国', '红梅', '志强', '玉珍', '德福', '春生', '淑芬', '海涛', '凤英', '国华', '小军', '丽娟', '长青', '金花', '明亮', '翠萍', '永胜', '爱民'];
const PLACES = ['柳河村一组', '柳河村三组', '杨庄村二组', '王家洼村', '河东社区 5 号楼', '柳河镇东街', '杨庄村五组', '柳河镇新华路'];

/** Township window items (decided at the township) and village items an agent finishes on the spot. */
const TOWNSHIP_ITEMS = ['MZ-002', 'MZ-002', 'RS-005', 'YB-002', 'GA-001', 'NY-002', 'ZH-005', 'RS-004', 'CZ-001', 'MZ-001', 'JS-003', 'LY-001', 'ZR-001', 'ZJ-001', 'XF-001'];
const PROXY_ITEMS = ['MZ-001', 'JS-003', 'ZJ-001', 'RS-005', 'YB-002'];
const VILLAGE_ITEMS = ['ZH-002', 'ZH-002', 'ZH-001', 'SF-001'];
const COUNTY_ITEMS = ['MZ-009', 'MZ-009', 'GA-005', 'RS-008', 'LY-002'];

type Step = { day: IsoDate; time: string };
type Person = { name: string; idNumber: string; phone: string; address: string };
type Registered = { caseId: string; serial: number; kind: string; days: number; joint: string[] };

export async function seedDemoCaseHistory(ctx: AppContext): Promise<string | null> {
  const { db } = ctx.database;
  if (!ctx.config.demo) return null;
  const users = await Promise.all(['clerk', 'clerk2', 'agent', 'county', 'director'].map((u) => findUserByUsername(db, u)));
  if (users.some((u) => !u)) return null;
  const [clerk, clerk2, agent, county, director] = users.map((u) => ({
    userId: u!.id,
    username: u!.username,
    name: u!.name,
    roles: fromJson<Role[]>(u!.roles, []),
    orgId: u!.org_id,
    sessionId: 'demo',
  })) as [Actor, Actor, Actor, Actor, Actor];
  // a database with any case is in use (or seeded before): its ledger is not the demo's to fill
  const orgIds = (await listOrgs(db)).map((o) => o.id);
  if ((await countCases(db, { orgIds })) > 0) return null;

  const timeZone = ctx.config.timeZone;
  const calendar = await loadCalendar(db);
  const today = localDate(ctx.clock(), timeZone);
  const days = workingDaysBefore(calendar, today, WORKING_DAYS);
  const random = generator(20_260_101);
  let moment = ctx.clock();
  const at: AppContext = { ...ctx, clock: () => moment };
  const when = (s: Step) => {
    moment = zonedInstant(s.day, s.time, timeZone);
  };
  const later = (s: Step, workingDays: number, time: string): Step => ({ day: addWorkingDays(calendar, s.day, workingDays), time });
  const done = (s: Step) => s.day < today;
  let serial = 0;
  const counts = { cases: 0, ratings: 0 };

  /** The `serial`-th applicant of the history: a valid (made-up) ID number of the demo county. */
  const person = (serial: number): Person => {
    const birth = `19${40 + Math.floor(random.next() * 60)}0${1 + Math.floor(random.next() * 9)}1${Math.floor(random.next() * 9)}`;
    const first17 = `410899${birth}${String(100 + serial).slice(-3)}`;
    return {
      name: `${random.pick([...SURNAMES])}${random.pick(GIVEN)}`,
      idNumber: `${first17}${checkDigit(first17)}`,
      phone: `13${5 + Math.floor(random.next() * 5)}${String(10_000_000 + Math.floor(random.next() * 89_999_999)).slice(-8)}`,
      address: random.pick(PLACES),
    };
  };

  const act = async (actor: Actor, caseId: string, step: Step, action: Parameters<typeof actOnCase>[3], body: Record<string, unknown> = {}) => {
    when(step);
    const row = (await findCase(db, caseId))!;
    await actOnCase(at, actor, caseId, action, { expectedVersion: row.version, ...body });
  };

  /** 否定报备: the township's director reviews a refusal of the township or its villages the next working day. */
  const reviewed = async (actor: Actor, caseId: string, step: Step) => {
    const next = later(step, 1, '16:00');
    if (actor === county || !done(next)) return;
    when(next);
    const row = (await findCase(db, caseId))!;
    await reviewRefusal(at, director, caseId, { expectedVersion: row.version, opinion: 'upheld' });
  };

  const register = async (actor: Actor, step: Step, itemCode: string, options: { channel: 'window' | 'agent'; missing?: 'main' | 'other' }) => {
    const item = await findItemByCode(db, itemCode);
    if (!item) return null;
    const materials = fromJson<{ name: string; main: boolean }[]>(item.materials, []);
    const lacking = options.missing === 'main' ? materials.find((m) => m.main) : options.missing === 'other' ? materials.find((m) => !m.main) : undefined;
    const number = ++serial;
    const applicant = person(number);
    when(step);
    const { caseId } = await registerCase(
      at,
      actor,
      {
        itemCode,
        channel: options.channel,
        applicant: { kind: 'person', ...applicant },
        materials: materials.map((m) => ({ name: m.name, provided: m !== lacking })),
        ...(options.channel === 'agent' && { proxy: { authorized: true } }),
        ...(options.missing === 'main' && {
          refusal: { reasons: `缺少主件“${lacking?.name ?? ''}”，不符合受理条件。`, basis: '《清河县便民服务事项办事指南》所列申请材料' },
        }),
      },
      `demo-history-${String(number).padStart(4, '0')}`,
    );
    counts.cases++;
    return { caseId, serial: number, kind: item.kind, days: item.promised_days, joint: fromJson<string[]>(item.joint, []), lacking: lacking?.name };
  };

  /** Finished and handed over, then (most of the time) rated by the applicant from the notice's QR code. */
  const finish = async (actor: Actor, c: Registered, step: Step, handover: Step, method: 'window' | 'agent' = 'window') => {
    if (!done(step)) return;
    const { caseId } = c;
    // a 联办件: each department's opinion first, the morning of the day it is finished
    for (const department of c.joint) await act(actor, caseId, { day: step.day, time: '09:00' }, 'review', { department, opinion: 'agree' });
    const resultNo = resultNumber('清便', step, c);
    // now and then an application that does not meet the conditions: not approved, with reasons and basis in writing
    const denied = c.kind !== 'immediate' && random.next() < 0.06;
    await act(actor, caseId, step, 'complete', denied
      ? { outcome: 'denied', reasons: '经调查核实，申请人家庭情况不符合办事指南所列的申请条件。', basis: '《清河县便民服务事项办事指南》申请条件' }
      : { outcome: 'approved', resultNo });
    if (denied) await reviewed(actor, caseId, step);
    if (!done(handover)) return;
    // a proxy case comes back to the village once decided: the agent hands the result over
    await act(method === 'agent' ? agent : actor, caseId, handover, 'deliver', { method });
    if (random.next() < 0.35) return;
    const level = random.pick<Level>(['very_satisfied', 'very_satisfied', 'very_satisfied', 'satisfied', 'satisfied', 'basic']);
    when({ day: handover.day, time: '17:40' });
    await recordRating(at, { caseId, level, comment: level === 'very_satisfied' ? random.pick(['办事快，态度好', '一次就办好了', '', '']) || null : null, channel: random.pick(['qr', 'pad', 'progress'] as const) });
    counts.ratings++;
  };

  /** A case accepted on `step`: finished within its time limit, or still open when its day has not come. */
  const work = async (actor: Actor, c: Registered, step: Step, options: { deliverBy?: 'window' | 'agent' } = {}) => {
    if (c.kind === 'immediate' || c.days === 0) {
      const end = { day: step.day, time: bump(step.time, 20) };
      return finish(actor, c, end, { day: step.day, time: bump(step.time, 30) }, options.deliverBy);
    }
    const end = later(step, Math.max(1, Math.round(c.days * (0.3 + random.next() * 0.6))), '15:30');
    return finish(actor, c, end, later(end, 1, '10:00'), options.deliverBy);
  };

  for (const [index, day] of days.entries()) {
    const windowClerk = index % 2 === 0 ? clerk : clerk2;
    // the township's window: two or three cases a day
    for (let n = 0; n < 2 + (index % 3 === 0 ? 1 : 0); n++) {
      const step = { day, time: ['09:05', '10:20', '14:45'][n]! };
      const itemCode = random.pick(TOWNSHIP_ITEMS);
      const r = random.next();
      if (r < 0.05) {
        // a main material missing: returned at once with the reasons in writing (rule 2)
        const c = await register(windowClerk, step, itemCode, { channel: 'window', missing: 'main' });
        if (c) await reviewed(windowClerk, c.caseId, step);
      } else if (r < 0.15) {
        // one material missing: a one-time notice, the rest brought two working days later (补办件)
        const c = await register(windowClerk, step, itemCode, { channel: 'window', missing: 'other' });
        if (!c || !c.lacking) continue;
        const back = later(step, 2, '09:30');
        if (!done(back)) continue;
        await act(windowClerk, c.caseId, back, 'supplement', { materials: [c.lacking] });
        await work(windowClerk, c, back);
      } else if (index % 13 === 4 && n === 0) {
        // 临时救助 left lying: open past its due day, a red light and a supervision record once the sweep runs
        await register(windowClerk, step, 'MZ-001', { channel: 'window' });
      } else {
        const c = await register(windowClerk, step, itemCode, { channel: 'window' });
        if (c) await work(windowClerk, c, step);
      }
    }
    // the village agent: a certificate on the spot most days, a township matter to carry up now and then
    if (index % 2 === 1) {
      const step = { day, time: '08:40' };
      const c = await register(agent, step, random.pick(VILLAGE_ITEMS), { channel: 'agent' });
      if (c) await work(agent, c, step);
    }
    if (index % 3 === 1) {
      const step = { day, time: '11:10' };
      const c = await register(agent, step, random.pick(PROXY_ITEMS), { channel: 'agent' });
      const forward = later(step, 1, '08:30');
      if (!c || !done(forward)) continue;
      await act(agent, c.caseId, forward, 'forward', { urgent: false });
      const received = { day: forward.day, time: '10:15' };
      await act(clerk, c.caseId, received, 'receive');
      await act(clerk, c.caseId, { day: forward.day, time: '10:25' }, 'accept');
      await work(clerk, c, received, { deliverBy: 'agent' });
    }
    // 上报件: 低保 taken at the township, decided by the county, the result handed over at the township
    if (index % 8 === 2) {
      const step = { day, time: '10:40' };
      const c = await register(clerk, step, 'MZ-003', { channel: 'window' });
      if (!c) continue;
      await act(clerk, c.caseId, { day, time: '16:30' }, 'escalate');
      const received = later(step, 1, '09:20');
      if (!done(received)) continue;
      await act(county, c.caseId, received, 'receive');
      const decided = later(received, Math.round(c.days * 0.6), '15:00');
      if (!done(decided)) continue;
      await act(county, c.caseId, decided, 'complete', { outcome: 'approved', resultNo: resultNumber('清民低保', decided, c) });
      const handover = later(decided, 2, '10:30');
      if (done(handover)) await act(clerk, c.caseId, handover, 'deliver', { method: 'window' });
    }
    // the county's window
    if (index % 2 === 0) {
      const step = { day, time: '09:50' };
      const c = await register(county, step, random.pick(COUNTY_ITEMS), { channel: 'window' });
      if (c) await work(county, c, step);
    }
  }
  return `演示办件记录：近 ${WORKING_DAYS} 个工作日的 ${counts.cases} 件办件、${counts.ratings} 条评价`;
}

/** The `n` working days before `today`, oldest first. */
function workingDaysBefore(calendar: WorkingCalendar, today: IsoDate, n: number): IsoDate[] {
  const days: IsoDate[] = [];
  for (let day = addCalendarDays(today, -1); days.length < n; day = addCalendarDays(day, -1)) {
    if (isWorkingDay(calendar, day)) days.unshift(day);
  }
  return days;
}

/** The number of the result document, as a center's office writes it: 清便〔2026〕0012号. */
const resultNumber = (prefix: string, step: Step, c: Registered) => `${prefix}〔${step.day.slice(0, 4)}〕${String(c.serial).padStart(4, '0')}号`;

/** "09:05" plus some minutes, within the day. */
function bump(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = Math.min(h * 60 + m + minutes, 17 * 60 + 30);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
