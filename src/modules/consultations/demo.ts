/**
 * Demo 咨询 (issue 10 §3) at the demo township: window and phone questions of the last weeks on a few items (some
 * asked again and again in other words), two online questions waiting for an answer, and the FAQ of two items
 * (老年人优待证办理, 出生登记) promoted from them — so `npm start` shows the record, 待答复 and the FAQ editor at once.
 */
import { randomUUID } from 'node:crypto';
import { localDate } from '../../domain/calendar/office-hours.js';
import { consultationNumber } from '../../domain/consultations/consultations.js';
import type { OrgsTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';
import { findItemByCode } from '../catalog/repo.js';
import * as repo from './repo.js';

type Seed = [daysAgo: number, channel: 'window' | 'phone' | 'online', itemCode: string | null, question: string, answer: string | null, by: 'clerk' | 'clerk2' | 'director' | null, asker?: [string, string]];

const QUESTIONS: Seed[] = [
  [40, 'window', 'MZ-002', '老年人优待证要带什么材料？', '带本人身份证和一张一寸照片，在乡镇便民服务中心民政窗口办理。', 'clerk'],
  [33, 'window', 'MZ-002', '请问办老年人优待证需要什么材料', '本人身份证、一寸免冠照片一张。', 'clerk2'],
  [21, 'phone', 'MZ-002', '老年人优待证要带啥材料', '本人身份证、一寸免冠照片一张，家属可以代办。', 'clerk'],
  [12, 'window', 'MZ-002', '老人优待证能让子女代办吗？', '可以，子女带老人身份证原件和照片即可代办。', 'clerk'],
  [6, 'window', 'MZ-002', '优待证子女可以代办吗', '可以代办，带老人身份证和照片。', 'clerk2'],
  [3, 'window', 'MZ-002', '老年人优待证多久能拿到？', '材料齐全的当场办结。', 'clerk'],
  [38, 'window', 'GA-001', '新生儿上户口要带什么？', '出生医学证明、父母双方户口簿和身份证、结婚证。', 'clerk'],
  [26, 'phone', 'GA-001', '小孩落户需要哪些材料', '出生医学证明、父母户口簿、身份证和结婚证。', 'clerk2'],
  [15, 'window', 'GA-001', '孩子出生多久内要上户口？', '出生后一个月内申报；超过一个月的也可以办理。', 'clerk'],
  [9, 'window', 'GA-001', '新生儿落户要带什么材料？', '出生医学证明、父母双方户口簿、身份证、结婚证。', 'director'],
  [30, 'window', 'MZ-003', '低保怎么申请？', '向户籍所在地乡镇提出申请，填写申请表并提供家庭收入、财产情况。', 'clerk'],
  [18, 'phone', 'MZ-003', '办低保需要什么材料', '身份证、户口簿、家庭收入和财产证明，在乡镇便民服务中心受理。', 'clerk2'],
  [4, 'window', 'MZ-003', '低保多久能批下来？', '一般 30 个工作日内审批完毕。', 'clerk'],
  [11, 'window', 'RS-005', '城乡居民养老保险怎么参保？', '带身份证、户口簿到乡镇社保窗口登记，选择缴费档次。', 'clerk'],
  [2, 'window', null, '中心中午几点下班？', '上午 8:30—12:00，下午 14:30—17:30。', 'clerk2'],
  [1, 'online', 'RS-005', '外出打工的人能在网上交城乡居民养老保险吗？', null, null, ['赵小红', '13911112222']],
  [0, 'online', 'MZ-003', '家里老人一个人住，能单独申请低保吗？', null, null, ['钱大勇', '13722223333']],
];

const FAQ: Record<string, [question: string, answer: string, fromQuestion: number | null][]> = {
  'MZ-002': [
    ['办理老年人优待证需要带哪些材料？', '本人居民身份证原件和近期一寸免冠照片一张。', 1],
    ['可以由子女代办吗？', '可以。代办人带老人的身份证原件和照片即可，不需要委托书。', 4],
    ['多久能拿到优待证？', '材料齐全的当场办结、当场领证。', 5],
  ],
  'GA-001': [
    ['新生儿落户需要带哪些材料？', '出生医学证明，父母双方的户口簿、居民身份证和结婚证。', 9],
    ['孩子出生后多久内要落户？', '应在出生后一个月内申报出生登记；超过一个月的仍可办理，不收取罚款。', 8],
  ],
};

export async function seedDemoConsultations(db: Db, org: OrgsTable, people: { clerk: string; clerk2: string; director: string }, now: Date): Promise<void> {
  const seqByDay = new Map<string, number>();
  const ids: string[] = [];
  const items = new Map<string, { id: string; code: string; name: string }>();
  for (const code of new Set(QUESTIONS.map((q) => q[2]).filter((c): c is string => c !== null))) {
    const item = await findItemByCode(db, code);
    if (item) items.set(code, item);
  }
  for (const [daysAgo, channel, code, question, answer, by, asker] of QUESTIONS) {
    const at = new Date(now.getTime() - daysAgo * 86_400_000 - 2 * 3_600_000);
    const date = localDate(at, org.time_zone);
    const day = date.replaceAll('-', '');
    const seq = (seqByDay.get(day) ?? 0) + 1;
    seqByDay.set(day, seq);
    const item = code ? items.get(code) : undefined;
    const userId = by ? people[by] : null;
    const iso = at.toISOString();
    const id = randomUUID();
    ids.push(id);
    await repo.insertConsultation(db, {
      id,
      consultation_no: consultationNumber(date, seq),
      day,
      seq,
      org_id: org.id,
      channel,
      status: answer ? 'answered' : 'pending',
      item_id: item?.id ?? null,
      item_code: item?.code ?? null,
      item_name: item?.name ?? null,
      question,
      answer,
      asker_name: asker?.[0] ?? null,
      asker_phone: asker?.[1] ?? null,
      query_code: channel === 'online' ? String(100000 + seq * 7919).slice(0, 6) : null,
      asked_at: iso,
      logged_by: userId,
      answered_by: answer ? userId : null,
      answered_at: answer ? iso : null,
      faq_id: null,
      idempotency_key: null,
      created_at: iso,
      updated_at: iso,
      version: 1,
    });
    await repo.insertEvent(db, { id: randomUUID(), consultation_id: id, action: userId ? 'logged' : 'asked', at: iso, by_user_id: userId, text: answer ? `问：${question}\n答：${answer}` : question });
  }
  const at = new Date(now.getTime() - 86_400_000).toISOString();
  for (const [code, entries] of Object.entries(FAQ)) {
    const item = items.get(code);
    if (!item) continue;
    for (const [i, [question, answer, from]] of entries.entries()) {
      const source = from === null ? null : ids[from]!;
      const row = {
        id: randomUUID(),
        item_id: item.id,
        org_id: org.id,
        question,
        answer,
        position: i + 1,
        status: 'active',
        source_consultation_id: source,
        idempotency_key: null,
        created_by: people.director,
        created_at: at,
        updated_by: people.director,
        updated_at: at,
        version: 1,
      };
      await repo.insertFaq(db, row);
      await repo.insertFaqHistory(db, { id: randomUUID(), faq_id: row.id, version: 1, action: source ? 'promote' : 'create', question, answer, position: row.position, status: 'active', note: null, by_user_id: people.director, at });
      if (source) {
        await repo.updateConsultation(db, source, 1, { faq_id: row.id, updated_at: at });
        await repo.insertEvent(db, { id: randomUUID(), consultation_id: source, action: 'promoted', at, by_user_id: people.director, text: `选入“${item.name}”的常见问题：${question}` });
      }
    }
  }
}
