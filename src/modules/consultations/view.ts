/**
 * Who sees what of 咨询, and a consultation as the API shows it. Staff read the consultations of their center and
 * the centers below it (a supervisor their whole tree); only the clerks and the director of the consultation's own
 * center answer it, promote it and edit that center's FAQ. The asker's phone is shown whole only to those who
 * answer at that center (they call back); everyone else sees it masked.
 */
import {
  CONSULTATION_ACTION_NAMES,
  CONSULTATION_CHANNEL_NAMES,
  CONSULTATION_STATUS_NAMES,
  type ConsultationAction,
  type ConsultationChannel,
  type ConsultationStatus,
} from '../../domain/consultations/consultations.js';
import type { Consultation, ConsultationDetail } from '../../domain/consultations/contract.js';
import { maskPhone } from '../../domain/people/id-number.js';
import { hasPermission } from '../../domain/roles.js';
import type { Db } from '../../server/context.js';
import { forbidden } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { orgsByIds } from '../orgs/repo.js';
import { scopeOf } from '../orgs/service.js';
import { peopleByIds } from '../users/repo.js';
import { consultationEvents, type ConsultationRow } from './repo.js';

export interface Viewer {
  actor: Actor;
  scope: ReadonlySet<string>;
}

export const viewerOf = async (db: Db, actor: Actor): Promise<Viewer> => ({ actor, scope: await scopeOf(db, actor) });

export const mayRead = (v: Viewer, orgId: string) => hasPermission(v.actor.roles, 'consultations.read') && v.scope.has(orgId);
export const mayAnswer = (v: Viewer, orgId: string) => hasPermission(v.actor.roles, 'consultations.log') && v.actor.orgId === orgId;
export const mayEditFaq = (v: Viewer, orgId: string) => hasPermission(v.actor.roles, 'consultations.faq') && v.actor.orgId === orgId;

export function assertMayRead(v: Viewer, orgId: string) {
  if (!mayRead(v, orgId)) throw forbidden('查看该咨询（咨询不属于您所在的中心或其下级）');
}
export function assertMayAnswer(v: Viewer, orgId: string) {
  if (!mayAnswer(v, orgId)) throw forbidden('答复该咨询（只有该咨询所在中心的窗口工作人员或中心主任可以答复）');
}
export function assertMayEditFaq(v: Viewer, orgId: string) {
  if (!mayEditFaq(v, orgId)) throw forbidden('编辑该中心的常见问题（只有本中心的窗口工作人员或中心主任可以编辑）');
}

export async function presentConsultations(db: Db, v: Viewer, rows: readonly ConsultationRow[]): Promise<Consultation[]> {
  const [orgs, people] = await Promise.all([orgsByIds(db, rows.map((r) => r.org_id)), peopleByIds(db, rows.flatMap((r) => [r.logged_by, r.answered_by]))]);
  return rows.map((r) => {
    const status = r.status as ConsultationStatus;
    const answers = mayAnswer(v, r.org_id);
    const allowed: ('answer' | 'promote')[] = [];
    if (answers && status === 'pending') allowed.push('answer');
    if (status === 'answered' && r.item_id && !r.faq_id && mayEditFaq(v, r.org_id)) allowed.push('promote');
    return {
      id: r.id,
      consultationNo: r.consultation_no,
      orgId: r.org_id,
      orgName: orgs.get(r.org_id)?.center_name ?? '',
      channel: r.channel as ConsultationChannel,
      channelName: CONSULTATION_CHANNEL_NAMES[r.channel as ConsultationChannel],
      status,
      statusName: CONSULTATION_STATUS_NAMES[status],
      itemCode: r.item_code,
      itemName: r.item_name,
      question: r.question,
      answer: r.answer,
      askerName: r.asker_name,
      askerPhone: r.asker_phone ? (answers ? r.asker_phone : maskPhone(r.asker_phone)) : null,
      askedAt: r.asked_at,
      loggedByName: r.logged_by ? (people.get(r.logged_by)?.name ?? '') : null,
      answeredByName: r.answered_by ? (people.get(r.answered_by)?.name ?? '') : null,
      answeredAt: r.answered_at,
      faqId: r.faq_id,
      version: r.version,
      allowedActions: allowed,
    };
  });
}

export async function presentConsultationDetail(db: Db, v: Viewer, row: ConsultationRow): Promise<ConsultationDetail> {
  const [[view], events] = await Promise.all([presentConsultations(db, v, [row]), consultationEvents(db, row.id)]);
  const people = await peopleByIds(db, events.map((e) => e.by_user_id));
  return {
    ...view!,
    events: events.map((e) => ({
      seq: e.seq,
      action: e.action as ConsultationAction,
      actionName: CONSULTATION_ACTION_NAMES[e.action as ConsultationAction],
      at: e.at,
      byName: e.by_user_id ? (people.get(e.by_user_id)?.name ?? '') : null,
      text: e.text,
    })),
  };
}
