/**
 * A center's yearly standardisation round (issue 13 §4): the center answers the checklist (the score follows from
 * each answer) and submits; the county inspects and scores every item, each item below its points becoming a gap
 * with a deadline; the center records each gap's rectification with a photo, the county confirms it or sends it
 * back; the round closes with the last confirmation. Every write is one transaction guarded by the round's version
 * (409 on a stale copy) and recorded on the round's timeline; the state changes come from the domain's one table.
 */
import { randomUUID } from 'node:crypto';
import { localDate } from '../../domain/calendar/office-hours.js';
import { DomainError } from '../../domain/errors.js';
import { CHECKLIST_LEVEL_NAMES, type ChecklistItem } from '../../domain/standards/checklist.js';
import type { CenterStandards, Round, StandardsPhoto } from '../../domain/standards/contract.js';
import {
  checkedDueDate,
  decideGap,
  decideRound,
  DEFAULT_RECTIFY_WORKING_DAYS,
  GAP_STATUS_NAMES,
  isGapOpen,
  isGapOverdue,
  rectifiedLate,
  ROUND_ACTION_NAMES,
  ROUND_STATUS_NAMES,
  type GapStatus,
  type RoundAction,
  type RoundStatus,
} from '../../domain/standards/rounds.js';
import { inspectionProblems, inspectionResult, selfAssessment, selfVerdict, type InspectionInput, type SelfAnswer } from '../../domain/standards/scoring.js';
import { fromBool, fromJson, replayOnUniqueViolation, toBool, toJson } from '../../db/portable.js';
import type { OrgsTable } from '../../db/schema.js';
import type { AppContext, Db } from '../../server/context.js';
import { forbidden, notFound, versionConflict } from '../../server/errors.js';
import type { Actor } from '../auth/actor.js';
import { calendarAddWorkingDays } from '../calendar/service.js';
import { peopleByIds } from '../users/repo.js';
import { assessedCenter, type Standing } from './access.js';
import { itemsOf } from './checklists.js';
import * as repo from './repo.js';

const EXTRA_ACTION_NAMES: Record<string, string> = { start: '开始自评' };
const actionName = (action: string) => ROUND_ACTION_NAMES[action as RoundAction] ?? EXTRA_ACTION_NAMES[action] ?? action;

export const photoUrl = (id: string) => `/api/standards/photos/${id}`;

async function event(db: Db, roundId: string, actor: Actor, at: Date, action: string, detail: string | null, gapId: string | null = null) {
  await repo.insertEvent(db, { id: randomUUID(), round_id: roundId, gap_id: gapId, action, by_user_id: actor.userId, at: at.toISOString(), detail: detail === null ? null : toJson({ text: detail }) });
}

/** The round with its center and checklist, and where the actor stands; 404/403 otherwise. */
export async function loadRound(db: Db, actor: Actor, roundId: string) {
  const round = await repo.findRound(db, roundId);
  if (!round) throw notFound('该标准化建设自评');
  const { org, standing } = await assessedCenter(db, actor, round.org_id);
  const checklist = await repo.findChecklist(db, round.checklist_id);
  if (!checklist) throw notFound('该检查表');
  return { round, org, standing, checklist, items: itemsOf(checklist) };
}

function requireSide(standing: Standing, side: 'center' | 'county', action: RoundAction) {
  if (side === 'center' && !standing.center) throw forbidden(`${ROUND_ACTION_NAMES[action]}（由村代办员、乡镇中心主任为本中心办理）`);
  if (side === 'county' && !standing.county) throw forbidden(`${ROUND_ACTION_NAMES[action]}（由县级中心主任或纪检监察员办理）`);
}

const thisYear = (ctx: AppContext, org: OrgsTable) => Number(localDate(ctx.clock(), org.time_zone).slice(0, 4));

// ---- a center's rounds

export async function centerStandards(ctx: AppContext, actor: Actor, orgId: string): Promise<CenterStandards> {
  const { db } = ctx.database;
  const { org, standing } = await assessedCenter(db, actor, orgId);
  const year = thisYear(ctx, org);
  const rounds = await repo.roundsOf(db, org.id);
  return {
    orgId: org.id,
    orgName: org.center_name,
    level: org.level,
    thisYear: year,
    rounds: rounds.map((r) => ({ id: r.id, year: r.year, status: r.status as RoundStatus, statusName: ROUND_STATUS_NAMES[r.status as RoundStatus], selfTotal: r.self_total, inspectedTotal: r.inspected_total })),
    canStart: standing.center && !rounds.some((r) => r.year === year),
  };
}

/** Opens the center's round of the year (this year by default) on the newest checklist; an existing one is answered again. */
export async function startRound(ctx: AppContext, actor: Actor, orgId: string, year?: number): Promise<{ id: string; created: boolean }> {
  const { db } = ctx.database;
  const { org, standing } = await assessedCenter(db, actor, orgId);
  if (!standing.center) throw forbidden('开始标准化建设自评（由村代办员、乡镇中心主任为本中心办理）');
  const now = ctx.clock();
  const current = thisYear(ctx, org);
  const y = year ?? current;
  if (y > current || y < current - 1) throw new DomainError('VALIDATION_FAILED', `只能开始 ${current - 1} 年或 ${current} 年的自评。`);
  const existing = await repo.findRoundOf(db, org.id, y);
  if (existing) return { id: existing.id, created: false };
  const checklist = await repo.latestChecklist(db, org.level);
  if (!checklist) throw notFound(`${CHECKLIST_LEVEL_NAMES[org.level]}的检查表`);
  const at = now.toISOString();
  return replayOnUniqueViolation<{ id: string; created: boolean }>(
    () =>
      db.transaction().execute(async (trx) => {
        const id: string = randomUUID();
        await repo.insertRound(trx, {
          id,
          org_id: org.id,
          year: y,
          checklist_id: checklist.id,
          status: 'draft',
          self_total: 0,
          inspected_total: null,
          submitted_at: null,
          submitted_by: null,
          inspected_at: null,
          inspected_on: null,
          inspected_by: null,
          closed_at: null,
          created_by: actor.userId,
          created_at: at,
          updated_at: at,
          version: 1,
        });
        await event(trx, id, actor, now, 'start', `${y} 年自评，按${checklist.title}（第 ${checklist.version} 版）`);
        return { id, created: true };
      }),
    async () => {
      const row = await repo.findRoundOf(db, org.id, y);
      return row ? { id: row.id, created: false } : undefined;
    },
  );
}

// ---- self-assessment

export interface AnswerInput {
  met?: boolean | null | undefined;
  value?: number | null | undefined;
  text?: string | null | undefined;
  note?: string | null | undefined;
  expectedVersion: number;
}

function checkedAnswer(item: ChecklistItem, input: AnswerInput): SelfAnswer {
  if (item.kind === 'check') {
    if (input.met === undefined) throw new DomainError('VALIDATION_FAILED', `请选择“${item.title}”是否达标。`);
    return { met: input.met };
  }
  if (item.kind === 'number') {
    if (input.value === undefined) throw new DomainError('VALIDATION_FAILED', `请填写“${item.title}”的数值${item.unit ? `（${item.unit}）` : ''}。`);
    if (input.value !== null && (!Number.isFinite(input.value) || input.value < 0 || input.value > 1_000_000)) {
      throw new DomainError('VALIDATION_FAILED', `“${item.title}”须填写 0 到 1000000 之间的数。`);
    }
    return { value: input.value };
  }
  if (input.text === undefined) throw new DomainError('VALIDATION_FAILED', `请填写“${item.title}”上的文字。`);
  return { text: input.text?.trim() || null };
}

const answerOf = (row: repo.AnswerRow | undefined): SelfAnswer | undefined =>
  row ? { met: row.met === null ? null : toBool(row.met), value: row.value, text: row.text } : undefined;

export async function answerItem(ctx: AppContext, actor: Actor, roundId: string, code: string, input: AnswerInput): Promise<void> {
  const { db } = ctx.database;
  const { round, org, standing, items } = await loadRound(db, actor, roundId);
  requireSide(standing, 'center', 'answer');
  const item = items.find((i) => i.code === code);
  if (!item) throw notFound('该检查项');
  const answer = checkedAnswer(item, input);
  const now = ctx.clock();
  await db.transaction().execute(async (trx) => {
    const current = await repo.findRound(trx, round.id);
    if (!current || current.version !== input.expectedVersion) throw versionConflict();
    decideRound(current.status as RoundStatus, 'answer', 'center');
    const verdict = selfVerdict(item, answer, org.center_name);
    await repo.upsertAnswer(trx, {
      round_id: round.id,
      item_code: code,
      met: answer.met === undefined || answer.met === null ? null : fromBool(answer.met),
      value: answer.value ?? null,
      text: answer.text ?? null,
      note: input.note?.trim() || null,
      self_score: verdict.score,
      inspected_score: null,
      inspected_value: null,
      inspect_note: null,
      updated_by: actor.userId,
      updated_at: now.toISOString(),
    });
    const answers = new Map((await repo.answersOf(trx, round.id)).map((a) => [a.item_code, answerOf(a)!] as const));
    const self = selfAssessment(items, answers, org.center_name);
    if (!(await repo.touchRound(trx, round.id, input.expectedVersion, { self_total: self.total, updated_at: now.toISOString() }))) throw versionConflict();
  });
}

export async function submitRound(ctx: AppContext, actor: Actor, roundId: string, expectedVersion: number): Promise<void> {
  const { db } = ctx.database;
  const { round, org, standing, items } = await loadRound(db, actor, roundId);
  requireSide(standing, 'center', 'submit');
  const now = ctx.clock();
  await db.transaction().execute(async (trx) => {
    const current = await repo.findRound(trx, round.id);
    if (!current || current.version !== expectedVersion) throw versionConflict();
    const to = decideRound(current.status as RoundStatus, 'submit', 'center');
    const answers = new Map((await repo.answersOf(trx, round.id)).map((a) => [a.item_code, answerOf(a)!] as const));
    const self = selfAssessment(items, answers, org.center_name);
    if (self.missing.length > 0) {
      const titles = self.missing.map((c) => items.find((i) => i.code === c)?.title ?? c);
      throw new DomainError('SELF_INCOMPLETE', `还有 ${titles.length} 项没有填写：${titles.join('、')}。请填写后再提交。`, { missing: self.missing });
    }
    if (!(await repo.touchRound(trx, round.id, expectedVersion, { status: to, self_total: self.total, submitted_at: now.toISOString(), submitted_by: actor.userId, updated_at: now.toISOString() }))) throw versionConflict();
    await event(trx, round.id, actor, now, 'submit', `自评得分 ${self.total} 分`);
  });
}

export async function returnRound(ctx: AppContext, actor: Actor, roundId: string, input: { reason: string; expectedVersion: number }): Promise<void> {
  const { db } = ctx.database;
  const { round, standing } = await loadRound(db, actor, roundId);
  requireSide(standing, 'county', 'return');
  const now = ctx.clock();
  await db.transaction().execute(async (trx) => {
    const current = await repo.findRound(trx, round.id);
    if (!current || current.version !== input.expectedVersion) throw versionConflict();
    const to = decideRound(current.status as RoundStatus, 'return', 'county');
    if (!(await repo.touchRound(trx, round.id, input.expectedVersion, { status: to, submitted_at: null, submitted_by: null, updated_at: now.toISOString() }))) throw versionConflict();
    await event(trx, round.id, actor, now, 'return', input.reason);
  });
}

// ---- inspection

export interface InspectInput {
  expectedVersion: number;
  /** the day of the inspection (default today) */
  inspectedOn?: string | undefined;
  /** deadline for the gaps in working days from the inspection day, when an item names no date (default 20) */
  rectifyWorkingDays?: number | undefined;
  items: (InspectionInput & { dueDate?: string | null | undefined })[];
}

export async function inspectRound(ctx: AppContext, actor: Actor, roundId: string, input: InspectInput): Promise<void> {
  const { db } = ctx.database;
  const { round, org, standing, items } = await loadRound(db, actor, roundId);
  requireSide(standing, 'county', 'inspect');
  decideRound(round.status as RoundStatus, 'inspect', 'county', 1);
  const problems = inspectionProblems(items, input.items);
  if (problems.length > 0) throw new DomainError('INSPECTION_INVALID', problems.join(''), { problems });
  const now = ctx.clock();
  const today = localDate(now, org.time_zone);
  const day = input.inspectedOn ?? today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || day > today) throw new DomainError('VALIDATION_FAILED', '检查日期须是今天或以前的日期（YYYY-MM-DD）。');
  const result = inspectionResult(items, input.items);
  // deadlines are worked out before the transaction (the calendar reads the database on its own)
  const defaultDue = (await calendarAddWorkingDays(ctx, day, input.rectifyWorkingDays ?? DEFAULT_RECTIFY_WORKING_DAYS)).date;
  const byCode = new Map(input.items.map((s) => [s.code, s]));
  const gaps = result.gaps.map((g) => {
    const asked = byCode.get(g.code)?.dueDate;
    return { ...g, dueDate: asked ? checkedDueDate(asked, day) : defaultDue };
  });
  await db.transaction().execute(async (trx) => {
    const current = await repo.findRound(trx, round.id);
    if (!current || current.version !== input.expectedVersion) throw versionConflict();
    const to = decideRound(current.status as RoundStatus, 'inspect', 'county', gaps.length);
    const at = now.toISOString();
    for (const s of input.items) {
      await repo.setInspected(trx, round.id, s.code, { inspected_score: s.score, inspected_value: s.value ?? null, inspect_note: s.note?.trim() || null, updated_by: actor.userId, updated_at: at });
    }
    await repo.insertGaps(
      trx,
      gaps.map((g) => ({
        id: randomUUID(),
        round_id: round.id,
        org_id: org.id,
        item_code: g.code,
        note: g.note,
        lost: g.lost,
        due_date: g.dueDate,
        status: 'open',
        rectification: null,
        rectified_at: null,
        rectified_on: null,
        rectified_by: null,
        confirmed_at: null,
        confirmed_by: null,
        reopen_reason: null,
        created_at: at,
        version: 1,
      })),
    );
    const patch = { status: to, inspected_total: result.total, inspected_at: at, inspected_on: day, inspected_by: actor.userId, closed_at: to === 'closed' ? at : null, updated_at: at };
    if (!(await repo.touchRound(trx, round.id, input.expectedVersion, patch))) throw versionConflict();
    await event(trx, round.id, actor, now, 'inspect', `检查得分 ${result.total} 分，整改项 ${gaps.length} 项`);
  });
}

// ---- gaps

async function loadGap(db: Db, actor: Actor, gapId: string) {
  const gap = await repo.findGap(db, gapId);
  if (!gap) throw notFound('该整改项');
  return { gap, ...(await loadRound(db, actor, gap.round_id)) };
}

export async function gapAction(
  ctx: AppContext,
  actor: Actor,
  gapId: string,
  action: 'rectify' | 'confirm' | 'reopen',
  input: { expectedVersion: number; note?: string | undefined; reason?: string | undefined },
): Promise<string> {
  const { db } = ctx.database;
  const { gap, round, org, standing, items } = await loadGap(db, actor, gapId);
  const side = action === 'rectify' ? 'center' : 'county';
  requireSide(standing, side, action);
  const now = ctx.clock();
  const at = now.toISOString();
  const title = items.find((i) => i.code === gap.item_code)?.title ?? gap.item_code;
  if (action === 'rectify' && !input.note?.trim()) throw new DomainError('VALIDATION_FAILED', '请写明整改情况。');
  if (action === 'reopen' && !input.reason?.trim()) throw new DomainError('VALIDATION_FAILED', '请写明退回整改的原因。');
  await db.transaction().execute(async (trx) => {
    const current = await repo.findGap(trx, gap.id);
    const currentRound = await repo.findRound(trx, round.id);
    if (!current || !currentRound || current.version !== input.expectedVersion) throw versionConflict();
    const gapTo = decideGap(current.status as GapStatus, action, side);
    const others = (await repo.gapsOf(trx, round.id)).filter((g) => g.id !== gap.id && isGapOpen(g.status as GapStatus)).length;
    const roundTo = decideRound(currentRound.status as RoundStatus, action, side, others + (isGapOpen(gapTo) ? 1 : 0));
    let patch: Partial<repo.GapRow>;
    let detail: string;
    if (action === 'rectify') {
      const photos = (await repo.photosOf(trx, round.id)).filter((p) => p.slot === gap.id);
      if (photos.length === 0) throw new DomainError('RECTIFY_PHOTO_MISSING', `请先上传“${title}”整改后的现场照片，再登记整改情况。`);
      patch = { status: gapTo, rectification: input.note!.trim(), rectified_at: at, rectified_on: localDate(now, org.time_zone), rectified_by: actor.userId, reopen_reason: null };
      detail = `${title}：${input.note!.trim()}`;
    } else if (action === 'confirm') {
      patch = { status: gapTo, confirmed_at: at, confirmed_by: actor.userId };
      detail = title;
    } else {
      patch = { status: gapTo, reopen_reason: input.reason!.trim() };
      detail = `${title}：${input.reason!.trim()}`;
    }
    if (!(await repo.touchGap(trx, gap.id, input.expectedVersion, patch))) throw versionConflict();
    // the round's version serialises gap actions: the last confirmation closes it exactly once
    if (!(await repo.touchRound(trx, round.id, currentRound.version, { status: roundTo, closed_at: roundTo === 'closed' ? at : null, updated_at: at }))) throw versionConflict();
    await event(trx, round.id, actor, now, action, detail, gap.id);
  });
  return round.id;
}

// ---- the round as shown

export async function getRound(ctx: AppContext, actor: Actor, roundId: string): Promise<Round> {
  const { db } = ctx.database;
  const { round, org, standing, checklist, items } = await loadRound(db, actor, roundId);
  const [answers, gaps, photos, events, latest] = await Promise.all([
    repo.answersOf(db, round.id),
    repo.gapsOf(db, round.id),
    repo.photosOf(db, round.id),
    repo.eventsOf(db, round.id),
    repo.latestChecklist(db, org.level),
  ]);
  const people = await peopleByIds(db, [
    round.submitted_by,
    round.inspected_by,
    ...gaps.flatMap((g) => [g.rectified_by, g.confirmed_by]),
    ...photos.map((p) => p.uploaded_by),
    ...events.map((e) => e.by_user_id),
  ]);
  const nameOf = (id: string | null) => (id ? (people.get(id)?.name ?? '') : null);
  const presentPhoto = (p: repo.PhotoRow): StandardsPhoto => ({
    id: p.id,
    itemCode: p.item_code,
    gapId: p.slot === 'self' ? null : p.slot,
    url: photoUrl(p.id),
    fileName: p.file_name,
    type: p.type,
    size: p.size,
    uploadedAt: p.uploaded_at,
    uploadedByName: nameOf(p.uploaded_by) ?? '',
  });
  const byCode = new Map(answers.map((a) => [a.item_code, a]));
  const selfAnswers = new Map(answers.filter((a) => a.met !== null || a.value !== null || a.text !== null).map((a) => [a.item_code, answerOf(a)!] as const));
  const self = selfAssessment(items, selfAnswers, org.center_name);
  const verdicts = new Map(self.items.map((v) => [v.code, v.verdict]));
  const today = localDate(ctx.clock(), org.time_zone);
  const status = round.status as RoundStatus;
  const anyOpen = gaps.some((g) => g.status === 'open');
  const anyRectified = gaps.some((g) => g.status === 'rectified');
  return {
    id: round.id,
    orgId: org.id,
    orgName: org.center_name,
    level: org.level,
    year: round.year,
    status,
    statusName: ROUND_STATUS_NAMES[status],
    version: round.version,
    checklist: { id: checklist.id, version: checklist.version, title: checklist.title, newerVersion: latest && latest.version > checklist.version ? latest.version : null },
    items: items.map((item) => {
      const a = byCode.get(item.code);
      const verdict = verdicts.get(item.code);
      return {
        ...item,
        min: item.min ?? null,
        unit: item.unit ?? null,
        met: a && a.met !== null ? toBool(a.met) : null,
        value: a?.value ?? null,
        text: a?.text ?? null,
        note: a?.note ?? null,
        selfScore: verdict?.score ?? null,
        selfReason: verdict?.reason ?? null,
        inspectedScore: a?.inspected_score ?? null,
        inspectedValue: a?.inspected_value ?? null,
        inspectNote: a?.inspect_note ?? null,
        photos: photos.filter((p) => p.item_code === item.code && p.slot === 'self').map(presentPhoto),
      };
    }),
    selfTotal: self.total,
    selfAnswered: self.answered,
    selfMissing: self.missing,
    inspectedTotal: round.inspected_total,
    submittedAt: round.submitted_at,
    submittedByName: nameOf(round.submitted_by),
    inspectedAt: round.inspected_at,
    inspectedOn: round.inspected_on,
    inspectedByName: nameOf(round.inspected_by),
    closedAt: round.closed_at,
    gaps: [...gaps].sort((a, b) => items.findIndex((i) => i.code === a.item_code) - items.findIndex((i) => i.code === b.item_code)).map((g) => {
      const item = items.find((i) => i.code === g.item_code);
      const gs = g.status as GapStatus;
      return {
        id: g.id,
        itemCode: g.item_code,
        itemTitle: item?.title ?? g.item_code,
        group: item?.group ?? '',
        note: g.note,
        lost: g.lost,
        dueDate: g.due_date,
        status: gs,
        statusName: GAP_STATUS_NAMES[gs],
        overdue: isGapOverdue({ status: gs, dueDate: g.due_date }, today),
        rectification: g.rectification,
        rectifiedAt: g.rectified_at,
        rectifiedByName: nameOf(g.rectified_by),
        rectifiedLate: rectifiedLate({ dueDate: g.due_date, rectifiedOn: g.rectified_on }),
        confirmedAt: g.confirmed_at,
        confirmedByName: nameOf(g.confirmed_by),
        reopenReason: g.reopen_reason,
        version: g.version,
        photos: photos.filter((p) => p.slot === g.id).map(presentPhoto),
      };
    }),
    events: events.map((e) => ({ at: e.at, action: e.action, actionName: actionName(e.action), byName: nameOf(e.by_user_id) ?? '', detail: fromJson<{ text?: string } | null>(e.detail, null)?.text ?? null })),
    can: {
      answer: standing.center && status === 'draft',
      submit: standing.center && status === 'draft',
      return: standing.county && status === 'submitted',
      inspect: standing.county && status === 'submitted',
      rectify: standing.center && status === 'rectifying' && (anyOpen || anyRectified),
      confirm: standing.county && status === 'rectifying' && anyRectified,
    },
  };
}

