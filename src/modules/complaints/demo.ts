/**
 * Demo complaints (src/modules/demo calls this on an empty database): a few at the demo township center in different
 * steps — an online one waiting for acceptance, one under investigation, a 12345 one past its limit (red), one
 * answered and upheld, and a repeat merged into another — so the ledger shows lights, steps and links at once.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { localDate } from '../../domain/calendar/office-hours.js';
import { DEFAULT_COMPLAINT_LIMITS, complaintDueDate, complaintNumber, queryCodeFrom, type ComplaintClass, type ComplaintSource, type ComplaintStatus } from '../../domain/complaints/complaints.js';
import type { OrgsTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';
import { loadCalendar } from '../calendar/repo.js';
import * as repo from './repo.js';

interface DemoComplaint {
  daysAgo: number;
  source: ComplaintSource;
  cls: ComplaintClass;
  title: string;
  content: string;
  name: string;
  phone: string;
  respondent: string;
  /** the staff member complained about, by name (the assessment counts an upheld complaint against them) */
  respondentPerson?: string;
  caseNo?: string;
  hotlineNo?: string;
  steps: { type: 'accept' | 'investigate' | 'handle' | 'answer'; text: string; by: 'clerk' | 'director' }[];
  upheld?: boolean;
  mergeIntoPrevious?: boolean;
}

const DEMO: DemoComplaint[] = [
  {
    daysAgo: 4,
    source: 'window',
    cls: 'complex',
    title: '办理低保申请被要求反复补材料',
    content: '为母亲申请低保，第一次去说缺户口本，第二次去又说缺收入证明，没有一次说清楚，来回跑了三趟。',
    name: '陈秀芳',
    phone: '13703710021',
    respondent: '柳河镇便民服务中心民政窗口',
    respondentPerson: '王晓燕',
    steps: [
      { type: 'accept', text: '按复杂投诉受理', by: 'director' },
      { type: 'investigate', text: '调阅两次接件记录，当班人员未出具一次性告知书，情况属实。', by: 'clerk' },
      { type: 'handle', text: '未落实一次性告知制度，对当班人员批评教育，纳入当月考核。', by: 'director' },
      { type: 'answer', text: '经核实，您反映的情况属实。我们已对工作人员批评教育，您母亲的低保申请已受理，结果将短信告知。', by: 'clerk' },
    ],
    upheld: true,
  },
  {
    daysAgo: 6,
    source: 'hotline_12345',
    cls: 'simple',
    title: '中心中午无人值班',
    content: '12345 转办：群众反映中午 12 点到柳河镇便民服务中心办事，大厅无人值班。',
    name: '刘建军',
    phone: '13903712233',
    respondent: '柳河镇便民服务中心',
    hotlineNo: '12345-2026-0301088',
    steps: [{ type: 'accept', text: '按简单投诉受理', by: 'clerk' }],
  },
  {
    daysAgo: 1,
    source: 'phone',
    cls: 'complex',
    title: '大厅叫号屏不显示号码',
    content: '来电反映大厅叫号屏坏了好几天，老人听不清叫号。',
    name: '张桂英',
    phone: '13603713344',
    respondent: '柳河镇便民服务中心',
    steps: [
      { type: 'accept', text: '按复杂投诉受理', by: 'director' },
      { type: 'investigate', text: '叫号屏电源模块损坏，已联系厂家维修。', by: 'clerk' },
    ],
  },
  {
    daysAgo: 0,
    source: 'phone',
    cls: 'simple',
    title: '叫号屏坏了听不清',
    content: '叫号屏不亮，广播声音小，老人错过了号。',
    name: '孙德明',
    phone: '13503714455',
    respondent: '柳河镇便民服务中心',
    steps: [],
    mergeIntoPrevious: true,
  },
  {
    daysAgo: 0,
    source: 'online',
    cls: 'simple',
    title: '代办员上门时间不固定',
    content: '柳河村代办员说好周三上门，连续两周没来，电话也没人接。',
    name: '王有福',
    phone: '13803715566',
    respondent: '柳河村便民服务室',
    steps: [],
  },
];

export async function seedDemoComplaints(db: Db, org: OrgsTable, people: { clerkId: string; directorId: string }, now: Date): Promise<void> {
  const calendar = await loadCalendar(db);
  let previous: repo.ComplaintRow | undefined;
  for (const d of DEMO) {
    const received = new Date(now.getTime() - d.daysAgo * 86_400_000 - 2 * 3_600_000);
    const receivedOn = localDate(received, org.time_zone);
    const year = Number(receivedOn.slice(0, 4));
    const seq = await repo.nextComplaintSeq(db, org.id, year);
    const dueDate = complaintDueDate(calendar, receivedOn, d.cls, DEFAULT_COMPLAINT_LIMITS);
    const id = randomUUID();
    const stepAt = (i: number) => new Date(received.getTime() + (i + 1) * 3_600_000).toISOString();
    const statusAfter: Record<string, ComplaintStatus> = { accept: 'accepted', investigate: 'investigated', handle: 'handled', answer: 'answered' };
    const last = d.steps.at(-1);
    const status: ComplaintStatus = d.mergeIntoPrevious && previous ? 'merged' : last ? statusAfter[last.type]! : 'registered';
    const by = (who: 'clerk' | 'director') => (who === 'clerk' ? people.clerkId : people.directorId);
    const answer = d.steps.find((s) => s.type === 'answer');
    const row: repo.ComplaintRow = {
      id,
      complaint_no: complaintNumber(org.code, year, seq),
      year,
      seq,
      org_id: org.id,
      respondent_org_id: null,
      respondent_unit: d.respondent,
      respondent_person: d.respondentPerson ?? null,
      title: d.title,
      content: d.content,
      complainant_name: d.name,
      complainant_phone: d.phone,
      source: d.source,
      case_no: d.caseNo ?? null,
      hotline_no: d.hotlineNo ?? null,
      received_at: received.toISOString(),
      received_on: receivedOn,
      cls: d.cls,
      due_date: dueDate,
      extended_due: null,
      extension_reason: null,
      handler_id: d.steps.length > 0 ? people.clerkId : null,
      handled_at: d.steps.length > 0 ? stepAt(0) : null,
      findings: d.steps.find((s) => s.type === 'investigate')?.text ?? null,
      upheld: d.upheld === undefined ? null : d.upheld ? 1 : 0,
      decision_reasons: d.steps.find((s) => s.type === 'handle')?.text ?? null,
      feedback: answer?.text ?? null,
      feedback_at: answer ? stepAt(d.steps.indexOf(answer)) : null,
      overdue_days: answer ? 0 : null,
      visit_result: null,
      assessment: d.upheld ? 1 : 0,
      assessment_month: d.upheld ? receivedOn.slice(0, 7) : null,
      status,
      merged_into_id: d.mergeIntoPrevious && previous ? previous.id : null,
      reminded_at: null,
      query_code: queryCodeFrom(randomInt),
      idempotency_key: null,
      created_by: d.source === 'online' ? null : people.clerkId,
      created_at: received.toISOString(),
      updated_at: now.toISOString(),
      version: 1 + d.steps.length + (d.mergeIntoPrevious ? 1 : 0),
    };
    await repo.insertComplaint(db, row);
    const event = (type: string, at: string, byId: string | null, from: ComplaintStatus | null, to: ComplaintStatus, text: string) =>
      repo.appendEvent(db, { id: randomUUID(), complaint_id: id, type, at, by_user_id: byId, from_status: from, to_status: to, text });
    await event('register', row.received_at, row.created_by, null, 'registered', `登记，${dueDate}前答复`);
    let from: ComplaintStatus = 'registered';
    for (const [i, s] of d.steps.entries()) {
      const to = statusAfter[s.type]!;
      await event(s.type, stepAt(i), by(s.by), from, to, s.type === 'handle' && d.upheld ? `投诉属实：${s.text}` : s.text);
      from = to;
    }
    if (row.merged_into_id && previous) {
      const at = stepAt(0);
      await event('merge', at, people.clerkId, 'registered', 'merged', `并入 ${previous.complaint_no}（同一事项合并办理）`);
      await repo.appendEvent(db, {
        id: randomUUID(),
        complaint_id: previous.id,
        type: 'merged-in',
        at,
        by_user_id: people.clerkId,
        from_status: previous.status as ComplaintStatus,
        to_status: previous.status as ComplaintStatus,
        text: `${row.complaint_no}（${row.title}）并入本投诉合并办理`,
      });
    }
    previous = row;
  }
}
