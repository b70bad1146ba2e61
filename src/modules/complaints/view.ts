/**
 * Who stands where on a complaint, and a complaint as the API shows it. The handling center's director, leader on
 * duty and clerks see and handle its complaints (the complainant's phone in full); a supervisor reads those of the
 * centers of their tree (the phone masked).
 */
import { localDate } from '../../domain/calendar/office-hours.js';
import {
  COMPLAINT_CLASS_NAMES,
  COMPLAINT_EVENT_NAMES,
  COMPLAINT_SOURCE_NAMES,
  COMPLAINT_STATUS_NAMES,
  DEFAULT_COMPLAINT_LIMITS,
  HANDLER_ROLES,
  allowedComplaintActions,
  complaintLight,
  overdueDays,
  type ComplaintActor,
  type ComplaintClass,
  type ComplaintEventType,
  type ComplaintLimits,
  type ComplaintSource,
  type ComplaintState,
  type ComplaintStatus,
  type VisitResult,
} from '../../domain/complaints/complaints.js';
import type { Complaint, ComplaintDetail } from '../../domain/complaints/contract.js';
import { loadCalendar } from '../calendar/repo.js';
import { maskPhone } from '../../domain/people/id-number.js';
import { fromJson, toBool } from '../../db/portable.js';
import type { Db } from '../../server/context.js';
import { forbidden } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { orgsByIds } from '../orgs/repo.js';
import { scopeOf } from '../orgs/service.js';
import { getSetting } from '../settings/repo.js';
import { peopleByIds } from '../users/repo.js';
import { complaintEvents, complaintsByIds, mergedInto, type ComplaintRow } from './repo.js';

export const LIMITS_KEY = 'complaintLimits';

/** The time limits in force (settings, else the defaults: simple 1, complex 5 working days). */
export const limitsOf = async (db: Db): Promise<ComplaintLimits> => ({
  ...DEFAULT_COMPLAINT_LIMITS,
  ...fromJson<Partial<ComplaintLimits>>(await getSetting(db, LIMITS_KEY), {}),
});

export interface ComplaintViewer {
  actor: Actor;
  scope: ReadonlySet<string>;
}

export const complaintViewer = async (db: Db, actor: Actor): Promise<ComplaintViewer> => ({ actor, scope: await scopeOf(db, actor) });

const isHandler = (actor: Actor) => actor.roles.some((r) => HANDLER_ROLES.includes(r));
const isSupervisor = (actor: Actor) => actor.roles.includes('supervisor');

/** The centers whose complaints the person sees: their own (handlers), their tree (supervisors). */
export function visibleOrgIds(v: ComplaintViewer): string[] {
  const ids = new Set<string>();
  if (isSupervisor(v.actor)) for (const id of v.scope) ids.add(id);
  if (isHandler(v.actor)) ids.add(v.actor.orgId);
  return [...ids];
}

export function assertMaySee(v: ComplaintViewer, c: Pick<ComplaintRow, 'org_id'>) {
  if (!visibleOrgIds(v).includes(c.org_id)) throw forbidden('查看该投诉（投诉不是您所在中心承办的，也不在您监督的范围内）');
}

export const complaintActorOf = (v: ComplaintViewer, c: Pick<ComplaintRow, 'org_id'>): ComplaintActor => ({
  userId: v.actor.userId,
  roles: v.actor.roles,
  atCenter: v.actor.orgId === c.org_id,
});

/** Handles this complaint (its center's director, leader or clerk): sees the complainant's phone in full. */
export const mayHandleHere = (v: ComplaintViewer, c: Pick<ComplaintRow, 'org_id'>): boolean => v.actor.orgId === c.org_id && isHandler(v.actor);

export const stateOf = (c: ComplaintRow): ComplaintState => ({
  status: c.status as ComplaintStatus,
  cls: c.cls as ComplaintClass,
  receivedOn: c.received_on,
  dueDate: c.due_date,
  extendedDue: c.extended_due,
  extensionReason: c.extension_reason,
  orgId: c.org_id,
  version: c.version,
});

const link = (c: ComplaintRow | undefined) => (c ? { id: c.id, complaintNo: c.complaint_no, title: c.title, status: c.status as ComplaintStatus } : null);

/** Complaints as the API shows them, names asked of their modules in one query each. */
export async function presentComplaints(db: Db, v: ComplaintViewer, rows: readonly ComplaintRow[], now: Date, timeZone: string): Promise<Complaint[]> {
  const [orgs, people, mains, calendar] = await Promise.all([
    orgsByIds(db, rows.map((c) => c.org_id)),
    peopleByIds(db, rows.map((c) => c.handler_id)),
    complaintsByIds(db, rows.map((c) => c.merged_into_id)),
    loadCalendar(db, 'recent'),
  ]);
  const today = localDate(now, timeZone);
  return rows.map((c) => {
    const state = stateOf(c);
    const actor = complaintActorOf(v, c);
    const handling = mayHandleHere(v, c);
    const light = complaintLight(state, today);
    return {
      id: c.id,
      complaintNo: c.complaint_no,
      title: c.title,
      source: c.source as ComplaintSource,
      sourceName: COMPLAINT_SOURCE_NAMES[c.source as ComplaintSource],
      cls: state.cls,
      clsName: COMPLAINT_CLASS_NAMES[state.cls],
      status: state.status,
      statusName: COMPLAINT_STATUS_NAMES[state.status],
      orgId: c.org_id,
      orgName: orgs.get(c.org_id)?.center_name ?? '',
      respondentUnit: c.respondent_unit,
      respondentPerson: c.respondent_person,
      complainant: { name: c.complainant_name, phone: handling ? c.complainant_phone : maskPhone(c.complainant_phone), phoneMasked: !handling },
      caseNo: c.case_no,
      hotlineNo: c.hotline_no,
      receivedAt: c.received_at,
      dueDate: c.due_date,
      extendedDue: c.extended_due,
      extensionReason: c.extension_reason,
      light,
      // fixed when answered; while open, the working days past the limit so far
      overdueDays: c.overdue_days ?? (light === 'red' ? overdueDays(calendar, state, today) : 0),
      handlerId: c.handler_id,
      handlerName: c.handler_id ? (people.get(c.handler_id)?.name ?? '') : null,
      handledAt: c.handled_at,
      upheld: c.upheld === null ? null : toBool(c.upheld),
      decisionReasons: c.decision_reasons,
      feedback: c.feedback,
      feedbackAt: c.feedback_at,
      visitResult: c.visit_result as VisitResult | null,
      assessment: toBool(c.assessment),
      assessmentMonth: c.assessment_month,
      mergedInto: link(mains.get(c.merged_into_id ?? '')),
      version: c.version,
      allowedActions: allowedComplaintActions(state, actor, today),
    };
  });
}

/** One complaint with its timeline (`events`), its merge links and, for those handling it, the query code. */
export async function presentComplaintDetail(db: Db, v: ComplaintViewer, c: ComplaintRow, now: Date, timeZone: string): Promise<ComplaintDetail> {
  const [[view], events, merged] = await Promise.all([presentComplaints(db, v, [c], now, timeZone), complaintEvents(db, c.id), mergedInto(db, c.id)]);
  const people = await peopleByIds(db, events.map((e) => e.by_user_id));
  const handling = mayHandleHere(v, c);
  return {
    ...view!,
    content: c.content,
    findings: c.findings,
    queryCode: handling ? c.query_code : null,
    mergedFrom: merged.map((m) => link(m)!),
    events: events.map((e) => ({
      seq: e.seq,
      type: e.type,
      typeName: COMPLAINT_EVENT_NAMES[e.type as ComplaintEventType] ?? e.type,
      at: e.at,
      byName: e.by_user_id ? (people.get(e.by_user_id)?.name ?? '') : e.type === 'register' ? '投诉人' : '系统',
      fromStatus: e.from_status as ComplaintStatus | null,
      toStatus: e.to_status as ComplaintStatus,
      text: e.text,
    })),
  };
}
