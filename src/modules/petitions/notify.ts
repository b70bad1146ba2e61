/**
 * The messages petitions send, put in the outbox in the transaction of the change that causes them: a group (集体访)
 * or urgent petition is flagged at once to the day's 带班领导 by the center's published duty roster (every active
 * `leader` of the center when no roster names one) and its director(s), in-app and by SMS to a phone on record; a clock that turns yellow or red
 * warns the receptionist who registered it and the director(s) once per change (the dedupe key names the clock, its
 * due date and the light). No message carries the petitioner's name, phone or ID number.
 */
import { localDate } from '../../domain/calendar/office-hours.js';
import { CLOCK_NAMES, type PetitionClock } from '../../domain/petitions/petitions.js';
import { fromJson, toBool } from '../../db/portable.js';
import type { Db } from '../../server/context.js';
import { dutyLeaderOn } from '../duty/queries.js';
import { enqueue, type OutboxMessage } from '../notifications/outbox.js';
import { listUsers } from '../users/repo.js';
import type { PetitionRow } from './repo.js';

const dateText = (date: string) => `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
const short = (text: string, n = 40) => (text.length > n ? `${text.slice(0, n)}……` : text);

/** The center's active people with any of `roles`. */
async function peopleOf(db: Db, orgId: string, roles: readonly string[]) {
  return (await listUsers(db, [orgId]))
    .filter((u) => toBool(u.active))
    .map((u) => ({ id: u.id, phone: u.phone, roles: fromJson<string[]>(u.roles, []) }))
    .filter((p) => p.roles.some((r) => roles.includes(r)));
}

const both = (people: { id: string; phone: string | null }[], template: OutboxMessage['template'], params: Record<string, string>, key: string): OutboxMessage[] =>
  people.flatMap((p) => [
    { channel: 'inbox' as const, to: p.id, template, params, dedupeKey: `${key}:inbox:${p.id}` },
    ...(p.phone ? [{ channel: 'sms' as const, to: p.phone, template, params, dedupeKey: `${key}:sms:${p.id}` }] : []),
  ]);

/** 集体访 / 紧急信访: to the leader on duty today (else every leader) and the director(s) of the center, at once. */
export async function flagToLeaders(db: Db, p: PetitionRow, centerName: string, at: Date, timeZone: string): Promise<void> {
  const onDuty = await dutyLeaderOn(db, p.org_id, localDate(at, timeZone));
  const people = (await peopleOf(db, p.org_id, ['leader', 'director'])).filter((x) => x.roles.includes('director') || !onDuty || x.id === onDuty.userId);
  const kind = toBool(p.is_group) ? `集体访（${p.persons}人）` : '紧急信访';
  const params = { center: centerName, kind, petitionNo: p.petition_no, issue: short(p.issue) };
  await enqueue(db, both(people, 'petition-flagged', params, `petition:${p.id}:flag`), at);
}

/** A staff clock turned yellow or red: to the receptionist and the director(s), once per clock, due date and light. */
export async function warnClock(db: Db, p: PetitionRow, centerName: string, clock: PetitionClock, at: Date): Promise<number> {
  if (clock.light !== 'yellow' && clock.light !== 'red') return 0;
  const directors = await peopleOf(db, p.org_id, ['director']);
  const people = [...new Map([...directors, ...(await peopleOf(db, p.org_id, ['petition', 'leader', 'director'])).filter((x) => x.id === p.received_by)].map((x) => [x.id, x])).values()];
  const template: OutboxMessage['template'] = clock.light === 'red' ? 'petition-clock-red' : 'petition-clock-yellow';
  const params = { center: centerName, petitionNo: p.petition_no, clock: CLOCK_NAMES[clock.name], dueOn: dateText(clock.dueOn) };
  const key = `petition:${p.id}:clock:${clock.name}:${clock.dueOn}:${clock.light}`;
  // the yellow warning in-app only; the red one by SMS too
  const messages = clock.light === 'red' ? both(people, template, params, key) : people.map((x): OutboxMessage => ({ channel: 'inbox', to: x.id, template, params, dedupeKey: `${key}:inbox:${x.id}` }));
  await enqueue(db, messages, at);
  return messages.length;
}
