/**
 * 信访登记: the receptionist registers a petition the moment it is received — the ledger fields, the persons and
 * representatives, the earlier visits of the same person found by ID number or phone. The domain decides
 * (src/domain/petitions/petitions.ts); the petition, its first history step (and, solved on the spot, the second),
 * the flag to the leaders of a group or urgent petition and the audit entry are written in ONE transaction. The
 * same Idempotency-Key answers with the petition it made.
 */
import { randomUUID } from 'node:crypto';
import { localDate } from '../../domain/calendar/office-hours.js';
import { DomainError } from '../../domain/errors.js';
import { assertSameRequest, requestFingerprint } from '../../db/idempotency.js';
import { parseIdNumber, parseMobile } from '../../domain/people/id-number.js';
import {
  decidePetition,
  dayCounter,
  isGroup,
  petitionNumber,
  type PetitionChannel,
  type PetitionHandling,
  type PetitionSex,
  type PetitionUrgency,
  type Representative,
} from '../../domain/petitions/petitions.js';
import { replayOnUniqueViolation, toJson } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { forbidden } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { loadCalendar } from '../calendar/repo.js';
import { findOrg } from '../orgs/repo.js';
import { flagToLeaders } from './notify.js';
import * as repo from './repo.js';
import { dayCountOf } from './settings.js';
import { actorOf, columnsOf } from './view.js';

export interface RegisterPetitionInput {
  name: string;
  phone?: string | undefined;
  idNumber?: string | undefined;
  address?: string | undefined;
  sex?: PetitionSex | undefined;
  age?: number | undefined;
  occupation?: string | undefined;
  issue: string;
  channel: PetitionChannel;
  persons?: number | undefined;
  representatives?: Representative[] | undefined;
  handling?: PetitionHandling | undefined;
  urgency?: PetitionUrgency | undefined;
  /** 当场解决的情况 (handling solved) */
  result?: string | undefined;
  /** 来访时间 to the hour; default now */
  receivedAt?: string | undefined;
}

const invalid = (path: string, message: string) => new DomainError('VALIDATION_FAILED', message, { errors: [{ path, message }] }, 422);

/** The ID number (GB 11643 check digit) and mobile as stored: plain, checked; refusals name the field. */
export function checkedIdentity(today: string, who: { idNumber?: string | undefined; phone?: string | undefined }, path = '') {
  let idNumber: string | null = null;
  let phone: string | null = null;
  if (who.idNumber?.trim()) {
    const r = parseIdNumber(who.idNumber, today);
    if (!r.ok) throw invalid(`${path}idNumber`, r.error);
    idNumber = r.value.number;
  }
  if (who.phone?.trim()) {
    const m = parseMobile(who.phone);
    // a landline is kept as typed (digits only): the earlier-visit search matches it the same way
    phone = m.ok ? m.value : who.phone.replace(/\D/g, '');
    if (!m.ok && phone.length < 7) throw invalid(`${path}phone`, m.error);
  }
  return { idNumber, phone };
}

export async function registerPetition(ctx: AppContext, actor: Actor, input: RegisterPetitionInput, key: string): Promise<{ id: string; replayed: boolean }> {
  const now = ctx.clock();
  // the key answers with its petition only for the same registration: sent again with other content it is refused
  const fingerprint = requestFingerprint('POST /api/petitions', input);
  const replay = async () => sameKeyed(await repo.findPetitionByKey(ctx.database.db, actor.userId, key), fingerprint);
  // two requests with one key at once: the later one's insert fails on the unique key and it answers with the
  // first one's petition; a number taken at the same moment by another petition is tried again with the next
  for (let attempt = 1; ; attempt++) {
    try {
      return await replayOnUniqueViolation(() => ctx.database.db.transaction().execute((trx) => registerIn(trx, actor, input, key, fingerprint, now)), replay);
    } catch (error) {
      if (attempt >= 3 || !/23505|SQLITE_CONSTRAINT/.test(String((error as { code?: string }).code ?? ''))) throw error;
    }
  }
}

/** The petition a key made, when this is the same request; the key with other content is refused (422). */
function sameKeyed(stored: { id: string; idempotency_fingerprint?: string | null } | undefined, fingerprint: string) {
  if (!stored) return undefined;
  assertSameRequest(stored.idempotency_fingerprint, fingerprint);
  return { id: stored.id, replayed: true };
}

async function registerIn(trx: Db, actor: Actor, input: RegisterPetitionInput, key: string, fingerprint: string, now: Date) {
  const stored = sameKeyed(await repo.findPetitionByKey(trx, actor.userId, key), fingerprint);
  if (stored) return stored;
  const org = await findOrg(trx, actor.orgId);
  if (!org || org.level === 'village') throw forbidden('登记信访事项（信访事项由乡镇及以上便民服务中心登记）');

  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (Number.isNaN(receivedAt.getTime())) throw invalid('receivedAt', '来访时间不正确，请重新选择。');
  if (receivedAt.getTime() > now.getTime() + 60_000) throw invalid('receivedAt', '来访时间不能晚于现在，请重新选择。');
  if (receivedAt.getTime() < now.getTime() - 30 * 86_400_000) throw invalid('receivedAt', '来访时间不能早于 30 天前：信访事项应在收到时登记。');
  const today = localDate(receivedAt, org.time_zone);
  const { idNumber, phone } = checkedIdentity(localDate(now, org.time_zone), input);
  const representatives = (input.representatives ?? []).map((r, i) => {
    const checked = checkedIdentity(localDate(now, org.time_zone), r, `representatives.${i}.`);
    return { name: r.name.trim(), phone: checked.phone ?? undefined, idNumber: checked.idNumber ?? undefined };
  });
  const persons = input.persons ?? 1;
  const handling = input.handling ?? 'reply';
  const dayCount = await dayCountOf(trx);
  const count = dayCounter(dayCount, dayCount === 'working' ? await loadCalendar(trx) : undefined);
  const petitionActor = actorOf(actor, null);

  const first = decidePetition(null, { action: 'register', persons, representatives, issue: input.issue, handling, result: input.result }, { now, today, actor: petitionActor, count });
  if (!first.ok) throw new DomainError(first.code, first.message, undefined, first.status);
  const decisions = [first];
  if (handling === 'solved') {
    const solved = decidePetition(first.petition, { action: 'solve', text: input.result ?? '' }, { now, today, actor: petitionActor, count });
    if (!solved.ok) throw new DomainError(solved.code, solved.message, undefined, solved.status);
    decisions.push(solved);
  }
  const state = decisions.at(-1)!.petition;

  const earlier = await repo.earlierPetitions(trx, org.id, { idNumber, phone });
  const year = Number(today.slice(0, 4));
  const seq = await repo.nextPetitionSeq(trx, org.id, year);
  const id = randomUUID();
  const at = now.toISOString();
  const row: repo.PetitionRow = {
    id,
    petition_no: petitionNumber(year, seq),
    org_id: org.id,
    year,
    seq,
    received_at: receivedAt.toISOString(),
    channel: input.channel,
    name: input.name.trim(),
    sex: input.sex ?? null,
    age: input.age ?? null,
    occupation: input.occupation?.trim() || null,
    address: input.address?.trim() || null,
    phone,
    id_number: idNumber,
    issue: input.issue.trim(),
    received_by: actor.userId,
    handling,
    urgency: input.urgency ?? 'normal',
    persons,
    is_group: isGroup(persons) ? 1 : 0,
    representatives: toJson(representatives),
    earlier_visits: earlier.length,
    day_count: dayCount,
    registered_on: today,
    ...columnsOf(state, count),
    idempotency_key: key,
    idempotency_fingerprint: fingerprint,
    created_at: at,
    updated_at: at,
    version: state.version,
  };
  await repo.insertPetition(trx, row);
  for (const [i, d] of decisions.entries()) {
    await repo.insertEvent(trx, { id: randomUUID(), petition_id: id, seq: i + 1, action: d.step.action, at, by_user_id: actor.userId, text: d.step.text, from_status: d.step.from, to_status: d.step.to });
  }
  if (row.is_group || row.urgency === 'urgent') await flagToLeaders(trx, row, org.center_name, now, org.time_zone);
  await recordAudit(trx, {
    at: now,
    userId: actor.userId, ip: actor.ip,
    action: 'petition.register',
    targetType: 'petition',
    targetId: id,
    detail: { petitionNo: row.petition_no, persons, group: row.is_group === 1, urgency: row.urgency, handling, earlierVisits: earlier.length },
  });
  return { id, replayed: false };
}
