/**
 * The messages of a work order, put in the outbox in the transaction of the step that causes them: opening reaches
 * the center's director(s) and the responsible person (in-app and SMS to a phone on record), a light's warning the
 * same people, the outcome of the rectification the rater (SMS with the signed link). Each dedupe key names the work
 * order, the cause and the person, so nothing is sent twice.
 */
import { localDate } from '../../domain/calendar/office-hours.js';
import { LEVEL_NAMES, type Level } from '../../domain/evaluation/levels.js';
import { dateText } from '../../domain/evaluation/work-orders.js';
import { fromJson, toBool } from '../../db/portable.js';
import type { Db } from '../../server/context.js';
import { enqueue, type OutboxMessage } from '../notifications/outbox.js';
import { listUsers } from '../users/repo.js';
import type { WorkOrderRow } from './work-order-repo.js';

/** The center's active directors and the responsible person. */
export async function responsibleOf(db: Db, wo: Pick<WorkOrderRow, 'org_id' | 'person_id'>): Promise<{ id: string; phone: string | null }[]> {
  const people = (await listUsers(db, [wo.org_id])).filter((u) => toBool(u.active));
  return people.filter((u) => u.id === wo.person_id || fromJson<string[]>(u.roles, []).includes('director')).map((u) => ({ id: u.id, phone: u.phone }));
}

const toStaff = (people: { id: string; phone: string | null }[], wo: WorkOrderRow, template: OutboxMessage['template'], params: Record<string, string>, cause: string): OutboxMessage[] =>
  people.flatMap((p) => [
    { channel: 'inbox' as const, to: p.id, template, params, caseId: wo.case_id, dedupeKey: `wo:${wo.id}:${cause}:inbox:${p.id}` },
    ...(p.phone ? [{ channel: 'sms' as const, to: p.phone, template, params, caseId: wo.case_id, dedupeKey: `wo:${wo.id}:${cause}:sms:${p.id}` }] : []),
  ]);

export async function notifyOpened(db: Db, wo: WorkOrderRow, centerName: string, timeZone: string, now: Date) {
  const params = {
    center: centerName,
    caseNo: wo.case_no,
    item: wo.item_name,
    level: LEVEL_NAMES[wo.level as Level] ?? wo.level,
    workOrderNo: wo.work_order_no,
    visitDue: dateText(localDate(new Date(wo.visit_due_at), timeZone)),
    fixDue: dateText(localDate(new Date(wo.fix_due_at), timeZone)),
  };
  await enqueue(db, toStaff(await responsibleOf(db, wo), wo, 'rating-work-order-opened', params, 'open'), now);
}

export async function notifyWarning(db: Db, wo: WorkOrderRow, light: 'yellow' | 'red', timeZone: string, now: Date) {
  const step = wo.status === 'visit_pending' ? '回访核实' : '整改';
  const due = dateText(localDate(new Date(wo.due_at!), timeZone));
  const params = { light: light === 'red' ? '红灯警告' : '黄灯预警', workOrderNo: wo.work_order_no, caseNo: wo.case_no, step, when: light === 'red' ? `已超过期限（${due}）` : `将于${due}到期` };
  await enqueue(db, toStaff(await responsibleOf(db, wo), wo, 'rating-work-order-warning', params, `${wo.status}:${light}`), now);
}

export async function notifyOutcome(db: Db, wo: WorkOrderRow, phone: string, centerName: string, outcome: string, link: string | null, now: Date) {
  const text = outcome.length > 70 ? `${outcome.slice(0, 70)}……` : outcome;
  await enqueue(
    db,
    [
      {
        channel: 'sms',
        to: phone,
        template: 'rating-fix-outcome',
        params: { center: centerName, caseNo: wo.case_no, item: wo.item_name, outcome: text, link: link ?? `回复短信或到${centerName}窗口评价` },
        caseId: wo.case_id,
        dedupeKey: `wo:${wo.id}:outcome:sms`,
      },
    ],
    now,
  );
}
