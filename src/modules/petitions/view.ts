/**
 * Who may see a petition, its state as the domain decides on it, the day counter it was registered under, and a
 * petition as the API shows it. Petitions are seen only by the petition staff (信访工作人员) and the leadership
 * (中心主任、带班领导) of the center that registered them; phone and ID number are masked in lists and shown in
 * full only on the detail view of those entitled, each such read audited.
 */
import { localDate } from '../../domain/calendar/office-hours.js';
import { maskIdNumber, maskPhone } from '../../domain/people/id-number.js';
import type { Handover, Petition, PetitionDetail } from '../../domain/petitions/contract.js';
import {
  CLOCK_NAMES,
  NOTICE_KINDS,
  NOTICE_TITLES,
  PETITION_ACTION_NAMES,
  PETITION_CHANNEL_NAMES,
  PETITION_HANDLING_NAMES,
  PETITION_STATUS_NAMES,
  allowedPetitionActions,
  dayCounter,
  dueDates,
  petitionClocks,
  petitionLight,
  type DayCount,
  type DayCounter,
  type NoticeKind,
  type PetitionAction,
  type PetitionActor,
  type PetitionChannel,
  type PetitionHandling,
  type PetitionSex,
  type PetitionState,
  type PetitionStatus,
  type PetitionUrgency,
  type Representative,
} from '../../domain/petitions/petitions.js';
import { hasPermission } from '../../domain/roles.js';
import { fromJson, toBool } from '../../db/portable.js';
import type { Db } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { loadCalendar } from '../calendar/repo.js';
import { orgsByIds } from '../orgs/repo.js';
import { peopleByIds } from '../users/repo.js';
import * as repo from './repo.js';

export const maySee = (actor: Actor, p: Pick<repo.PetitionRow, 'org_id'>) => hasPermission(actor.roles, 'petitions.read') && actor.orgId === p.org_id;

/** The petition, or 404; 403 for a person who may not see it. */
export async function loadVisible(db: Db, actor: Actor, id: string): Promise<repo.PetitionRow> {
  const row = await repo.findPetition(db, id);
  if (!row) throw notFound('该信访事项');
  if (!maySee(actor, row)) throw forbidden('查看该信访事项（信访事项只有本中心的信访工作人员和中心领导可以查看）');
  return row;
}

export const actorOf = (actor: Actor, row: Pick<repo.PetitionRow, 'org_id'> | null): PetitionActor => ({
  userId: actor.userId,
  roles: actor.roles,
  atCenter: row === null || actor.orgId === row.org_id,
});

export const stateOf = (r: repo.PetitionRow, openHandover: boolean): PetitionState => ({
  status: r.status as PetitionStatus,
  version: r.version,
  persons: r.persons,
  registeredOn: r.registered_on,
  acceptedOn: r.accepted_on,
  decidedOn: r.decided_on,
  extensionDays: r.extension_days,
  answeredOn: r.answered_on,
  reviewRequestedOn: r.review_requested_on,
  reviewedOn: r.reviewed_on,
  recheckRequestedOn: r.recheck_requested_on,
  recheckedOn: r.rechecked_on,
  receptionOn: r.reception_on,
  openHandover,
});

/** The petition's columns for a state the domain decided (the clocks' dates and due dates). */
export function columnsOf(s: PetitionState, count: DayCounter) {
  const due = dueDates(s, count);
  return {
    status: s.status,
    decided_on: s.decidedOn,
    accepted_on: s.acceptedOn,
    extension_days: s.extensionDays,
    answered_on: s.answeredOn,
    review_requested_on: s.reviewRequestedOn,
    reviewed_on: s.reviewedOn,
    recheck_requested_on: s.recheckRequestedOn,
    rechecked_on: s.recheckedOn,
    reception_on: s.receptionOn,
    acceptance_due: due.acceptanceDueAt,
    finish_due: due.finishDueAt,
  };
}

/**
 * The day counters for petitions registered under each counting: calendar days need nothing; working days the
 * calendar (loaded only when a petition counts so).
 */
export async function countersFor(db: Db, counts: Iterable<string>): Promise<(count: string) => DayCounter> {
  const needsCalendar = [...counts].includes('working');
  const calendar = needsCalendar ? await loadCalendar(db, 'recent') : undefined;
  return (count) => dayCounter(count as DayCount, calendar);
}

const TZ = 'Asia/Shanghai';

/** Petitions as the API shows them; `full`: the viewer sees phone and ID numbers unmasked (detail view). */
export async function presentPetitions(db: Db, actor: Actor, rows: readonly repo.PetitionRow[], now: Date, options: { full?: boolean; openHandovers?: ReadonlySet<string> } = {}): Promise<Petition[]> {
  const [orgs, people, counter] = await Promise.all([
    orgsByIds(db, rows.map((r) => r.org_id)),
    peopleByIds(db, rows.map((r) => r.received_by)),
    countersFor(db, rows.map((r) => r.day_count)),
  ]);
  return rows.map((r) => {
    const org = orgs.get(r.org_id);
    const today = localDate(now, org?.time_zone ?? TZ);
    const count = counter(r.day_count);
    const state = stateOf(r, options.openHandovers?.has(r.id) ?? r.status === 'handed_over');
    const clocks = petitionClocks(state, today, count);
    const mask = (v: string | null, f: (s: string) => string) => (v === null ? null : options.full ? v : f(v));
    const representatives = fromJson<Representative[]>(r.representatives, []).map((x) => ({
      name: x.name,
      phone: mask(x.phone ?? null, maskPhone),
      idNumber: mask(x.idNumber ?? null, maskIdNumber),
    }));
    return {
      id: r.id,
      petitionNo: r.petition_no,
      orgId: r.org_id,
      orgName: org?.center_name ?? '',
      receivedAt: r.received_at,
      channel: r.channel as PetitionChannel,
      channelName: PETITION_CHANNEL_NAMES[r.channel as PetitionChannel],
      name: r.name,
      sex: r.sex as PetitionSex | null,
      age: r.age,
      occupation: r.occupation,
      address: r.address,
      phone: mask(r.phone, maskPhone),
      idNumber: mask(r.id_number, maskIdNumber),
      issue: r.issue,
      receivedByName: people.get(r.received_by)?.name ?? '',
      handling: r.handling as PetitionHandling,
      handlingName: PETITION_HANDLING_NAMES[r.handling as PetitionHandling],
      urgency: r.urgency as PetitionUrgency,
      persons: r.persons,
      group: toBool(r.is_group),
      representatives,
      earlierVisits: r.earlier_visits,
      status: r.status as PetitionStatus,
      statusName: PETITION_STATUS_NAMES[r.status as PetitionStatus],
      dayCount: r.day_count as DayCount,
      acceptanceDueAt: r.acceptance_due,
      finishDueAt: r.finish_due,
      extensionDays: r.extension_days,
      light: petitionLight(clocks),
      clocks: clocks.map((c) => ({ ...c, title: CLOCK_NAMES[c.name] })),
      version: r.version,
      allowedActions: allowedPetitionActions(state, actorOf(actor, r), today, count),
    };
  });
}

export async function presentHandovers(db: Db, rows: readonly repo.HandoverRow[], petitionNo: string, now: Date): Promise<Handover[]> {
  const people = await peopleByIds(db, rows.flatMap((h) => [h.handed_by, h.replied_by]));
  const today = localDate(now, TZ);
  return rows.map((h) => ({
    id: h.id,
    seq: h.seq,
    handoverNo: `${petitionNo.replace(/^信/, '交').replace(/号$/, '')}-${h.seq}号`,
    department: h.department,
    content: h.content,
    replyBy: h.reply_by,
    handedAt: h.handed_at,
    handedByName: people.get(h.handed_by)?.name ?? '',
    reply: h.reply,
    repliedAt: h.replied_at,
    repliedByName: h.replied_by ? (people.get(h.replied_by)?.name ?? '') : null,
    late: h.replied_at ? localDate(new Date(h.replied_at), TZ) > h.reply_by : today > h.reply_by,
  }));
}

const isNoticeKind = (a: string): a is NoticeKind => (NOTICE_KINDS as readonly string[]).includes(a);

/** One petition in full: history, hand-overs, receptions, the notices its steps gave, prints. */
export async function presentDetail(db: Db, actor: Actor, row: repo.PetitionRow, now: Date): Promise<PetitionDetail> {
  const [events, handovers, receptions, prints] = await Promise.all([
    repo.petitionEvents(db, row.id),
    repo.petitionHandovers(db, row.id),
    repo.petitionReceptions(db, row.id),
    repo.petitionPrints(db, row.id),
  ]);
  const open = handovers.some((h) => h.reply === null) ? new Set([row.id]) : new Set<string>();
  const [view] = await presentPetitions(db, actor, [row], now, { full: true, openHandovers: open });
  const people = await peopleByIds(db, [...events.map((e) => e.by_user_id), ...receptions.map((r) => r.recorded_by), ...prints.map((p) => p.printed_by)]);
  return {
    ...view!,
    events: events.map((e) => ({
      seq: e.seq,
      action: e.action as PetitionAction,
      actionName: PETITION_ACTION_NAMES[e.action as PetitionAction],
      at: e.at,
      byName: people.get(e.by_user_id)?.name ?? '',
      text: e.text,
      fromStatus: e.from_status as PetitionStatus | null,
      toStatus: e.to_status as PetitionStatus,
    })),
    handovers: await presentHandovers(db, handovers, row.petition_no, now),
    receptions: receptions.map((r) => ({ id: r.id, leaderName: r.leader_name, receivedOn: r.received_on, decision: r.decision, recordedByName: people.get(r.recorded_by)?.name ?? '', at: r.at })),
    notices: events.filter((e) => isNoticeKind(e.action)).map((e) => ({ kind: e.action as NoticeKind, title: NOTICE_TITLES[e.action as NoticeKind], seq: e.seq, at: e.at, text: e.text })),
    prints: prints.map((p) => ({ id: p.id, paper: p.paper, printedBy: people.get(p.printed_by)?.name ?? '', printedAt: p.printed_at })),
  };
}
