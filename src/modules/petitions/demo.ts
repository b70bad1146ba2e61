/**
 * Demo petitions for `npm start` (src/modules/demo/seed.ts calls this): an individual petition handed over to a
 * department and waiting for its reply, a group petition (集体访, 8 people, 3 representatives) received by the
 * leader, and one solved on the spot. Written through the domain's decisions like real ones; no messages are sent.
 */
import { randomUUID } from 'node:crypto';
import { localDate, zonedInstant } from '../../domain/calendar/office-hours.js';
import { addCalendarDays } from '../../domain/calendar/calendar.js';
import { decidePetition, dayCounter, isGroup, petitionNumber, type PetitionCommand, type PetitionState } from '../../domain/petitions/petitions.js';
import { toJson } from '../../db/portable.js';
import type { Db } from '../../server/context.js';
import * as repo from './repo.js';
import { columnsOf } from './view.js';

interface DemoPetition {
  daysAgo: number;
  hour: number;
  row: Pick<repo.PetitionRow, 'channel' | 'name' | 'sex' | 'age' | 'occupation' | 'address' | 'phone' | 'id_number' | 'issue' | 'handling' | 'urgency' | 'persons'>;
  representatives: { name: string; phone?: string }[];
  steps: { daysAfter: number; command: PetitionCommand }[];
}

const DEMO: DemoPetition[] = [
  {
    daysAgo: 6,
    hour: 9,
    row: { channel: 'visit', name: '赵永福', sex: 'male', age: 58, occupation: '农民', address: '柳河镇杨庄村二组', phone: '13703718812', id_number: null, issue: '村东排水渠年久失修，雨天积水倒灌进院，去年反映过一次，至今未修。', handling: 'transferred', urgency: 'normal', persons: 1 },
    representatives: [],
    steps: [
      { daysAfter: 1, command: { action: 'accept', text: '经审查，该事项属于本镇职责范围，予以受理。' } },
      { daysAfter: 1, command: { action: 'hand_over', department: '镇农业农村办公室', text: '请实地查看杨庄村东排水渠，提出维修方案和时间安排。', replyBy: '' } },
    ],
  },
  {
    daysAgo: 2,
    hour: 10,
    row: { channel: 'visit', name: '孙桂兰', sex: 'female', age: 46, occupation: '个体经营户', address: '柳河镇河东社区', phone: '13803712245', id_number: null, issue: '河东社区 8 户居民反映新建养殖场距居民区过近，气味大、污水外排，要求查处。', handling: 'reply', urgency: 'urgent', persons: 8 },
    representatives: [{ name: '孙桂兰', phone: '13803712245' }, { name: '李长河' }, { name: '周玉梅' }],
    steps: [{ daysAfter: 0, command: { action: 'reception', leaderName: '李春梅', receivedOn: '', text: '当场听取意见，责成镇生态环境办三日内现场核查，核查结果当面答复群众代表。' } }],
  },
  {
    daysAgo: 1,
    hour: 15,
    row: { channel: 'phone', name: '钱大伟', sex: 'male', age: 35, occupation: '务工', address: '柳河镇柳河村五组', phone: null, id_number: null, issue: '询问城乡居民医保缴费后为何显示未参保。', handling: 'solved', urgency: 'normal', persons: 1 },
    representatives: [],
    steps: [{ daysAfter: 0, command: { action: 'solve', text: '经核实系缴费信息未同步，已联系医保窗口补录，群众表示满意。' } }],
  },
];

export async function seedDemoPetitions(db: Db, orgId: string, timeZone: string, receptionistId: string, now: Date): Promise<number> {
  const count = dayCounter('calendar');
  const actor = { userId: receptionistId, roles: ['petition' as const], atCenter: true };
  for (const d of DEMO) {
    const today = addCalendarDays(localDate(now, timeZone), -d.daysAgo);
    const received = zonedInstant(today, `${String(d.hour).padStart(2, '0')}:00`, timeZone);
    const first = decidePetition(null, { action: 'register', persons: d.row.persons, representatives: d.representatives, issue: d.row.issue, handling: d.row.handling as 'reply', result: 'x' }, { now: received, today, actor, count });
    if (!first.ok) throw new Error(first.message);
    let state: PetitionState = first.petition;
    const events = [{ step: first.step, at: received }];
    const extra: { handover?: repo.HandoverRow; reception?: repo.ReceptionRow } = {};
    const id = randomUUID();
    for (const s of d.steps) {
      const at = new Date(received.getTime() + s.daysAfter * 86_400_000 + 3_600_000);
      const day = localDate(at, timeZone);
      const command: PetitionCommand =
        s.command.action === 'hand_over' ? { ...s.command, replyBy: addCalendarDays(day, 5) } : s.command.action === 'reception' ? { ...s.command, receivedOn: day } : s.command;
      const next = decidePetition(state, command, { now: at, today: day, actor, count });
      if (!next.ok) throw new Error(next.message);
      state = next.petition;
      events.push({ step: next.step, at });
      if (command.action === 'hand_over') {
        extra.handover = { id: randomUUID(), petition_id: id, seq: 1, department: command.department, content: command.text, reply_by: command.replyBy, handed_at: at.toISOString(), handed_by: receptionistId, reply: null, replied_at: null, replied_by: null };
      }
      if (command.action === 'reception') {
        extra.reception = { id: randomUUID(), petition_id: id, leader_name: command.leaderName, received_on: command.receivedOn, decision: command.text, recorded_by: receptionistId, at: at.toISOString() };
      }
    }
    const year = Number(today.slice(0, 4));
    const seq = await repo.nextPetitionSeq(db, orgId, year);
    await repo.insertPetition(db, {
      id,
      petition_no: petitionNumber(year, seq),
      org_id: orgId,
      year,
      seq,
      received_at: received.toISOString(),
      ...d.row,
      received_by: receptionistId,
      is_group: isGroup(d.row.persons) ? 1 : 0,
      representatives: toJson(d.representatives),
      earlier_visits: 0,
      day_count: 'calendar',
      registered_on: today,
      ...columnsOf(state, count),
      idempotency_key: null,
      created_at: received.toISOString(),
      updated_at: events.at(-1)!.at.toISOString(),
      version: state.version,
    });
    for (const [i, e] of events.entries()) {
      await repo.insertEvent(db, { id: randomUUID(), petition_id: id, seq: i + 1, action: e.step.action, at: e.at.toISOString(), by_user_id: receptionistId, text: e.step.text, from_status: e.step.from, to_status: e.step.to });
    }
    if (extra.handover) await repo.insertHandover(db, extra.handover);
    if (extra.reception) await repo.insertReception(db, extra.reception);
  }
  return DEMO.length;
}
