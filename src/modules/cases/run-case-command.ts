/**
 * The one case pipeline (ARCHITECTURE.md): intake, every action, a village batch and each step of the refusal
 * register come here. load → the domain decides (a Decision naming every consequence) → `settle` counts it where the
 * case is → write the case row, its state, its event, its hops and the messages the step causes (the applicant's
 * SMS, src/domain/notifications/case-messages.ts; the warnings when the step itself turned the light yellow or red)
 * in the caller's ONE transaction. Nothing here works a consequence out: it loads what the domain reads and writes
 * what the domain returned.
 */
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Decision } from '../../domain/cases/decision.js';
import type { CaseChannel, CaseState } from '../../domain/cases/model.js';
import { toDomainError, type Rejection } from '../../domain/cases/rules.js';
import { settle, type CaseSite, type Center, type HopWrite, type SettledStep } from '../../domain/cases/settle.js';
import type { HopKind } from '../../domain/cases/hops.js';
import type { OfficeHours } from '../../domain/calendar/office-hours.js';
import type { CenterTime } from '../../domain/cases/deadlines.js';
import { fromJson, toJson } from '../../db/portable.js';
import type { CaseEventsTable, CasesTable, OrgsTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';
import { versionConflict } from '../../server/errors.js';
import { loadCalendar } from '../calendar/repo.js';
import { itemWindowsAt } from '../catalog/repo.js';
import { findOrg, orgChain } from '../orgs/repo.js';
import { caseMessages, lightWarnings, warnedLight, type CaseMessageFacts } from '../../domain/notifications/case-messages.js';
import { enqueue } from '../notifications/outbox.js';
import { recipientFinder } from '../notifications/recipients.js';
import { caseRowFromState, stateOf, stateRow } from './persist.js';
import { appendCaseEvent } from '../events/repo.js';
import * as repo from './repo.js';

export interface CommandContext {
  now: Date;
  /** who the change is recorded for: the signed-in person at their center, or nobody (the years shipped with the software, loaded at first start) */
  actor: { userId: string | null; orgId: string };
}

/** Reads the state and decides; null when there is nothing to change (then nothing is written). */
type Decide = (state: CaseState) => Decision | Rejection | null | Promise<Decision | Rejection | null>;

const centerOf = (org: OrgsTable): Center => ({
  id: org.id,
  level: org.level,
  hours: fromJson<OfficeHours>(org.office_hours, { sessions: [] }),
  timeZone: org.time_zone,
});

/**
 * The centers of a case (the one that received it and each above it — `receiving`, from orgChain —, the holder, the
 * one it is sent to), its calendar and open hops.
 */
async function loadSite(
  db: Db,
  orgs: { receiving: readonly OrgsTable[]; holderId: string; transitId: string | null },
  caseId: string | null,
  readsHops = true,
): Promise<CaseSite> {
  const chain = orgs.receiving.map(centerOf);
  const center = async (id: string) => chain.find((c) => c.id === id) ?? centerOf((await findOrg(db, id))!);
  const hops = caseId === null || !readsHops ? [] : await repo.unreceivedHops(db, caseId);
  return {
    calendar: await loadCalendar(db),
    chain,
    holder: await center(orgs.holderId),
    transit: orgs.transitId === null ? null : await center(orgs.transitId),
    openHops: hops.map((h) => ({ id: h.id, kind: h.kind as HopKind, readyAt: h.ready_at, dueAt: h.due_at, toOrgId: h.to_org_id })),
  };
}

type CaseCommand = CommandContext & { row: repo.CaseRow; expectedVersion: number; batchId?: string | null };

/**
 * A command on a case already loaded in the caller's transaction: `decide` reads its state (and may refuse, or
 * throw a check of its own); the decision is settled and written under `expectedVersion` (409 when stale).
 */
export async function runCaseCommand(trx: Db, c: CaseCommand, decide: Decide): Promise<void> {
  if ((await tryCaseCommand(trx, c, decide)) === 'stale') throw versionConflict();
}

/**
 * As `runCaseCommand`, for a caller that can load the case again and decide anew (the deadline recount): a case
 * changed since `row` was read is answered 'stale', before anything is written. Returns the step written, or null
 * when the decision was to change nothing.
 */
export async function tryCaseCommand(trx: Db, c: CaseCommand, decide: Decide): Promise<SettledStep | null | 'stale'> {
  const { row, now } = c;
  const before = stateOf(row);
  const result = await decide(before);
  if (result === null) return null;
  if (!result.ok) throw toDomainError(result);
  const receiving = await orgChain(trx, row.receiving_org_id);
  const site = await loadSite(trx, { receiving, holderId: row.holder_org_id, transitId: row.transit_org_id }, row.id, result.hops.length > 0);
  // changing hands: the windows the centers it may go to handle its item at (settle places it at the new holder's)
  if (result.state.holderLevel !== before.holderLevel) {
    site.itemWindows = await itemWindowsAt(trx, [...site.chain.map((x) => x.id), ...(site.transit ? [site.transit.id] : [])], row.item_id);
  }
  const step = settle(before, result, site, { now, batchId: c.batchId ?? null });
  const columns = columnsOf(step, now);
  const changed = await repo.updateCase(trx, row.id, c.expectedVersion, { ...columns, updated_at: now.toISOString() }, stateRow(row.id, step.state).state);
  if (!changed) return 'stale';
  const event = await writeEventAndHops(trx, c, row.id, step);
  const receivingCenter = receiving[0] ?? (await findOrg(trx, row.receiving_org_id))!;
  const messages = event ? caseMessages(stepEvent(event, step), before, step.state, messageFacts(row, receivingCenter)) : [];
  // the step itself moved the light up (the sweep warns about the light moving on by itself: sweep-lights.ts)
  const warned = warnedLight(row.light, columns.light);
  if (warned) {
    const holderOrg = receiving.find((o) => o.id === step.holderOrgId) ?? (await findOrg(trx, step.holderOrgId))!;
    const recipients = await recipientFinder(trx)({ holderOrgId: step.holderOrgId, windowId: step.state.windowId, firstResponderId: row.first_responder_id });
    const facts = { caseId: row.id, caseNo: row.case_no, itemName: row.item_name, centerName: holderOrg.center_name, dueAt: step.state.dueAt, timeZone: holderOrg.time_zone };
    messages.push(...lightWarnings(facts, warned, now.toISOString(), recipients));
  }
  await enqueue(trx, messages, now);
  return step;
}

/** What the applicant's messages say about the case besides its state. */
const messageFacts = (
  row: Pick<repo.CaseRow, 'id' | 'case_no' | 'item_name' | 'applicant_phone' | 'channel'>,
  receiving: Pick<OrgsTable, 'center_name' | 'level' | 'time_zone'>,
): CaseMessageFacts => ({
  caseId: row.id,
  caseNo: row.case_no,
  itemName: row.item_name,
  applicantPhone: row.applicant_phone,
  centerName: receiving.center_name,
  receivingLevel: receiving.level,
  channel: row.channel as CaseChannel,
  timeZone: receiving.time_zone,
});

const stepEvent = (written: CaseEventsTable, step: SettledStep) => ({
  id: written.id,
  type: written.type,
  from: step.event!.from,
  to: step.event!.to,
  data: step.event!.data,
});

/**
 * A new case: the intake decision settled at the receiving center, written with the case's own columns. Returns
 * what was written — the row as stored, the state, its first event, and the holder's calendar and hours — so the intake
 * answers from it instead of reading it all back (issue 8).
 */
export async function runIntake(
  trx: Db,
  c: CommandContext & {
    chain: readonly OrgsTable[];
    id: string;
    columns: Omit<Insertable<CasesTable>, keyof ReturnType<typeof columnsOf> | 'updated_at' | 'version' | 'case_no'> & { created_at: string };
    /** takes the case's number: called once, right before the case is written */
    caseNo: () => Promise<string>;
  },
  decision: Decision,
): Promise<{ row: repo.CaseRow; state: CaseState; events: CaseEventsTable[]; holderTime: CenterTime }> {
  const site = await loadSite(trx, { receiving: c.chain, holderId: c.chain[0]!.id, transitId: null }, null);
  const step = settle(null, decision, site, { now: c.now });
  const columns = { ...c.columns, ...columnsOf(step, c.now), updated_at: c.columns.created_at, version: 1 };
  const state = stateRow(c.id, step.state);
  // The day's number is taken last, with nothing but the writes left: on PostgreSQL its row stays locked until the
  // commit, and every other intake of the center that day waits from there (issue 8).
  const row = await repo.insertCase(trx, { ...columns, case_no: await c.caseNo() }, state);
  const event = await writeEventAndHops(trx, c, c.id, step);
  if (event) await enqueue(trx, caseMessages(stepEvent(event, step), null, step.state, messageFacts(row, c.chain[0]!)), c.now);
  const holder = site.chain.find((center) => center.id === row.holder_org_id) ?? centerOf((await findOrg(trx, row.holder_org_id))!);
  return { row, state: step.state, events: event ? [event] : [], holderTime: { calendar: site.calendar, hours: holder.hours, timeZone: holder.timeZone } };
}

/** The case row's columns a step sets: the projection of its state, where it is, and the register. */
function columnsOf(step: SettledStep, now: Date) {
  return {
    ...caseRowFromState(step.state, { now, time: step.lightTime }),
    holder_org_id: step.holderOrgId,
    transit_org_id: step.transitOrgId,
    ...(step.completedAt ? { completed_at: step.completedAt } : {}),
    ...(step.dueRecountedAt ? { due_recomputed_at: step.dueRecountedAt } : {}),
    ...(step.register?.reviewedAt ? { refusal_reviewed_at: step.register.reviewedAt } : {}),
    ...(step.register?.review ? { refusal_review: step.register.review } : {}),
    ...(step.register?.answeredAt ? { refusal_answered_at: step.register.answeredAt } : {}),
  };
}

/** Writes the step's event (returned as written; null when the step has none) and its hops. */
async function writeEventAndHops(trx: Db, c: CommandContext & { batchId?: string | null }, caseId: string, step: SettledStep) {
  const at = c.now.toISOString();
  let written: CaseEventsTable | null = null;
  if (step.event !== null) {
    written = await appendCaseEvent(
      trx,
      {
        id: randomUUID(),
        case_id: caseId,
        at,
        type: step.event.type,
        by_user_id: c.actor.userId,
        org_id: c.actor.orgId,
        from_status: step.event.from,
        to_status: step.event.to,
        data: toJson(step.event.data),
      },
      // an intake's event is the case's first
      { first: step.event.from === null },
    );
  }
  for (const hop of step.hops) await writeHop(trx, c, caseId, hop, at);
  return written;
}

async function writeHop(trx: Db, c: CommandContext, caseId: string, hop: HopWrite, at: string) {
  switch (hop.type) {
    case 'delete-unsent':
      return repo.deleteUnsentHops(trx, caseId);
    case 'insert':
      return repo.insertHop(trx, {
        id: randomUUID(),
        case_id: caseId,
        kind: hop.kind,
        from_org_id: hop.fromOrgId,
        to_org_id: hop.toOrgId,
        urgent: 0,
        batch_id: null,
        materials: toJson(hop.materials),
        ready_at: hop.readyAt,
        due_at: hop.dueAt,
        sent_by: hop.sent ? c.actor.userId : null,
        sent_at: hop.sent ? at : null,
        received_by: null,
        received_at: null,
      });
    case 'send':
      return repo.updateHop(trx, hop.id, {
        sent_by: c.actor.userId,
        sent_at: at,
        urgent: hop.urgent ? 1 : 0,
        batch_id: hop.batchId,
        materials: toJson(hop.materials),
        to_org_id: hop.toOrgId,
        due_at: hop.dueAt,
      });
    case 'receive':
      return repo.updateHop(trx, hop.id, { received_by: c.actor.userId, received_at: at });
    case 'limit':
      return repo.updateHop(trx, hop.id, { due_at: hop.dueAt });
  }
}
