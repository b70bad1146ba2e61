/**
 * The complainant's view (GET /api/public/complaints): with the number and the query code, the status, a timeline in
 * plain words and the answer once given — no staff names, no personal data beyond what the complainant gave. A wrong
 * pair answers 404 the same way as an unknown number. A complaint merged into another shows the main one's progress
 * and answer. Also the list of centers the public form offers.
 */
import { COMPLAINT_PUBLIC_STATUS, type ComplaintStatus } from '../../domain/complaints/complaints.js';
import type { PublicComplaint } from '../../domain/complaints/contract.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { findOrg, listOrgs } from '../orgs/repo.js';
import { dateText } from './notify.js';
import * as repo from './repo.js';

const TEXTS: Record<string, (e: repo.ComplaintEventRow, c: repo.ComplaintRow) => string | null> = {
  register: () => '投诉已登记',
  accept: (_e, c) => `已受理，将于${dateText(c.due_date)}前答复`,
  investigate: () => '已完成调查核实',
  handle: () => '已作出处理决定',
  answer: () => '已答复（答复内容见下）',
  visit: () => '已回访',
  archive: () => '已办结归档',
  extend: (_e, c) => `延期办理，答复时间延至${c.extended_due ? dateText(c.extended_due) : ''}${c.extension_reason ? `，原因：${c.extension_reason}` : ''}`,
  merge: () => '与同一事项的其他投诉合并办理',
  'merged-in': () => null,
  remind: () => null,
};

export async function publicComplaint(ctx: AppContext, complaintNo: string, queryCode: string): Promise<PublicComplaint> {
  const { db } = ctx.database;
  const c = await repo.findComplaintByNo(db, complaintNo.trim().toUpperCase());
  if (!c || c.query_code !== queryCode.trim()) throw notFound('该投诉（请核对投诉编号和查询码）');
  const main = c.merged_into_id ? await repo.findComplaint(db, c.merged_into_id) : undefined;
  const org = await findOrg(db, c.org_id);
  const timeline = (await repo.complaintEvents(db, c.id)).flatMap((e) => {
    const text = TEXTS[e.type]?.(e, c) ?? null;
    return text ? [{ at: e.at, text }] : [];
  });
  if (main) {
    for (const e of await repo.complaintEvents(db, main.id)) {
      if (e.at < (c.updated_at ?? '') || !['accept', 'investigate', 'handle', 'answer', 'visit', 'archive', 'extend'].includes(e.type)) continue;
      const text = TEXTS[e.type]?.(e, main);
      if (text) timeline.push({ at: e.at, text: `（合并办理）${text}` });
    }
  }
  const answered = main ?? c;
  const status = (main ? main.status : c.status) as ComplaintStatus;
  return {
    complaintNo: c.complaint_no,
    status: c.status as ComplaintStatus,
    statusName: c.merged_into_id ? `${COMPLAINT_PUBLIC_STATUS.merged}：${COMPLAINT_PUBLIC_STATUS[status]}` : COMPLAINT_PUBLIC_STATUS[status],
    title: c.title,
    centerName: org?.center_name ?? '',
    receivedAt: c.received_at,
    dueDate: answered.extended_due ?? answered.due_date,
    timeline,
    ...(answered.feedback && answered.feedback_at ? { answer: { text: answered.feedback, at: answered.feedback_at } } : {}),
  };
}

/** The centers a complaint may be filed against: every county and township center and village room. */
export async function publicCenters(ctx: AppContext) {
  const orgs = await listOrgs(ctx.database.db);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return {
    centers: orgs.map((o) => ({ id: o.id, name: o.center_name, level: o.level, parentName: o.parent_id ? (byId.get(o.parent_id)?.center_name ?? null) : null })),
  };
}
